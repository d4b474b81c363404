package org.ruralstats.jobs;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.ruralstats.config.SparkSessions;
import org.ruralstats.errors.RuralStatsErrors;
import org.ruralstats.warehouse.RunHistory;
import org.ruralstats.warehouse.Warehouse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists the runs of a warehouse, newest first. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description =
        "List the runs of a warehouse, newest first: published, failed, interrupted and repaired,"
            + " refused by the lock, maintained, erased, rekeyed, nothing new.")
public final class RunsJob implements Callable<Integer> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  @Option(names = "--warehouse", required = true, description = "warehouse folder")
  String warehouse;

  /** Runs the listing from the command line. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new RunsJob()).execute(args));
  }

  @Override
  public Integer call() {
    SparkSession spark = SparkSessions.create("rural-stats runs", 2);
    try {
      print(new RunHistory(new Warehouse(spark, warehouse)).all(), System.out);
      return RuralStatsErrors.OK;
    } catch (RuntimeException e) {
      System.err.println(
          "error: cannot read the runs of " + warehouse + ": " + RuralStatsErrors.oneLine(e));
      return RuralStatsErrors.FAILED;
    } finally {
      spark.stop();
    }
  }

  /** Prints runs, one paragraph each. */
  static void print(List<RunHistory.Run> runs, PrintStream out) {
    if (runs.isEmpty()) {
      out.println("no runs recorded yet");
      return;
    }
    for (RunHistory.Run r : runs) {
      out.printf(
          "%s  %-11s  %s -> %s UTC%n",
          r.runId(), r.outcome(), TIME.format(r.startedAt()), TIME.format(r.finishedAt()));
      if (r.outcome().equals(RunHistory.PUBLISHED)) {
        out.printf(
            "    files %d (%d rejected whole), rows read %d, rows rejected %d, key %s%n",
            r.filesProcessed(),
            r.filesRejected(),
            r.rowsRead(),
            r.rowsRejected(),
            r.keyFingerprint());
      }
      if (!r.tableVersions().isEmpty() && !r.outcome().equals("refused")) {
        out.println("    table versions: " + versions(r.tableVersions()));
      }
      if (r.detail() != null) {
        out.println("    " + r.detail());
      }
    }
  }

  private static String versions(Map<String, Long> v) {
    return v.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
  }
}
