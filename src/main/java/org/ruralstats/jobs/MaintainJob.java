package org.ruralstats.jobs;

import io.delta.tables.DeltaTable;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ruralstats.config.Retention;
import org.ruralstats.config.SparkSessions;
import org.ruralstats.errors.RunFailure;
import org.ruralstats.errors.RuralStatsErrors;
import org.ruralstats.privacy.WarehouseModes;
import org.ruralstats.warehouse.RunHistory;
import org.ruralstats.warehouse.RunTransaction;
import org.ruralstats.warehouse.Warehouse;
import org.ruralstats.warehouse.WarehouseLock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Housekeeping under the warehouse lock: compacts every table's small files (Delta OPTIMIZE),
 * records the compacted versions as a {@code maintained} run, then removes the data files no kept
 * run needs (Delta VACUUM with a retention reaching back to the start of the oldest kept published
 * run, so {@code jobs/export.sh --as-of} works for every kept run).
 */
@Command(
    name = "maintain",
    mixinStandardHelpOptions = true,
    description = "Compact the warehouse's tables and remove data files no kept run needs.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:failed (the message says why)", "3:another run holds the lock"})
public final class MaintainJob implements Callable<Integer> {

  @Option(names = "--warehouse", required = true, description = "warehouse folder")
  String warehouse;

  @Option(
      names = "--keep-runs",
      defaultValue = "30",
      description =
          "published runs whose state stays readable with --as-of (default: ${DEFAULT-VALUE})")
  int keepRuns;

  @Option(
      names = "--erasure-retention-hours",
      defaultValue = "168",
      description =
          "hours after an erasure before the data files still holding the erased rows are removed"
              + " (default: ${DEFAULT-VALUE}, Delta's own retention: readers that started before"
              + " the erasure can finish)")
  long erasureRetentionHours;

  /** Runs the maintenance from the command line. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new MaintainJob()).execute(args));
  }

  @Override
  public Integer call() {
    SparkSession spark = SparkSessions.create("rural-stats maintain", 4);
    try {
      return maintain(new Warehouse(spark, warehouse), keepRuns, erasureRetentionHours, System.out);
    } finally {
      spark.stop();
    }
  }

  /** How much longer than the kept window the tables remember removed files and old commits. */
  static final long MARGIN_HOURS = Retention.MARGIN_DAYS * 24L;

  /**
   * The retentions a maintenance gives every table, the kept window plus {@link #MARGIN_HOURS}:
   * {@code delta.deletedFileRetentionDuration} (how long a removed file's record, its tombstone,
   * stays in the table's checkpoints; a file whose record is gone counts as a stray and a VACUUM
   * deletes it by its age alone) and {@code delta.logRetentionDuration} (how long commits stay). So
   * every file a kept run needs stays known as such until the next maintenance, even as the kept
   * window grows. They remove nothing themselves: the VACUUM is given its own retention.
   */
  static String retentionProperties(long keptHours) {
    String window = "'interval " + (keptHours + MARGIN_HOURS) + " hours'";
    return String.format(
        "'%s' = %s, '%s' = %s",
        Retention.property(Retention.DELETED_FILES),
        window,
        Retention.property(Retention.LOG),
        window);
  }

  /**
   * Delta's setting: whether a VACUUM ignores the retention it is given (other than 0) for the
   * table's {@code delta.deletedFileRetentionDuration}; Delta 4.4 does by default.
   */
  static final String VACUUM_IGNORES_RETENTION =
      "spark.databricks.delta.vacuum.retentionWindowIgnore.enabled";

  /** Delta's setting: whether a VACUUM writes commits of its own into the table's log. */
  static final String VACUUM_LOGGING = "spark.databricks.delta.vacuum.logging.enabled";

  /**
   * The settings of the VACUUM, whatever --conf gives, for its duration only (the session is left
   * as it was: a later VACUUM in the same session, from a notebook say, keeps Delta's own checks).
   * Delta records a VACUUM as two commits of its own (START, END) unless told not to: they would
   * put the tables ahead of the versions the maintained row records. The retention is the one given
   * here (the kept window, or an erasure's age), not the tables' own (a month longer), which Delta
   * 4.4 uses unless told otherwise; it may be shorter than Delta's minimum of 7 days (an erasure's,
   * or a short kept window).
   */
  static final Map<String, String> VACUUM_SETTINGS =
      Map.of(
          VACUUM_LOGGING,
          "false",
          VACUUM_IGNORES_RETENTION,
          "false",
          "spark.databricks.delta.retentionDurationCheck.enabled",
          "false");

  /**
   * Maintains a warehouse.
   *
   * @return the exit code
   */
  static int maintain(Warehouse wh, int keepRuns, long erasureRetentionHours, PrintStream out) {
    return maintain(wh, keepRuns, erasureRetentionHours, out, Instant.now());
  }

  /**
   * As {@link #maintain(Warehouse, int, long, PrintStream)}, the runs' ages taken at {@code now}.
   */
  static int maintain(
      Warehouse wh, int keepRuns, long erasureRetentionHours, PrintStream console, Instant now) {
    return Heartbeat.watch(
        wh.spark(), console, out -> maintainWatched(wh, keepRuns, erasureRetentionHours, out, now));
  }

