package org.ruralstats.jobs;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ruralstats.ingest.CleanRows;
import org.ruralstats.ingest.LandingFile;
import org.ruralstats.ingest.LandingFolder;
import org.ruralstats.ingest.ParsedRecords;
import org.ruralstats.ingest.SourceFileParser;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.ingest.contract.SourceSpec;
import org.ruralstats.quality.FileLedger;
import org.ruralstats.warehouse.Warehouse;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What the file ledger knows of the files in the landing folder, for one ingest: the latest entry
 * of each delivered version (county, name, content hash) of a file the landing folder holds now,
 * read once. Only those rows come to the driver (the ledger is filtered by the landing folder's
 * file names on the executors), so they are bounded by the landing folder's listing, which the
 * driver holds anyway, times the versions delivered under each name; the ledger's history of files
 * gone from the landing folder stays on the executors.
 */
final class DeliveredFiles {
  /** Entries by "source/county\0name\0hash". */
  private final Map<String, Row> entries;

  /** Whether the ledger holds files of a one-county landing folder (no county code). */
  private final boolean oneCountyBefore;

  /** Whether the ledger holds files of county folders. */
  private final boolean countiesBefore;

  private DeliveredFiles(
      Map<String, Row> entries, boolean oneCountyBefore, boolean countiesBefore) {
    this.entries = entries;
    this.oneCountyBefore = oneCountyBefore;
    this.countiesBefore = countiesBefore;
  }

  /** The columns of the landing folder's file names, as the ledger names them. */
  private static final StructType NAMES =
      new StructType()
          .add("source", DataTypes.StringType, false)
          .add("county_code", DataTypes.StringType, false)
          .add("file_name", DataTypes.StringType, false);

  /**
   * Reads the ledger of {@code warehouse} (none on a new warehouse) for the files of {@code
   * landing}: two small jobs, one for the ledger's layout, one for the entries of those files.
   *
   * @throws IllegalStateException when the warehouse was built by a version without counties
   */
  static DeliveredFiles read(Warehouse warehouse, LandingFolder landing, SourceContract contract) {
    Map<String, Row> out = new HashMap<>();
    if (!warehouse.exists(Warehouse.FILE_LEDGER)) {
      return new DeliveredFiles(out, false, false);
    }
    Dataset<Row> ledger = warehouse.read(Warehouse.FILE_LEDGER);
    if (!Arrays.asList(ledger.columns()).contains(CleanRows.COUNTY)) {
      throw new IllegalStateException(
          "the warehouse "
              + warehouse.root()
              + " was built by an earlier version of the pipeline, whose tables have no county"
              + " column; build a new warehouse from the landing folder (run with a new"
              + " --warehouse folder)");
    }
    Column oneCounty = col(CleanRows.COUNTY).equalTo(LandingFolder.ONE_COUNTY);
    Row layout =
        ledger
            .agg(
                max(when(oneCounty, true).otherwise(false)),
                max(when(oneCounty, false).otherwise(true)))
            .first();
    List<Row> names = new ArrayList<>();
    for (SourceSpec spec : contract.sources()) {
      for (LandingFile f : landing.files(spec.name())) {
        names.add(RowFactory.create(spec.name(), f.county(), f.name()));
      }
    }
    if (!names.isEmpty()) {
      Dataset<Row> present = warehouse.spark().createDataFrame(names, NAMES);
      for (Row r :
          ledger
              .join(
                  broadcast(present),
                  CollectionConverters.asScala(List.of("source", "county_code", "file_name"))
                      .toSeq(),
                  "left_semi")
              .select(
                  "source",
                  "county_code",
                  "file_name",
                  "content_hash",
                  "status",
                  "reason",
                  "run_id")
              .orderBy("run_id")
              .collectAsList()) {
        out.put(key(r.getString(0), r.getString(1), r.getString(2), r.getString(3)), r);
      }
    }
    return new DeliveredFiles(
        out,
        !layout.isNullAt(0) && layout.getBoolean(0),
        !layout.isNullAt(1) && layout.getBoolean(1));
  }

  private static String key(String source, String county, String name, String hash) {
    return source + "/" + SourceFileParser.fileIdentity(county, name, hash);
  }

  /** The latest ledger entry of a file version, or null when it was never processed. */
  Row entry(String source, String county, String name, String hash) {
    return entries.get(key(source, county, name, hash));
  }

  /**
   * {@link SourceFileParser#fileIdentity} of every file version of {@code source} processed whose
   * name the landing folder holds.
   */
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
   * The sources whose every file the ledger already holds with the same content, each with its file
   * results as parsing its files would give them (every file unchanged, nothing read, a file
   * rejected before still standing rejected with its reason): nothing of theirs needs to be read
   * again. The content hashes of all files come from one job; none is computed on a new warehouse,
   * where every file is new.
   */
  Map<String, List<IngestReport.FileResult>> unchangedSources(
      LandingFolder landing, SourceContract contract) {
    if (entries.isEmpty()) {
      return Map.of();
    }
    Map<String, List<LandingFile>> bySource = new LinkedHashMap<>();
    List<LandingFile> all = new ArrayList<>();
    for (SourceSpec spec : contract.sources()) {
      List<LandingFile> files = landing.files(spec.name());
      bySource.put(spec.name(), files);
      all.addAll(files);
    }
    Map<LandingFile, String> hashes = landing.contentHashes(all);
    Map<String, List<IngestReport.FileResult>> out = new HashMap<>();
    bySource.forEach(
        (source, files) -> {
          List<IngestReport.FileResult> results = new ArrayList<>();
          for (LandingFile f : files) {
            String hash = hashes.get(f);
            Row before = hash == null ? null : entry(source, f.county(), f.name(), hash);
            if (before == null) {
              return; // a new or changed file: the source is read
            }
            results.add(
                new IngestReport.FileResult(
                    f.county(),
                    source,
                    f.name(),
                    ParsedRecords.FILE_UNCHANGED,
                    FileLedger.REJECTED.equals(before.getAs("status")),
                    before.getAs("reason"),
                    0L,
                    0L));
          }
          if (!files.isEmpty()) {
            out.put(source, results);
          }
        });
    return out;
  }
}
