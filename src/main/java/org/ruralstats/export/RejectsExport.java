package org.ruralstats.export;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.ruralstats.report.PublishedTables;
import org.ruralstats.warehouse.Warehouse;

/**
 * The rejected-row export: {@code source,file,line,reason}, one row per rejected row and one row
 * with an empty line per file rejected as a whole, sorted by source, file and line. The reason
 * starts with its code in brackets, e.g. {@code [INVALID_ID] 身份证号 (person_id): ...}. A file of a
 * county folder is named {@code <county code>/<file name>}.
 */
public final class RejectsExport {
  private RejectsExport() {}

  /**
   * A file as the exports name it: {@code <county code>/<file name>} for a file of a county folder,
   * just the file name in a one-county landing folder.
   */
  public static Column fileName(Column county, Column file) {
    return when(county.equalTo(""), file).otherwise(concat(county, lit("/"), file));
  }

  /** Writes the export of the rejects table to {@code out}. */
  public static void write(Dataset<Row> rejects, String out) {
    CsvExport.write(
        rejects.withColumn("file", fileName(col("county_code"), col("file"))),
        new Column[] {
          col("source"), col("file"), col("line").asc_nulls_first(), col("reason_code")
        },
        new Column[] {
          col("source"),
          col("file"),
          col("line"),
          concat(lit("["), col("reason_code"), lit("] "), col("reason")).as("reason")
        },
        out);
  }

  /** The rejects table as CSV. */
  public static final class Csv implements OutputWriter {
    @Override
    public String table() {
      return "rejects";
    }

    @Override
    public String format() {
      return "csv";
    }

    @Override
    public void write(PublishedTables tables, ExportFilter filter, String out) {
      tables.require(Warehouse.REJECTS, "rejects");
      RejectsExport.write(tables.rejects(), out);
    }
  }
}
