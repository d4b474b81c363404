package org.ruralstats.jobs;

import io.delta.tables.DeltaTable;
import java.util.OptionalLong;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ruralstats.config.SparkSessions;

/**
 * Delta's compaction (OPTIMIZE) of one table, sparing its full files. The job's writes cap a file's
 * rows ({@link SparkSessions#MAX_RECORDS_PER_FILE_KEY}), so a correction rewrites little, and the
 * compaction writes files of the same cap. With Delta's own floor (every file under 1 GB is
 * compacted) every maintenance would rewrite every table of more than one file, full files
 * included. Here only files holding less than half the cap's rows are compacted (estimated from the
 * table's mean bytes per row), and Delta leaves a table alone when fewer than two such files are
 * left. A floor given to the launcher ({@link #MIN_FILE_SIZE_KEY} with {@code --conf}) wins.
 */
final class Compaction {

  /** Delta's setting: files smaller than this many bytes are compacted. */
  static final String MIN_FILE_SIZE_KEY = "spark.databricks.delta.optimize.minFileSize";

  /** What one compaction did. */
  record Result(long filesRemoved, long filesAdded) {}

  private Compaction() {}

  /** Compacts the Delta table at {@code path}. */
  static Result compact(SparkSession spark, String path) {
    DeltaTable table = DeltaTable.forPath(spark, path);
    OptionalLong floor = OptionalLong.empty();
    if (!spark.sparkContext().getConf().contains(MIN_FILE_SIZE_KEY)) {
      long rowsPerFile =
          Long.parseLong(spark.conf().get(SparkSessions.MAX_RECORDS_PER_FILE_KEY, "0").trim());
      long bytes = table.detail().select("sizeInBytes").first().getLong(0);
      floor = floor(bytes, table.toDF().count(), rowsPerFile);
    }
    floor.ifPresent(f -> spark.conf().set(MIN_FILE_SIZE_KEY, f));
    try {
      Row metrics = table.optimize().executeCompaction().select("metrics.*").first();
      return new Result(
          metrics.getLong(metrics.fieldIndex("numFilesRemoved")),
          metrics.getLong(metrics.fieldIndex("numFilesAdded")));
    } finally {
      if (floor.isPresent()) {
        spark.conf().unset(MIN_FILE_SIZE_KEY);
      }
    }
  }

  /**
   * The compaction floor in bytes of a table of {@code bytes} and {@code rows} whose files hold at
   * most {@code rowsPerFile} rows: half a full file, at the table's mean bytes per row; empty
   * (Delta's own floor) when files have no cap or the table no rows.
   */
  static OptionalLong floor(long bytes, long rows, long rowsPerFile) {
    if (rowsPerFile <= 0 || rows <= 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Math.max(1, Math.round((double) bytes / rows * rowsPerFile / 2)));
  }
}
