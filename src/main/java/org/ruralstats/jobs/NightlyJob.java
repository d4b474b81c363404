package org.ruralstats.jobs;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.sql.SparkSession;
import org.ruralstats.config.PipelineConfig;
import org.ruralstats.config.PseudonymKey;
import org.ruralstats.config.SparkSessions;
import org.ruralstats.errors.RunFailure;
import org.ruralstats.errors.RuralStatsErrors;
import org.ruralstats.export.ExportFilter;
import org.ruralstats.export.ExportStamp;
import org.ruralstats.export.Outputs;
import org.ruralstats.ingest.LandingFolder;
import org.ruralstats.ingest.Pseudonymizer;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.privacy.WarehouseModes;
import org.ruralstats.report.PublishedTables;
import org.ruralstats.warehouse.RunHistory;
import org.ruralstats.warehouse.RunTransaction;
import org.ruralstats.warehouse.Warehouse;
import org.ruralstats.warehouse.WarehouseLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The nightly job: ingests the landing folder into the warehouse and publishes the indicator table,
 * all or nothing. Exit codes: 0 every file of the landing folder is loaded (row rejects allowed); 2
 * the run published but at least one file of the landing folder stands rejected as a whole; 1 the
 * run failed and nothing published changed; 3 another run holds the warehouse lock. The codes are
 * defined in {@link RuralStatsErrors}.
 */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = "Ingest the landing folder and publish the indicators (all or nothing).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every file of the landing folder is loaded (rejected rows allowed)",
      "2:published, but at least one file of the landing folder stands rejected as a whole",
      "1:the run failed; nothing published changed (or: it published but its exports failed,"
          + " as the message says)",
      "3:another run holds the warehouse lock (the message names it); nothing was done"
    })
