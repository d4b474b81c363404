package org.ruralstats.jobs;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.ruralstats.config.PipelineConfig;
import org.ruralstats.config.PseudonymKey;
import org.ruralstats.config.SparkSessions;
import org.ruralstats.export.ExportFilter;
import org.ruralstats.export.Outputs;
import org.ruralstats.ingest.LandingFolder;
import org.ruralstats.ingest.Pseudonymizer;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.report.PublishedTables;
import org.ruralstats.warehouse.RunTransaction;
import org.ruralstats.warehouse.Warehouse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The nightly job: ingests the landing folder into the warehouse and publishes the indicator table,
 * all or nothing. Exit codes: 0 every file of the landing folder is loaded (row rejects allowed); 2
 * the run published but at least one file of the landing folder stands rejected as a whole; 1 the
 * run failed and nothing published changed.
 */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = "Ingest the landing folder and publish the indicators (all or nothing).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every file of the landing folder is loaded (rejected rows allowed)",
      "2:published, but at least one file of the landing folder stands rejected as a whole",
      "1:the run failed; nothing published changed"
    })
public final class NightlyJob implements Callable<Integer> {
  /** Exit code: all files loaded. */
  public static final int OK = 0;

  /** Exit code: the run failed, nothing changed. */
  public static final int FAILED = 1;

  /** Exit code: published, but a file stands rejected as a whole. */
  public static final int FILE_REJECTED = 2;

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
    SparkSession spark = SparkSessions.create("rural-stats nightly", shufflePartitions);
    try {
      return run(spark, config, System.out);
    } finally {
      spark.stop();
    }
  }

  /**
   * Runs the nightly job in a given session.
   *
   * @return the exit code
   */
  public static int run(SparkSession spark, PipelineConfig config, PrintStream out) {
    long t0 = System.nanoTime();
    String runId =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now());
    SourceContract contract = SourceContract.standard();
    Pseudonymizer pseudonymizer = new Pseudonymizer(config.pseudonymKey());
    Warehouse wh = new Warehouse(spark, config.warehouse());
    LandingFolder landing;
    try {
      landing = new LandingFolder(spark, config.landing(), contract.names());
    } catch (IllegalArgumentException e) {
      out.println("error: " + e.getMessage());
      return FAILED;
    }
    List<String> tables = new ArrayList<>(IngestStage.tables(contract));
    tables.add(Warehouse.INDICATORS);
    RunTransaction tx = new RunTransaction(wh, tables, runId);
    out.println("rural-stats nightly run " + runId);
    out.println("  landing:   " + landing.path());
    out.println("  warehouse: " + wh.root());
    IngestReport report;
    try {
      tx.begin();
      if (tx.committedFingerprint() != null
          && !tx.committedFingerprint().equals(pseudonymizer.fingerprint())) {
        out.println(
            "error: the pseudonym key differs from the key this warehouse was built with, so the"
                + " same person would get a different pseudonym and be counted twice. Run with"
                + " the original key (--key-file or "
                + PseudonymKey.ENV_KEY_FILE
                + "), or start a new warehouse. Nothing was changed.");
        return FAILED;
      }
      out.println("ingest:");
      report =
          new IngestStage(
                  wh, contract, pseudonymizer, runId, out::println, config.sourceParallelism())
              .run(landing);
      out.println("indicators:");
      IndicatorStage.Result indicators = new IndicatorStage(wh, contract).run();
      out.printf(
          "  %d indicator rows (%d indicators, %d areas, years %s)  %.1f s%n",
          indicators.rows(),
          indicators.indicators(),
          indicators.areas(),
          indicators.years(),
          indicators.seconds());
      tx.commit(
          pseudonymizer.fingerprint(),
          report.filesProcessed(),
          report.standingRejectedFiles().size(),
          report.rowsRead(),
          report.rowsRejected());
    } catch (RuntimeException e) {
      out.println("error: the run failed: " + e.getMessage());
      e.printStackTrace(out);
      try {
        tx.rollback();
        out.println("Every published table was left as it was before this run.");
      } catch (RuntimeException rollbackError) {
        out.println(
            "error: restoring the tables failed too ("
                + rollbackError.getMessage()
                + "); the next run restores them before it starts.");
      }
      return FAILED;
    }
    if (config.exportDir() != null) {
      String dir = config.exportDir().toString();
      PublishedTables published = new PublishedTables(wh);
      Outputs.find("indicators", "csv")
          .write(published, ExportFilter.NONE, dir + "/indicators.csv");
      Outputs.find("rejects", "csv").write(published, ExportFilter.NONE, dir + "/rejects.csv");
    }
    new NightlySummary(wh, out).print(report, config, (System.nanoTime() - t0) / 1e9);
    return report.standingRejectedFiles().isEmpty() ? OK : FILE_REJECTED;
  }
}
