package org.ruralstats.jobs;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ruralstats.config.PseudonymKey;
import org.ruralstats.config.SparkSessions;
import org.ruralstats.errors.RuralStatsErrors;
import org.ruralstats.ingest.Pseudonymizer;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.privacy.KeyRotation;
import org.ruralstats.warehouse.CommittedTables;
import org.ruralstats.warehouse.RunHistory;
import org.ruralstats.warehouse.Warehouse;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Key rotation: derives every pseudonym again from the raw zone under a new key, checks that every
 * published figure is unchanged, and records the run as {@code rekeyed} with the new key's
 * fingerprint, all in one run under the warehouse lock: a failure leaves the old key in force and
 * every table as it was. Afterwards the warehouse accepts the new key and refuses the old one.
 */
@Command(
    name = "rotate-key",
    mixinStandardHelpOptions = true,
    description = "Move the warehouse to a new pseudonym key (all or nothing).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:rotated; from now on give the new key",
      "1:failed; the old key stays in force and every table is as it was",
      "3:another run holds the warehouse lock; nothing was done"
    })
public final class RotateKeyJob implements Callable<Integer> {
  @Option(names = "--warehouse", required = true, description = "warehouse folder")
  String warehouse;

  @Option(names = "--new-key-file", required = true, description = "file holding the new key")
  Path newKeyFile;

  @Option(
      names = "--export-dir",
      description = "also write indicators.csv and rejects.csv here afterwards")
  Path exportDir;

  @Option(names = "--key-file", description = "the key in force (as for the nightly job)")
  Path keyFile;

  /** Runs the rotation from the command line. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new RotateKeyJob()).execute(args));
  }

  @Override
  public Integer call() {
    byte[] current;
    byte[] next;
    try {
      current = PseudonymKey.resolve(keyFile, System.getenv(), new SparkConf());
      next = PseudonymKey.resolve(newKeyFile, Map.of());
    } catch (RuntimeException e) {
      System.out.println("error: " + e.getMessage());
      return RuralStatsErrors.FAILED;
    }
    SparkSession spark = SparkSessions.create("rural-stats rotate-key", 4);
    try {
      Warehouse wh = new Warehouse(spark, warehouse);
      int code = rotate(wh, current, next, newKeyFile, System.out);
      if (code == RuralStatsErrors.OK) {
        LockedChange.writeExports(wh, exportDir);
      }
      return code;
    } finally {
      spark.stop();
    }
  }

  /**
   * Rotates the key of a warehouse.
   *
   * @return the exit code
   */
  public static int rotate(
      Warehouse wh, byte[] current, byte[] next, Path newKeyFile, PrintStream console) {
    return Heartbeat.watch(
        wh.spark(), console, out -> rotateWatched(wh, current, next, newKeyFile, out));
  }

  /** {@link #rotate}, its console watched by a {@link Heartbeat}. */
  private static int rotateWatched(
      Warehouse wh, byte[] current, byte[] next, Path newKeyFile, PrintStream out) {
    Pseudonymizer from = new Pseudonymizer(current);
    Pseudonymizer to = new Pseudonymizer(next);
    if (from.fingerprint().equals(to.fingerprint())) {
      out.println(
          "error: "
              + RuralStatsErrors.badNewKey(
                      "the new key in " + newKeyFile + " is the key in force; give a new key.")
                  .getMessage());
      return RuralStatsErrors.FAILED;
    }
    String runId = RunHistory.newRunId();
    long[] rows = new long[1];
    out.println("rural-stats key rotation " + runId + " of " + wh.root());
    int code =
        LockedChange.run(
            wh,
            from,
            runId,
            RunHistory.REKEYED,
            out,
            (tx, lock) -> {
              Dataset<Row> before = CommittedTables.latest(wh).read(Warehouse.INDICATORS);
              rows[0] = new KeyRotation(wh, from, to).rotate();
              new IndicatorStage(wh, SourceContract.standard()).run();
              Dataset<Row> after = wh.read(Warehouse.INDICATORS);
              long changed = before.exceptAll(after).count() + after.exceptAll(before).count();
              if (changed > 0) {
                throw RuralStatsErrors.rotationChangedFigures(changed);
              }
              return to.fingerprint();
            });
    if (code != RuralStatsErrors.OK) {
      return code;
    }
    out.printf(
        "rotated the pseudonym key: %d clean row(s) under the new key (fingerprint %s), every"
            + " published figure unchanged.%n",
        rows[0], to.fingerprint());
    out.println(
        "From now on run every job with the new key ("
            + newKeyFile
            + ": --key-file, "
            + PseudonymKey.ENV_KEY_FILE
            + ", or copy it over the default key file); the old key (fingerprint "
            + from.fingerprint()
            + ") is refused. Destroy the old key as the README says (Key rotation).");
    return RuralStatsErrors.OK;
  }
}
