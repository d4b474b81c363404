package org.ruralstats.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The restricted raw zone: every delivered data row as delivered (fields keyed by the file's own
 * header names, extra columns included), with county folder, source, file name, line, content hash
 * and run id. It holds ID numbers: nothing published reads it. Grain: one row per data line of each
 * processed file version.
 */
public final class RawRows {
  private RawRows() {}

  /** The raw rows among parsed records. */
  public static Dataset<Row> from(Dataset<Row> parsed, String runId) {
    return parsed
        .filter(col("kind").equalTo("row"))
        .select(
            col("county_code"),
            col("source"),
            col("file_name").as("file"),
            col("line"),
            col("content_hash"),
            lit(runId).as("run_id"),
            col("fields"));
  }
}
