package org.ruralstats.jobs;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ruralstats.config.SparkSessions;
import org.ruralstats.errors.RunFailure;
import org.ruralstats.errors.RuralStatsErrors;
import org.ruralstats.export.ExportFilter;
import org.ruralstats.export.OutputWriter;
import org.ruralstats.export.Outputs;
import org.ruralstats.report.PublishedTables;
import org.ruralstats.warehouse.Warehouse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes one published table of the warehouse in one format (see {@link Outputs}). */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Write a table of the warehouse: indicators (csv, xlsx), rejects (csv), orphans (csv).")
public final class ExportJob implements Callable<Integer> {

  @Option(names = "--warehouse", required = true, description = "warehouse folder")
  String warehouse;

  @Option(names = "--table", required = true, description = "indicators, rejects or orphans")
  String table;

  @Option(
      names = "--format",
      defaultValue = "csv",
      description = "csv or xlsx (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--out", required = true, description = "file to write")
  String out;

  @Option(names = "--year", description = "indicators of this year only")
  Integer year;

  @Option(names = "--level", description = "indicators of this area level only (county, …)")
  String level;

  @Option(names = "--area", description = "indicators of this area and the areas under it only")
  String area;

  @Option(
      names = "--as-of",
      paramLabel = "RUN_ID",
      description =
          "export the table as this published run left it (default: the last published run;"
              + " jobs/runs.sh lists the runs)")
  String asOf;

  /** Runs the export from the command line. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new ExportJob()).execute(args));
  }

  @Override
  public Integer call() {
    SparkSession spark = SparkSessions.create("rural-stats export", 4);
    try {
      return export(
          new Warehouse(spark, warehouse),
          table,
          format,
          new ExportFilter(year, level, area),
          out,
          asOf);
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
   * Exports a table as CSV as the published run {@code asOf} (null: the last published run) left
   * it.
   *
   * @return 0 on success, 1 with a message on standard error otherwise
   */
  static int export(Warehouse wh, String table, String out, String asOf) {
    return export(wh, table, "csv", ExportFilter.NONE, out, asOf);
  }

  /**
   * Exports a table in a format, filtered, as the published run {@code asOf} (null: the last
   * published run) left it, never a version a run in progress or killed wrote.
   *
   * @return 0 on success, 1 with a message on standard error otherwise
   */
  static int export(
      Warehouse wh, String table, String format, ExportFilter filter, String out, String asOf) {
    PublishedTables published;
    try {
      OutputWriter writer = Outputs.find(table, format);
      if (!filter.isEmpty() && !writer.filterable()) {
        throw new IllegalArgumentException(
            "--year, --level and --area apply to the indicators table only; drop them to export "
                + table);
      }
      published = PublishedTables.asOf(wh, asOf);
      writer.write(published, filter.validated(), out);
      org.ruralstats.privacy.WarehouseModes.of(wh.spark(), wh.root()).applyToExport(out);
    } catch (RunFailure e) {
      System.err.println("error: " + e.getMessage());
      return e.exitCode();
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
    System.err.println("wrote " + out + " (run " + published.runId() + ")");
    return 0;
  }
}
