package org.ruralstats.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The file ledger: one row per processed file version (county folder, source folder, name and
 * content hash) with the rows read, accepted and rejected, whether the file was rejected as a
 * whole, and the run that processed it. A file whose folder, name and hash are in the ledger is not
 * processed again.
 */
public final class FileLedger {
  /** Ledger status of a file whose rows were loaded (some rows may be rejected). */
  public static final String ACCEPTED = "accepted";

  /** Ledger status of a file rejected as a whole. */
  public static final String REJECTED = "rejected";

  /** The schema of the ledger table. */
  public static final StructType SCHEMA =
      new StructType()
          .add("county_code", DataTypes.StringType, false)
          .add("source", DataTypes.StringType, false)
          .add("file_name", DataTypes.StringType, false)
          .add("content_hash", DataTypes.StringType, false)
          .add("encoding", DataTypes.StringType, true)
          .add("status", DataTypes.StringType, false)
          .add("reason_code", DataTypes.StringType, true)
          .add("reason", DataTypes.StringType, true)
          .add("rows_read", DataTypes.LongType, false)
          .add("rows_accepted", DataTypes.LongType, false)
          .add("rows_rejected", DataTypes.LongType, false)
          .add("run_id", DataTypes.StringType, false);

  private FileLedger() {}

  /**
   * Per file of parsed records ({@code org.ruralstats.ingest.ParsedRecords} schema): its status in
   * this run ({@code processed}, {@code rejected} or {@code unchanged}) and row counts.
   */
  public static Dataset<Row> fileOutcomes(Dataset<Row> parsed) {
    Column isRow = col("kind").equalTo("row");
    Column isFile = col("kind").equalTo("file");
    return parsed
        .groupBy(col("county_code"), col("source"), col("file_name"))
        .agg(
            max("content_hash").as("content_hash"),
            max("encoding").as("encoding"),
            max(when(isFile, col("file_status"))).as("file_status"),
            max(when(isFile, col("reject_code"))).as("reason_code"),
            max(when(isFile, col("reject_reason"))).as("reason"),
            sum(when(isRow, 1L).otherwise(0L)).as("rows_read"),
            sum(when(isRow.and(col("reject_code").isNull()), 1L).otherwise(0L)).as("rows_accepted"),
            sum(when(isRow.and(col("reject_code").isNotNull()), 1L).otherwise(0L))
                .as("rows_rejected"));
  }

  /** Ledger rows for the files of {@link #fileOutcomes} processed or rejected in this run. */
  public static Dataset<Row> entries(Dataset<Row> fileOutcomes, String runId) {
    return fileOutcomes
        .filter(col("file_status").notEqual("unchanged"))
        .select(
            col("county_code"),
            col("source"),
            col("file_name"),
            col("content_hash"),
            col("encoding"),
            when(col("file_status").equalTo("rejected"), lit(REJECTED))
                .otherwise(lit(ACCEPTED))
                .as("status"),
            col("reason_code"),
            col("reason"),
            col("rows_read"),
            col("rows_accepted"),
            col("rows_rejected"),
            lit(runId).as("run_id"));
  }
}
