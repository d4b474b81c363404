package org.ruralstats.export;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.ruralstats.report.PublishedTables;
import org.ruralstats.warehouse.Warehouse;

/**
 * The orphans export: {@code project_id,village_code,beneficiaries,file,line}, water-project
 * village rows whose project is not (yet) listed, sorted by project and village.
 */
public final class OrphansExport implements OutputWriter {
  @Override
  public String table() {
    return "orphans";
  }

  @Override
  public String format() {
    return "csv";
  }

  @Override
  public void write(PublishedTables tables, ExportFilter filter, String out) {
    tables.require(Warehouse.ORPHANS, "orphans");
    Dataset<Row> rows = tables.orphans();
    CsvExport.write(
        rows,
        new Column[] {col("county_code"), col("project_id"), col("village_code")},
        new Column[] {
          col("project_id"),
          col("village_code"),
          col("beneficiaries"),
          RejectsExport.fileName(col("county_code"), col("_file")).as("file"),
          col("_line").as("line")
        },
        out);
  }
}
