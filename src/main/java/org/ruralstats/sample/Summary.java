package org.ruralstats.sample;

import java.nio.file.Path;
import java.util.List;

/**
 * What one run of the generator wrote.
 *
 * @param out the landing folder
 * @param seed the seed used
 * @param files the files written, in the order written
 * @param badRows the rows written on purpose as bad input, with the reason a correct reader rejects
 *     them (file order, then line)
 * @param removed stale {@code .csv} files of an earlier sample that were deleted (relative paths)
 */
public record Summary(
    Path out, long seed, List<WrittenFile> files, List<BadRow> badRows, List<String> removed) {

  /**
   * One file written.
   *
   * @param source the source folder
   * @param name the file name
   * @param rows data rows written (valid and bad; the header and blank lines not counted)
   * @param bytes the file's size
   * @param encoding encoding and line endings, e.g. {@code GB18030, CRLF}
   */
  public record WrittenFile(String source, String name, int rows, long bytes, String encoding) {

    /** {@code source/name}. */
    public String path() {
      return source + "/" + name;
    }
  }

  /**
   * A row written as bad input.
   *
   * @param source the source folder
   * @param file the file name
   * @param line the physical line the row starts on (header = line 1)
   * @param reason why a correct reader rejects it
   */
  public record BadRow(String source, String file, int line, String reason) {}

  /** Data rows over all files. */
  public long totalRows() {
    return files.stream().mapToLong(WrittenFile::rows).sum();
  }

  /** Bytes over all files. */
  public long totalBytes() {
    return files.stream().mapToLong(WrittenFile::bytes).sum();
  }
}
