package org.ruralstats.jobs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.ruralstats.ingest.CleanRows;
import org.ruralstats.ingest.LandingFile;
import org.ruralstats.ingest.LandingFolder;
import org.ruralstats.ingest.ParsedRecords;
import org.ruralstats.ingest.SourceFileParser;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.ingest.contract.SourceSpec;
import org.ruralstats.quality.FileLedger;
import org.ruralstats.warehouse.Warehouse;

/**
 * What the file ledger knows of the files delivered so far, for one ingest: the latest entry of
 * each delivered file version (county, name, content hash), read once. One row per file version
 * ever delivered comes to the driver: bounded by the number of files, not by their rows.
 */
final class DeliveredFiles {
  /** Entries by "source/county\0name\0hash". */
  private final Map<String, Row> entries;

  private Map<LandingFile, String> hashes = Map.of();

  private DeliveredFiles(Map<String, Row> entries) {
    this.entries = entries;
  }

  /**
   * Reads the ledger of {@code warehouse} (none on a new warehouse).
   *
   * @throws IllegalStateException when the warehouse was built by a version without counties
   */
  static DeliveredFiles read(Warehouse warehouse) {
    Map<String, Row> out = new HashMap<>();
    if (!warehouse.exists(Warehouse.FILE_LEDGER)) {
      return new DeliveredFiles(out);
    }
    if (!Arrays.asList(warehouse.read(Warehouse.FILE_LEDGER).columns())
        .contains(CleanRows.COUNTY)) {
      throw new IllegalStateException(
          "the warehouse "
              + warehouse.root()
              + " was built by an earlier version of the pipeline, whose tables have no county"
              + " column; build a new warehouse from the landing folder (run with a new"
              + " --warehouse folder)");
    }
    for (Row r :
        warehouse
            .read(Warehouse.FILE_LEDGER)
            .select(
                "source", "county_code", "file_name", "content_hash", "status", "reason", "run_id")
            .orderBy("run_id")
            .collectAsList()) {
      out.put(key(r.getString(0), r.getString(1), r.getString(2), r.getString(3)), r);
    }
    return new DeliveredFiles(out);
  }

  private static String key(String source, String county, String name, String hash) {
    return source + "/" + SourceFileParser.fileIdentity(county, name, hash);
  }

  /** The latest ledger entry of a file version, or null when it was never processed. */
  Row entry(String source, String county, String name, String hash) {
    return entries.get(key(source, county, name, hash));
  }

  /** {@link SourceFileParser#fileIdentity} of every file version of {@code source} processed. */
  Set<String> known(String source) {
    String prefix = source + "/";
    Set<String> out = new HashSet<>();
    entries.keySet().stream()
        .filter(k -> k.startsWith(prefix))
        .forEach(k -> out.add(k.substring(prefix.length())));
    return out;
  }

  /**
   * Refuses a landing folder whose layout differs from the one the warehouse was built from: the
   * rows of a one-county landing folder carry no county code, so the same rows delivered again
   * inside a county folder would be counted twice.
   */
  void checkLayout(LandingFolder landing, SourceContract contract) {
    boolean oneCountyBefore = entries.values().stream().anyMatch(r -> r.getString(1).isEmpty());
    boolean countiesBefore = entries.values().stream().anyMatch(r -> !r.getString(1).isEmpty());
    if (landing.hasCountyFolders() && oneCountyBefore) {
      throw new IllegalStateException(
          "the landing folder "
              + landing.path()
              + " holds county folders, but this warehouse was built from a one-county landing"
              + " folder (source folders at the top); keep the one-county layout for this"
              + " warehouse, or build a new warehouse from the county folders");
    }
    boolean anyFile = contract.sources().stream().anyMatch(s -> !landing.files(s.name()).isEmpty());
    if (!landing.hasCountyFolders() && countiesBefore && anyFile) {
      throw new IllegalStateException(
          "the landing folder "
              + landing.path()
              + " holds source folders at the top, but this warehouse was built from county"
              + " folders; put the files into the folder of their county (e.g. 141123000000/"
              + "divisions/), or build a new warehouse");
    }
  }

  /**
   * The sources whose every file the ledger already holds with the same content: nothing of theirs
   * needs to be read again. The content hashes of all files come from one job; none is computed on
   * a new warehouse, where every file is new.
   */
  Set<String> unchangedSources(LandingFolder landing, SourceContract contract) {
    if (entries.isEmpty()) {
      return Set.of();
    }
    List<LandingFile> all = new ArrayList<>();
    contract.sources().forEach(s -> all.addAll(landing.files(s.name())));
    hashes = landing.contentHashes(all);
    Set<String> out = new HashSet<>();
    for (SourceSpec spec : contract.sources()) {
      List<LandingFile> files = landing.files(spec.name());
      boolean known =
          files.stream()
              .allMatch(
                  f ->
                      hashes.containsKey(f)
                          && entry(spec.name(), f.county(), f.name(), hashes.get(f)) != null);
      if (!files.isEmpty() && known) {
        out.add(spec.name());
      }
    }
    return out;
  }

  /**
   * The file results of a source {@link #unchangedSources} found unchanged, as parsing its files
   * would give them: every file unchanged, nothing read, a file rejected before still standing
   * rejected with its reason.
   */
  List<IngestReport.FileResult> unchangedFiles(SourceSpec spec, List<LandingFile> files) {
    List<IngestReport.FileResult> out = new ArrayList<>();
    for (LandingFile f : files) {
      Row before = entry(spec.name(), f.county(), f.name(), hashes.get(f));
      out.add(
          new IngestReport.FileResult(
              f.county(),
              spec.name(),
              f.name(),
              ParsedRecords.FILE_UNCHANGED,
              before != null && FileLedger.REJECTED.equals(before.getAs("status")),
              before == null ? null : before.getAs("reason"),
              0L,
              0L));
    }
    return out;
  }
}
