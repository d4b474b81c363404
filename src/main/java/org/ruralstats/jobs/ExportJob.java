package org.ruralstats.jobs;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ruralstats.config.SparkSessions;
import org.ruralstats.errors.RunFailure;
import org.ruralstats.errors.RuralStatsErrors;
import org.ruralstats.export.CsvExport;
import org.ruralstats.export.IndicatorsExport;
import org.ruralstats.export.RejectsExport;
import org.ruralstats.warehouse.CommittedTables;
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

  @Option(
      names = "--as-of",
      paramLabel = "RUN_ID",
      description =
          "export the table as this published run left it (default: the last published run;"
              + " jobs/runs.sh lists the runs)")
  String asOf;

  /** Runs the export from the command line. */
  public static void main(String[] args) {
    System.exit(
        new CommandLine(new ExportJob()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  @Override
  public Integer call() {
    SparkSession spark = SparkSessions.create("rural-stats export", 4);
    try {
      return export(new Warehouse(spark, warehouse), table.name(), out, asOf);
    } catch (RuntimeException e) {
      System.err.println(
          "error: exporting "
              + table
              + " from "
              + warehouse
              + " failed: "
              + RuralStatsErrors.oneLine(e)
              + "; nothing was written");
      return RuralStatsErrors.FAILED;
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
    return export(wh, table, out, null);
  }

  /**
   * Exports a table as the published run {@code asOf} (null: the last published run) left it, never
   * a version a run in progress or killed wrote.
   *
   * @return 0 on success, 1 with a message on standard error otherwise
   */
  static int export(Warehouse wh, String table, String out, String asOf) {
    String path =
        switch (table) {
          case "indicators" -> Warehouse.INDICATORS;
          case "rejects" -> Warehouse.REJECTS;
          case "orphans" -> Warehouse.ORPHANS;
          default -> throw new IllegalArgumentException("unknown table " + table);
        };
    CommittedTables published;
    try {
      published = asOf == null ? CommittedTables.latest(wh) : CommittedTables.asOf(wh, asOf);
    } catch (RunFailure e) {
      System.err.println("error: " + e.getMessage());
      return e.exitCode();
    }
    if (!published.has(path)) {
      System.err.println(
          "error: the warehouse "
              + wh.root()
              + " has no "
              + table
              + " table in run "
              + published.runId()
              + " ("
              + wh.path(path)
              + "); run jobs/nightly.sh --warehouse "
              + wh.root()
              + " first");
      return 1;
    }
    switch (table) {
      case "indicators" -> IndicatorsExport.write(published.read(path), out);
      case "rejects" -> RejectsExport.write(published.read(path), out);
      default -> {
        var rows = published.read(path);
        CsvExport.write(
            rows,
            new org.apache.spark.sql.Column[] {rows.col("project_id"), rows.col("village_code")},
            new org.apache.spark.sql.Column[] {
              rows.col("project_id"),
              rows.col("village_code"),
              rows.col("beneficiaries"),
              rows.col("_file").as("file"),
              rows.col("_line").as("line")
            },
            out);
      }
    }
    System.err.println("wrote " + out + " (run " + published.runId() + ")");
    return 0;
  }
}
