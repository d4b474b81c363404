package org.ruralstats.errors;

import org.ruralstats.config.Retention;

/**
 * Every error a command reports, built in one place, each mapped to its exit code. The exit codes
 * of every command: {@link #OK}, {@link #FAILED}, {@link #FILE_REJECTED}, {@link #LOCK_HELD}.
 */
public final class RuralStatsErrors {
  /** Exit code: the run published and every file of the landing folder is loaded. */
  public static final int OK = 0;

  /** Exit code: the run failed; every published table is as it was before the run. */
  public static final int FAILED = 1;

  /** Exit code: the run published, but a file of the landing folder stands rejected as a whole. */
  public static final int FILE_REJECTED = 2;

  /** Exit code: another run holds the warehouse lock; this run did nothing. */
  public static final int LOCK_HELD = 3;

  private RuralStatsErrors() {}

  /** Another run holds the warehouse's lock. */
  public static RunFailure lockHeld(String warehouse, String holder) {
    return new RunFailure(
        LOCK_HELD,
        "another run holds the warehouse "
            + warehouse
            + " ("
            + holder
            + "); nothing was done. Wait for it to end and run again (a holder that died is"
            + " taken over once its lease expires).",
        null);
  }

  /** The run lost its lock (its lease expired and another run took the warehouse over). */
  public static RunFailure lockLost(String warehouse, String detail) {
    return new RunFailure(
        FAILED,
        "this run lost its lock on the warehouse "
            + warehouse
            + " ("
            + detail
            + "); it stops without publishing. Check that the machine is not overloaded and run"
            + " again.",
        null);
  }

  /** The warehouse path exists but is a regular file. */
  public static RunFailure warehouseIsFile(String warehouse) {
    return new RunFailure(
        FAILED,
        "the warehouse "
            + warehouse
            + " is a file, not a folder; pass --warehouse a folder (a new one for a new"
            + " warehouse). Nothing was changed.",
        null);
  }

  /** The warehouse cannot be opened or locked (permissions, storage down). */
  public static RunFailure warehouseUnavailable(String warehouse, Throwable cause) {
    return new RunFailure(
        FAILED,
        "cannot use the warehouse "
            + warehouse
            + ": "
            + oneLine(cause)
            + "; check the path and that this user may write there. Nothing was changed.",
        cause);
  }

  /** The landing folder is missing or not a folder. */
  public static RunFailure badLanding(String message) {
    return new RunFailure(FAILED, message, null);
  }

  /** The configuration (e.g. the pseudonym key) is unusable. */
  public static RunFailure badConfig(String message, Throwable cause) {
    return new RunFailure(FAILED, message, cause);
  }

  /** The pseudonym key differs from the one the warehouse was built with. */
  public static RunFailure keyMismatch(String keyFileHint) {
    return new RunFailure(
        FAILED,
        "the pseudonym key differs from the key this warehouse was built with, so the same person"
            + " would get a different pseudonym and be counted twice. Run with the original key"
            + " (--key-file or "
            + keyFileHint
            + "), or start a new warehouse. Nothing was changed.",
        null);
  }

  /** No successful run is recorded (nothing to read yet) or the asked run is unknown. */
  public static RunFailure noSuchRun(String warehouse, String runId) {
    return new RunFailure(
        FAILED,
        runId == null
            ? "the warehouse "
                + warehouse
                + " has no published run yet; run jobs/nightly.sh --warehouse "
                + warehouse
                + " first"
            : "the warehouse "
                + warehouse
                + " has no published run "
                + runId
                + "; list its runs with jobs/runs.sh --warehouse "
                + warehouse,
        null);
  }

  /** A run asked for with --as-of was published before an erasure on request. */
  public static RunFailure erasedSince(String warehouse, String runId, String erasure) {
    return unreadable(
        warehouse,
        runId,
        "was published before the erasure "
            + erasure
            + " and still holds the erased persons, so it is no longer readable",
        "a later run");
  }

  /** A run asked for with --as-of is older than every run a later maintenance kept. */
  public static RunFailure notKept(
      String warehouse, String runId, String maintenance, String keptFrom) {
    return unreadable(
        warehouse,
        runId,
        "is no longer readable: the maintenance "
            + maintenance
            + " kept the data of the runs from "
            + keptFrom
            + " on (jobs/maintain.sh --keep-runs)",
        "one of those");
  }

  /**
   * A run asked for with --as-of recorded a table version whose commit Delta has since cleaned from
   * the table's log (commits older than {@code delta.logRetentionDuration} go at a later
   * checkpoint).
   */
  public static RunFailure historyGone(
      String warehouse, String runId, String table, long version, long earliest) {
    return unreadable(
        warehouse,
        runId,
        "is no longer readable: the table "
            + table
            + " no longer keeps the run's version "
            + version
            + " in its history (its earliest version is now "
            + earliest
            + "; Delta removes a table's commits older than its "
            + Retention.property(Retention.LOG)
            + ", "
            + Retention.NEW_TABLE_DAYS
            + " days for this job's new tables, the kept runs plus "
            + Retention.MARGIN_DAYS
            + " days after jobs/maintain.sh)",
        "a later run");
  }

