package org.ruralstats.jobs;

import java.io.PrintStream;
import org.ruralstats.errors.RunFailure;
import org.ruralstats.errors.RuralStatsErrors;
import org.ruralstats.warehouse.RunTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every run that writes tables (nightly, erasure, key rotation) ends when it fails: one {@code
 * error:} line (the full trace only in the log), every table rolled back, and the exit code.
 */
final class FailedRun {
  private static final Logger LOG = LoggerFactory.getLogger(FailedRun.class);

  private FailedRun() {}

  /**
   * Reports the failure, rolls the run back and says what readers see.
   *
   * @return the exit code of the failure
   */
  static int rollBack(RunTransaction tx, String runId, Throwable t, PrintStream out) {
    RunFailure f = RuralStatsErrors.runFailed(t);
    if (!(t instanceof RunFailure)) {
      LOG.error("run {} failed", runId, t);
    }
    out.println("error: " + f.getMessage());
    try {
      tx.rollback(RuralStatsErrors.oneLine(t));
      out.println("Every published table was left as it was before this run.");
    } catch (Throwable rollbackError) {
      LOG.error("run {}: rollback failed", runId, rollbackError);
      out.println(
          "error: restoring the tables failed too ("
              + RuralStatsErrors.oneLine(rollbackError)
              + "); readers still see the last published run, and the next run restores the"
              + " tables before it starts.");
    }
    return f.exitCode();
  }
}