public final class NightlyJob implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(NightlyJob.class);

  private static final String APP_NAME = "rural-stats nightly";

  /** Exit code: all files loaded. */
  public static final int OK = RuralStatsErrors.OK;

  /** Exit code: the run failed, nothing changed. */
  public static final int FAILED = RuralStatsErrors.FAILED;

  /** Exit code: published, but a file stands rejected as a whole. */
  public static final int FILE_REJECTED = RuralStatsErrors.FILE_REJECTED;

  /** Exit code: another run holds the warehouse lock; nothing was done. */
  public static final int LOCK_HELD = RuralStatsErrors.LOCK_HELD;

  @Option(names = "--landing", required = true, description = "landing folder")
  String landing;

  @Option(names = "--warehouse", required = true, description = "warehouse folder")
  String warehouse;

  @Option(
      names = "--export-dir",
      description = "also write indicators.csv and rejects.csv here after a successful run")
  Path exportDir;

  @Option(
      names = "--key-file",
      description =
          "file holding the pseudonym key (default: $RURAL_STATS_PSEUDONYM_KEY,"
              + " $RURAL_STATS_PSEUDONYM_KEY_FILE, --conf spark.ruralstats.pseudonymKeyFile, else"
              + " ~/.config/rural-stats/pseudonym.key in local mode; required on a cluster)")
  Path keyFile;

  @Option(
      names = "--shuffle-partitions",
      defaultValue = "4",
      description = "Spark shuffle partitions (default: ${DEFAULT-VALUE}; raise on a cluster)")
  int shufflePartitions;

  @Option(
      names = "--parallel-sources",
      defaultValue = "2",
      description = "sources ingested side by side (default: ${DEFAULT-VALUE})")
  int parallelSources;

  /** Runs the job from the command line. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new NightlyJob()).execute(args));
  }

  @Override
  public Integer call() {
    PipelineConfig config;
    try {
      config =
          new PipelineConfig(
              landing,
              warehouse,
              exportDir,
              PseudonymKey.resolve(keyFile, System.getenv(), new SparkConf()),
              parallelSources);
    } catch (RuntimeException e) {
      System.err.println("error: " + e.getMessage());
      return FAILED;
    }
    long t0 = System.nanoTime();
    SparkConf given = new SparkConf();
    try {
      Configuration hadoop =
          SparkHadoopUtil.get()
              .newConfiguration(SparkSessions.settings(given, APP_NAME, shufflePartitions));
      OptionalInt nothingNew = NothingNew.run(given, hadoop, config, System.out, t0);
      if (nothingNew.isPresent()) {
        return nothingNew.getAsInt();
      }
    } catch (RuntimeException e) {
      System.out.println("error: " + RuralStatsErrors.oneLine(e));
      return FAILED;
    }
    SparkSession spark;
    try {
      spark = SparkSessions.create(APP_NAME, shufflePartitions);
    } catch (Throwable t) {
      System.err.println("error: cannot start Spark: " + RuralStatsErrors.oneLine(t));
      return FAILED;
    }
    try {
      return run(spark, config, System.out);
    } finally {
      spark.stop();
    }
  }

  /**
   * Runs the nightly job in a given session: takes the warehouse lock, runs, releases it. While the
   * run prints nothing for a while, a {@link Heartbeat} line says how many Spark tasks finished.
   *
   * @return the exit code
   */
  public static int run(SparkSession spark, PipelineConfig config, PrintStream console) {
    return Heartbeat.watch(spark, console, out -> runWatched(spark, config, out));
  }

  /** {@link #run}, its console watched by a {@link Heartbeat}. */
  private static int runWatched(SparkSession spark, PipelineConfig config, PrintStream out) {
    String runId = RunHistory.newRunId();
    WarehouseLock lock;
    try {
      lock =
          WarehouseLock.acquire(
              spark.sparkContext().hadoopConfiguration(), config.warehouse(), runId);
    } catch (RunFailure f) {
      out.println("error: " + f.getMessage());
      if (f.exitCode() == LOCK_HELD) {
        RunHistory.recordRefused(
            spark.sparkContext().hadoopConfiguration(), config.warehouse(), runId, f.getMessage());
      }
      return f.exitCode();
    }
    try (lock) {
      if (lock.takenOver().isPresent()) {
        out.println(
            "warning: took over the lock of a run that did not finish ("
                + lock.takenOver().get().describe()
                + ")");
      }
      return runLocked(spark, config, out, runId, lock);
    } finally {
      spark.conf().unset(RunTransaction.USER_METADATA);
    }
  }

  /** The first lines of a run: its id, landing folder and warehouse. */
  static void printHeader(PrintStream out, String runId, String landing, String warehouse) {
    out.println("rural-stats nightly run " + runId);
    out.println("  landing:   " + landing);
    out.println("  warehouse: " + warehouse);
  }

  /** The warning of a run that found the raw zone open to others and closed it. */
  static String rawClosedWarning(int opened, String raw) {
    return "warning: "
        + opened
        + " file(s) or folder(s) under "
        + raw
        + " (ID numbers) could be read by other users; made them owner-only (0700/0600)";
  }

  private static int runLocked(
      SparkSession spark,
      PipelineConfig config,
      PrintStream out,
      String runId,
      WarehouseLock lock) {
    long t0 = System.nanoTime();
    SourceContract contract = SourceContract.standard();
    Pseudonymizer pseudonymizer = new Pseudonymizer(config.pseudonymKey());
    Warehouse wh = new Warehouse(spark, config.warehouse());
    List<String> tables = IngestStage.allTables();
    WarehouseModes modes = WarehouseModes.of(spark, wh.root());
    RunTransaction tx = new RunTransaction(wh, tables, runId);
    printHeader(out, runId, config.landing(), wh.root());
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    IngestReport report;
    List<String> listing;
    int countyFolders;
    try {
      // the landing folder as this run finds it, before it reads it: what the next run compares
      listing = NothingNew.listing(conf, config.landing());
      NothingNew.forget(conf, wh.root());
      tx.begin();
      for (String dead : tx.interruptedRuns()) {
        out.println(
            "warning: run " + dead + " did not finish; its tables were restored (jobs/runs.sh)");
      }
      int opened = modes.closeRaw();
      if (opened > 0) {
        out.println(rawClosedWarning(opened, wh.path("raw")));
      }
      LandingFolder landing;
      try {
        landing = new LandingFolder(spark, config.landing(), contract.names());
        countyFolders = (int) landing.counties().stream().filter(c -> !c.isEmpty()).count();
      } catch (IllegalArgumentException e) {
        throw RuralStatsErrors.badLanding(e.getMessage());
      }
      if (tx.committedFingerprint() != null
          && !tx.committedFingerprint().equals(pseudonymizer.fingerprint())) {
        throw RuralStatsErrors.keyMismatch(PseudonymKey.ENV_KEY_FILE);
      }
      out.println("ingest:");
      report =
          new IngestStage(
                  wh, contract, pseudonymizer, runId, out::println, config.sourceParallelism())
              .run(landing);
      out.println("indicators:");
      IndicatorStage stage = new IndicatorStage(wh, contract);
      IndicatorStage.Outcome outcome =
          stage.update(tx.lastPublished(), line -> out.println("  " + line));
      IndicatorStage.Result indicators = outcome.result();
      if (indicators != null) {
        out.printf(
            "  %d indicator rows (%d indicators, %d areas, years %s)  %.1f s%n",
            indicators.rows(),
            indicators.indicators(),
            indicators.areas(),
            indicators.years(),
            indicators.seconds());
      }
      tx.indicatorInputs(outcome.inputs(), outcome.areaViews());
      lock.assertHeld();
      tx.commit(
          pseudonymizer.fingerprint(),
          report.filesProcessed(),
          report.standingRejectedFiles().size(),
          report.rowsRead(),
          report.rowsRejected(),
          report.ignoredDetail());
    } catch (Throwable t) {
      return FailedRun.rollBack(tx, runId, t, out);
    }
    String exportState = "";
    NightlySummary.Shown shown;
    try {
      modes.applyAll();
      if (config.exportDir() != null) {
        String dir = config.exportDir().toString();
        PublishedTables published = PublishedTables.latest(wh);
        String state = ExportStamp.state(wh, published.versions());
        exportState = state;
        for (String table : List.of("indicators", "rejects")) {
          String file = dir + "/" + table + ".csv";
          // a run that published nothing new leaves an export of the same tables as it is
          if (!ExportStamp.current(conf, file, state)) {
            Outputs.find(table, "csv").write(published, ExportFilter.NONE, file);
            ExportStamp.record(conf, file, state);
          }
          modes.applyToExport(file);
        }
      }
      shown = new NightlySummary(wh, out).print(report, config, (System.nanoTime() - t0) / 1e9);
    } catch (Throwable t) {
      LOG.error("run {}: writing the exports or the summary failed", runId, t);
      out.println(
          "error: run "
              + runId
              + " published, but writing its exports or summary failed: "
              + RuralStatsErrors.oneLine(t)
              + "; write them again with jobs/export.sh --warehouse "
              + wh.root());
      return FAILED;
    }
    int exit = report.standingRejectedFiles().isEmpty() ? OK : FILE_REJECTED;
    try {
      NothingNew.leave(
          conf,
          wh.root(),
          new NothingNew.Note(
              runId,
              config.landing(),
              listing,
              pseudonymizer.fingerprint(),
              wh.version(Warehouse.RUNS),
              exportState,
              exit,
              report.files().size(),
              countyFolders,
              report.ignored(),
              shown.figures(),
              shown.rejectRows(),
              shown.rejectFiles(),
              report.standingRejectedFiles().stream()
                  .map(NightlySummary::rejectedFileLine)
                  .toList()));
    } catch (RuntimeException e) {
      out.println(
          "warning: the run published, but its note for a rerun with nothing new could not be"
              + " written ("
              + RuralStatsErrors.oneLine(e)
              + "); the next run reads the landing folder in full");
    }
    return exit;
  }
}