  /** {@link #maintain}, its console watched by a {@link Heartbeat}. */
  private static int maintainWatched(
      Warehouse wh, int keepRuns, long erasureRetentionHours, PrintStream out, Instant now) {
    if (keepRuns < 1) {
      out.println("error: --keep-runs must be at least 1 (the last published run is always kept)");
      return RuralStatsErrors.FAILED;
    }
    String runId = RunHistory.newRunId();
    SparkSession spark = wh.spark();
    try (WarehouseLock lock =
        WarehouseLock.acquire(spark.sparkContext().hadoopConfiguration(), wh.root(), runId)) {
      RunHistory history = new RunHistory(wh);
      List<RunHistory.Run> runs = history.recorded(); // read once
      List<RunHistory.Run> published =
          runs.stream()
              .filter(r -> r.readable() && !r.outcome().equals(RunHistory.MAINTAINED))
              .toList();
      if (published.isEmpty()) {
        throw RuralStatsErrors.noSuchRun(wh.root(), null);
      }
      RunHistory.Run oldestKept = published.get(Math.max(0, published.size() - keepRuns));
      List<String> tables = IngestStage.allTables();
      WarehouseModes modes = WarehouseModes.of(spark, wh.root());
      if (modes.closeRaw() > 0) {
        out.println(
            "warning: parts of "
                + wh.path("raw")
                + " could be read by other users; made"
                + " them owner-only (0700/0600)");
      }
      long keptHours = Duration.between(oldestKept.startedAt(), now).toHours() + 1;
      long hours = keptHours;
      // an erasure is permanent: once its retention has passed, the files holding the erased
      // rows go, whatever runs are kept (runs before an erasure are not readable anyway)
      String erasedBy = null;
      for (RunHistory.Run r : runs) {
        long age = Duration.between(r.finishedAt(), now).toHours();
        if (r.outcome().equals(RunHistory.ERASED) && age >= erasureRetentionHours && age < hours) {
          hours = age;
          erasedBy = r.runId();
        }
      }
      // Every commit happens inside the run transaction, so the maintained row records the
      // versions the tables end at: a commit after it would look like an unfinished run's, and
      // the next run would restore every table (and with it the log retention raised here).
      RunTransaction tx = new RunTransaction(wh, tables, runId);
      long filesRemoved = 0;
      long filesAdded = 0;
      try {
        tx.begin();
        Map<String, Long> state = history.lastState().orElseThrow().tableVersions();
        for (String t : tables) {
          if (state.containsKey(t)) {
            Compaction.Result r = Compaction.compact(spark, wh.path(t));
            filesRemoved += r.filesRemoved();
            filesAdded += r.filesAdded();
          }
          if (wh.exists(t)) {
            spark.sql(
                "ALTER TABLE delta.`"
                    + wh.path(t)
                    + "` SET TBLPROPERTIES ("
                    + retentionProperties(keptHours)
                    + ")");
          }
        }
        lock.assertHeld();
        tx.commitMaintenance(oldestKept.runId());
      } catch (RuntimeException e) {
        tx.rollback(RuralStatsErrors.oneLine(e));
        throw e;
      }
      vacuum(spark, wh, tables, hours);
      out.printf(
          "maintained %s: compacted %d tables (%d small files into %d); kept the data of the last %d"
              + " published run(s), from %s (vacuum retention %d h)%n",
          wh.root(), tables.size(), filesRemoved, filesAdded, keepRuns, oldestKept.runId(), hours);
      if (erasedBy != null) {
        out.println("removed the data files still holding the rows erased by " + erasedBy);
      }
      modes.applyAll();
      return RuralStatsErrors.OK;
    } catch (RunFailure f) {
      out.println("error: " + f.getMessage());
      return f.exitCode();
    } catch (RuntimeException e) {
      out.println(
          "error: maintenance of "
              + wh.root()
              + " failed: "
              + RuralStatsErrors.oneLine(e)
              + "; the tables are as the last run left them. Run it again.");
      return RuralStatsErrors.FAILED;
    }
  }

  /** Vacuums the tables that exist with {@link #VACUUM_SETTINGS}, then restores the session's. */
  private static void vacuum(SparkSession spark, Warehouse wh, List<String> tables, long hours) {
    Map<String, String> before = vacuumSettingsOf(spark);
    try {
      VACUUM_SETTINGS.forEach((key, value) -> spark.conf().set(key, value));
      for (String t : tables) {
        if (wh.exists(t)) {
          DeltaTable.forPath(spark, wh.path(t)).vacuum(hours);
        }
      }
    } finally {
      before.forEach(
          (key, value) -> {
            if (value == null) {
              spark.conf().unset(key);
            } else {
              spark.conf().set(key, value);
            }
          });
    }
  }

  /** The session's values of the {@link #VACUUM_SETTINGS}, {@code null} where it holds none. */
  static Map<String, String> vacuumSettingsOf(SparkSession spark) {
    Map<String, String> values = new HashMap<>();
    for (String key : VACUUM_SETTINGS.keySet()) {
      values.put(key, spark.conf().get(key, null));
    }
    return values;
  }
}
