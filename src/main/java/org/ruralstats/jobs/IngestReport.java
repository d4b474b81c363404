package org.ruralstats.jobs;

import java.util.List;

/**
 * What an ingest run did.
 *
 * @param sources one summary per source, in processing order
 * @param files every file found in the landing folder with its standing status
 * @param orphans water-project village rows whose project is not listed yet
 * @param ignored entries of source folders that are not {@code .csv} files, not read: {@code
 *     [<county>/]<source>/<name>} ("/" at the end for a folder)
 */
public record IngestReport(
    List<SourceSummary> sources, List<FileResult> files, long orphans, List<String> ignored) {

  /** What the run history records of the ignored entries, or null when there were none. */
  public String ignoredDetail() {
    return ignored.isEmpty() ? null : "ignored (not .csv, not read): " + String.join(", ", ignored);
  }

  /**
   * One source.
   *
   * @param source folder name
   * @param files files found
   * @param processed files processed in this run (new or changed)
   * @param rejectedFiles files rejected as a whole in this run
   * @param rowsRead data rows read in this run
   * @param rowsRejected rows rejected in this run
   * @param seconds wall time spent on the source
   */
  public record SourceSummary(
      String source,
      int files,
      int processed,
      int rejectedFiles,
      long rowsRead,
      long rowsRejected,
      double seconds) {}

  /**
   * One file of the landing folder.
   *
   * @param county the county folder ({@code ""} in a one-county landing folder)
   * @param source folder name
   * @param file file name
   * @param status {@code processed}, {@code rejected} (whole file, in this run) or {@code
   *     unchanged} (processed before)
   * @param standsRejected whether the file's current content is rejected as a whole (in this run or
   *     before)
   * @param reason why, when rejected
   * @param rowsRead data rows read in this run
   * @param rowsRejected rows rejected in this run
   */
  public record FileResult(
      String county,
      String source,
      String file,
      String status,
      boolean standsRejected,
      String reason,
      long rowsRead,
      long rowsRejected) {

    /** The file's path in the landing folder: {@code [<county>/]<source>/<file>}. */
    public String landingPath() {
      return (county.isEmpty() ? "" : county + "/") + source + "/" + file;
    }
  }

  /** Files of the landing folder whose current content stands rejected as a whole. */
  public List<FileResult> standingRejectedFiles() {
    return files.stream().filter(FileResult::standsRejected).toList();
  }

  /** Rows rejected in this run. */
  public long rowsRejected() {
    return sources.stream().mapToLong(SourceSummary::rowsRejected).sum();
  }

  /** Rows read in this run. */
  public long rowsRead() {
    return sources.stream().mapToLong(SourceSummary::rowsRead).sum();
  }

  /** Files processed (new or changed) in this run. */
  public int filesProcessed() {
    return sources.stream().mapToInt(SourceSummary::processed).sum();
  }
}