  private static RunFailure unreadable(String warehouse, String runId, String why, String read) {
    return new RunFailure(
        FAILED,
        "run "
            + runId
            + " of the warehouse "
            + warehouse
            + " "
            + why
            + "; read "
            + read
            + " (jobs/runs.sh --warehouse "
            + warehouse
            + ")",
        null);
  }

  /** The file of ID numbers to erase is missing, unreadable or holds a malformed line. */
  public static RunFailure badIdsFile(String message) {
    return new RunFailure(FAILED, message + " Nothing was erased.", null);
  }

  /** The new pseudonym key of a rotation is unusable. */
  public static RunFailure badNewKey(String message) {
    return new RunFailure(
        FAILED, message + " Nothing was changed; the old key stays in force.", null);
  }

  /** The raw zone does not hold the ID of every pseudonym of a clean table: no rotation. */
  public static RunFailure rotationIncomplete(String table, long rows) {
    return new RunFailure(
        FAILED,
        "cannot rotate the pseudonym key: "
            + rows
            + " row(s) of "
            + table
            + " have a pseudonym whose ID number is no longer in the raw zone (raw/rows), so"
            + " it cannot be derived under the new key. Nothing was changed; the old key stays"
            + " in force. Deliver those persons' files again (or erase them), then rotate.",
        null);
  }

  /** Recomputing the indicators under the new key changed published figures: no rotation. */
  public static RunFailure rotationChangedFigures(long rows) {
    return new RunFailure(
        FAILED,
        "the key rotation would change "
            + rows
            + " published indicator row(s), so it was undone: nothing was changed and the old key"
            + " stays in force. Report this as a bug (the pseudonyms of the raw zone and the clean"
            + " tables disagree).",
        null);
  }

  /** Tables hold commits of another writer after the version this run would restore. */
  public static RunFailure foreignCommits(String tablesAndWriters) {
    return new RunFailure(
        FAILED,
        "not restored, as they hold commits this run did not write: "
            + tablesAndWriters
            + "; run jobs/runs.sh to see which run wrote them, then run the nightly job again (it"
            + " repairs the tables of runs that did not finish).",
        null);
  }

  /** A table's newest commit file is not whole. */
  public static RunFailure damagedTable(String table, String file, long version, String problem) {
    return new RunFailure(
        FAILED,
        "the Delta table "
            + table
            + " is damaged: its commit file "
            + file
            + " (version "
            + version
            + ") is not whole ("
            + problem
            + "). Nothing was changed. If jobs/runs.sh shows no published run with that version"
            + " of the table, move the file out of _delta_log and run again; otherwise restore the"
            + " file from a backup.",
        null);
  }

  /** Any other failure of a run: what failed, in one line. */
  public static RunFailure runFailed(Throwable cause) {
    if (cause instanceof RunFailure f) {
      return f;
    }
    Throwable oom = outOfMemory(cause);
    if (oom != null) {
      return new RunFailure(
          FAILED,
          "the run failed: Java ran out of memory"
              + (oom instanceof OutOfMemoryError && oom.getMessage() != null
                  ? " (" + oom.getMessage().strip() + ")"
                  : "")
              + ": "
              + oneLine(cause)
              + ". Nothing published changed; give the job more memory and run again: with the"
              + " project's launchers RURAL_STATS_JAVA_OPTS=-Xmx8g (their default is -Xmx4g),"
              + " with spark-submit --driver-memory, and on a cluster"
              + " spark.executor.memory as well (the full trace is in the log).",
          cause);
    }
    return new RunFailure(
        FAILED,
        "the run failed: "
            + oneLine(cause)
            + ". Every table is restored to the last published run; fix the cause and run again"
            + " (the full trace is in the log).",
        cause);
  }

  /**
   * How a JVM of the run ran out of memory, if one did: the {@link OutOfMemoryError} among the
   * causes, or the first cause whose message names one (an executor's failure reaches the driver as
   * text) or is Spark's error for a broadcast table the driver had no memory for (it does not keep
   * the {@link OutOfMemoryError}); null when none did.
   */
  public static Throwable outOfMemory(Throwable t) {
    Throwable named = null;
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof OutOfMemoryError) {
        return c;
      }
      String m = c.getMessage();
      if (named == null
          && m != null
          && (m.contains("java.lang.OutOfMemoryError") || m.contains(BROADCAST_OUT_OF_MEMORY))) {
        named = c;
      }
    }
    return named;
  }

  /** The start of Spark's error when the driver has no memory left to build a broadcast table. */
  static final String BROADCAST_OUT_OF_MEMORY =
      "Not enough memory to build and broadcast the table";

  /**
   * The first line of a throwable's message, cut to 300 characters; its type (and its cause's
   * message) when it has no message.
   */
  public static String oneLine(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      m = t.getClass().getSimpleName();
      if (t.getCause() != null && t.getCause() != t) {
        return m + ": " + oneLine(t.getCause());
      }
    }
    m = m.strip();
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl).strip();
    }
    return m.length() > 300 ? m.substring(0, 300) + "…" : m;
  }
}
