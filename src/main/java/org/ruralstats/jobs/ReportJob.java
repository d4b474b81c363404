package org.ruralstats.jobs;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ruralstats.config.SparkSessions;
import org.ruralstats.errors.RunFailure;
import org.ruralstats.export.ExportFilter;
import org.ruralstats.export.Outputs;
import org.ruralstats.report.PublishedTables;
import org.ruralstats.report.ReportWriter;
import org.ruralstats.warehouse.Warehouse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the leaders' report (report.html) and the written brief (brief.md) of one area. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Write DIR/report.html and DIR/brief.md for one area and year.")
public final class ReportJob implements Callable<Integer> {

  @Option(names = "--warehouse", required = true, description = "warehouse folder")
  String warehouse;

  @Option(names = "--out", required = true, description = "folder to write the report into")
  String out;

  @Option(names = "--year", description = "the year (default: the latest computed)")
  Integer year;

  @Option(
      names = "--area",
      description = "12-digit area code (default: the top area: province, city or county)")
  String area;

  @Option(
      names = "--as-of",
      paramLabel = "RUN_ID",
      description =
          "report the figures this published run left (default: the last published run;"
              + " jobs/runs.sh lists the runs)")
  String asOf;

  /** Runs the report from the command line. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new ReportJob()).execute(args));
  }

  @Override
  public Integer call() {
    SparkSession spark = SparkSessions.create("rural-stats report", 4);
    String runId;
    try {
      PublishedTables tables = PublishedTables.asOf(new Warehouse(spark, warehouse), asOf);
      runId = tables.runId();
      Outputs.find("report", "html")
          .write(tables, new ExportFilter(year, null, area).validated(), out);
      org.ruralstats.privacy.WarehouseModes.of(spark, warehouse).applyToExport(out);
    } catch (RunFailure e) {
      System.err.println("error: " + e.getMessage());
      return e.exitCode();
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    } finally {
      spark.stop();
    }
    System.err.println(
        "wrote "
            + out
            + "/"
            + ReportWriter.PAGE
            + " and "
            + out
            + "/"
            + ReportWriter.BRIEF
            + " (run "
            + runId
            + ")");
    return 0;
  }
}
