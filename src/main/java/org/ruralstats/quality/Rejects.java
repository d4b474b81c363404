package org.ruralstats.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The rejects table: one row per rejected row (its file, line, column, reason code and a
 * human-readable reason) and one row with an empty line per file rejected as a whole. Grain: one
 * row per rejected row or file of the latest processed version of each delivered file (county
 * folder, source folder and name; the county is empty in a one-county landing folder). Holds no ID
 * number: reasons never repeat an ID value.
 */
public final class Rejects {
  /** The schema of the rejects table. */
  public static final StructType SCHEMA =
      new StructType()
          .add("county_code", DataTypes.StringType, false)
          .add("source", DataTypes.StringType, false)
          .add("file", DataTypes.StringType, false)
          .add("line", DataTypes.IntegerType, true)
          .add("column", DataTypes.StringType, true)
          .add("reason_code", DataTypes.StringType, false)
          .add("reason", DataTypes.StringType, false)
          .add("content_hash", DataTypes.StringType, false)
          .add("run_id", DataTypes.StringType, false);

  private Rejects() {}

  /** The rejects among parsed records ({@code org.ruralstats.ingest.ParsedRecords} schema). */
  public static Dataset<Row> from(Dataset<Row> parsed, String runId) {
    return parsed
        .filter(col("reject_code").isNotNull())
        .select(
            col("county_code"),
            col("source"),
            col("file_name").as("file"),
            col("line"),
            col("reject_column").as("column"),
            col("reject_code").as("reason_code"),
            col("reject_reason").as("reason"),
            col("content_hash"),
            lit(runId).as("run_id"));
  }
}
