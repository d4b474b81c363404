package org.ruralstats.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Schema of what parsing a landing file yields: one {@code file} record per file (its status and,
 * when rejected whole, the reason) and one {@code row} record per data row (its fields as
 * delivered, and either its canonical values or why it was rejected). Every record carries the
 * county folder it came from ({@code county_code}; empty in a one-county landing folder).
 */
public final class ParsedRecords {
  /** Record kind of the one record per file. */
  public static final String KIND_FILE = "file";

  /** Record kind of a data row. */
  public static final String KIND_ROW = "row";

  /** File status: parsed in this run. */
  public static final String FILE_PROCESSED = "processed";

  /** File status: rejected as a whole in this run. */
  public static final String FILE_REJECTED = "rejected";

  /** File status: same folder, name and content as a file processed before; not processed. */
  public static final String FILE_UNCHANGED = "unchanged";

  /** The schema. */
  public static final StructType SCHEMA =
      new StructType()
          .add("county_code", DataTypes.StringType, false)
          .add("source", DataTypes.StringType, false)
          .add("file_name", DataTypes.StringType, false)
          .add("content_hash", DataTypes.StringType, false)
          .add("encoding", DataTypes.StringType, true)
          .add("kind", DataTypes.StringType, false)
          .add("line", DataTypes.IntegerType, true)
          .add(
              "fields",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true),
              true)
          .add(
              "values",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true),
              true)
          .add("reject_column", DataTypes.StringType, true)
          .add("reject_code", DataTypes.StringType, true)
          .add("reject_reason", DataTypes.StringType, true)
          .add("file_status", DataTypes.StringType, true);

  private ParsedRecords() {}

  /** A record with the schema attached (so fields can be read by name). */
  public static Row row(Object... values) {
    return new GenericRowWithSchema(values, SCHEMA);
  }
}
