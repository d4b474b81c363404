package org.ruralstats.jobs;

import java.io.PrintStream;
import org.ruralstats.errors.RunFailure;
import org.ruralstats.errors.RuralStatsErrors;
import org.ruralstats.ingest.Pseudonymizer;
import org.ruralstats.privacy.WarehouseModes;
import org.ruralstats.warehouse.RunHistory;
import org.ruralstats.warehouse.RunTransaction;
import org.ruralstats.warehouse.Warehouse;
import org.ruralstats.warehouse.WarehouseLock;

/**
 * A change to a published warehouse without a landing folder (an erasure, a key rotation): takes
 * the warehouse lock, checks the key in force against the last published run's, runs the change
 * inside a {@link RunTransaction} (all tables restored when it fails), records its own run, then
 * sets the zones' file modes.
 */
final class LockedChange {
  /** The change itself; returns the fingerprint of the key in force afterwards. */
  interface Body {
    String run(RunTransaction tx, WarehouseLock lock) throws Exception;
  }

  private LockedChange() {}

  /**
   * Runs a change.
   *
   * @param outcome the outcome recorded in meta/runs
   * @return the exit code
   */
  static int run(
      Warehouse wh,
      Pseudonymizer current,
      String runId,
      String outcome,
      PrintStream out,
      Body body) {
    WarehouseLock lock;
    try {
      lock =
          WarehouseLock.acquire(wh.spark().sparkContext().hadoopConfiguration(), wh.root(), runId);
    } catch (RunFailure f) {
      out.println("error: " + f.getMessage());
      if (f.exitCode() == RuralStatsErrors.LOCK_HELD) {
        RunHistory.recordRefused(
            wh.spark().sparkContext().hadoopConfiguration(), wh.root(), runId, f.getMessage());
      }
      return f.exitCode();
    }
    WarehouseModes modes = WarehouseModes.of(wh.spark(), wh.root());
    try (lock) {
      RunTransaction tx = new RunTransaction(wh, IngestStage.allTables(), runId);
      try {
        tx.begin();
        for (String dead : tx.interruptedRuns()) {
          out.println(
              "warning: run " + dead + " did not finish; its tables were restored (jobs/runs.sh)");
        }
        if (tx.committedFingerprint() == null) {
          throw RuralStatsErrors.noSuchRun(wh.root(), null);
        }
        if (!tx.committedFingerprint().equals(current.fingerprint())) {
          throw RuralStatsErrors.keyMismatch(org.ruralstats.config.PseudonymKey.ENV_KEY_FILE);
        }
        int opened = modes.closeRaw();
        if (opened > 0) {
          out.println(
              "warning: "
                  + opened
                  + " file(s) or folder(s) under "
                  + wh.path("raw")
                  + " (ID numbers) could be read by other users; made them owner-only");
        }
        String fingerprint = body.run(tx, lock);
        lock.assertHeld();
        tx.commitChange(fingerprint, outcome, 0);
      } catch (Throwable t) {
        return FailedRun.rollBack(tx, runId, t, out);
      }
    } finally {
      wh.spark().conf().unset(RunTransaction.USER_METADATA);
    }
    modes.applyAll();
    return RuralStatsErrors.OK;
  }

  /** Writes indicators.csv and rejects.csv of the last published run into {@code dir}. */
  static void writeExports(Warehouse wh, java.nio.file.Path dir) {
    if (dir == null) {
      return;
    }
    WarehouseModes modes = WarehouseModes.of(wh.spark(), wh.root());
    org.ruralstats.report.PublishedTables published =
        org.ruralstats.report.PublishedTables.latest(wh);
    for (String table : new String[] {"indicators", "rejects"}) {
      String out = dir + "/" + table + ".csv";
      org.ruralstats.export.Outputs.find(table, "csv")
          .write(published, org.ruralstats.export.ExportFilter.NONE, out);
      modes.applyToExport(out);
    }
  }
}
