package org.ruralstats.jobs;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ruralstats.config.SparkSessions;
import org.ruralstats.export.CsvExport;
import org.ruralstats.export.IndicatorsExport;
import org.ruralstats.export.RejectsExport;
import org.ruralstats.warehouse.Warehouse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes one published table of the warehouse as a CSV file. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Write a table of the warehouse as CSV (indicators, rejects or orphans).")
public final class ExportJob implements Callable<Integer> {

  /** The tables that can be exported. */
  enum Table {
    indicators,
    rejects,
    orphans
  }

  @Option(names = "--warehouse", required = true, description = "warehouse folder")
  String warehouse;

  @Option(names = "--table", required = true, description = "one of: ${COMPLETION-CANDIDATES}")
  Table table;

  @Option(names = "--out", required = true, description = "CSV file to write")
  String out;

  /** Runs the export from the command line. */
  public static void main(String[] args) {
    System.exit(
        new CommandLine(new ExportJob()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Override
  public Integer call() {
    SparkSession spark = SparkSessions.create("rural-stats export", 4);
    try {
      return export(new Warehouse(spark, warehouse), table.name(), out);
    } finally {
      spark.stop();
    }
  }

  /**
   * Exports a table.
   *
   * @return 0 on success, 1 with a message on standard error otherwise
   */
  static int export(Warehouse wh, String table, String out) {
    String path =
        switch (table) {
          case "indicators" -> Warehouse.INDICATORS;
          case "rejects" -> Warehouse.REJECTS;
          case "orphans" -> Warehouse.ORPHANS;
          default -> throw new IllegalArgumentException("unknown table " + table);
        };
    if (!wh.exists(path)) {
      System.err.println(
          "error: the warehouse "
              + wh.root()
              + " has no "
              + table
              + " table yet ("
              + wh.path(path)
              + "); run jobs/nightly.sh --warehouse "
              + wh.root()
              + " first");
      return 1;
    }
    switch (table) {
      case "indicators" -> IndicatorsExport.write(wh.read(path), out);
      case "rejects" -> RejectsExport.write(wh.read(path), out);
      default -> {
        var rows = wh.read(path);
        CsvExport.write(
            rows,
            new org.apache.spark.sql.Column[] {
              rows.col("county_code"), rows.col("project_id"), rows.col("village_code")
            },
            new org.apache.spark.sql.Column[] {
              rows.col("project_id"),
              rows.col("village_code"),
              rows.col("beneficiaries"),
              RejectsExport.fileName(rows.col("county_code"), rows.col("_file")).as("file"),
              rows.col("_line").as("line")
            },
            out);
      }
    }
    System.err.println("wrote " + out);
    return 0;
  }
}
