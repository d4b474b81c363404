package org.ruralstats.warehouse;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.delta.VersionNotFoundException;
import org.ruralstats.errors.RuralStatsErrors;

/**
 * The read path for everyone outside a run (exports, reports, notebooks): each table at the version
 * recorded by a published run in {@link Warehouse#RUNS}, never at the table's latest version, so a
 * run in progress or killed midway is never seen.
 */
public final class CommittedTables {
  private final Warehouse warehouse;
  private final RunHistory.Run run;

  private CommittedTables(Warehouse warehouse, RunHistory.Run run) {
    this.warehouse = warehouse;
    this.run = run;
  }

  /**
   * The tables as the last published run left them.
   *
   * @throws org.ruralstats.errors.RunFailure when no run was published yet
   */
  public static CommittedTables latest(Warehouse warehouse) {
    return new CommittedTables(
        warehouse,
        new RunHistory(warehouse)
            .lastPublished()
            .orElseThrow(() -> RuralStatsErrors.noSuchRun(warehouse.root(), null)));
  }

  /**
   * The tables as the published run {@code runId} left them.
   *
   * @throws org.ruralstats.errors.RunFailure when there is no such published run, or its data is no
   *     longer there (an erasure since, or a maintenance that did not keep it)
   */
  public static CommittedTables asOf(Warehouse warehouse, String runId) {
    List<RunHistory.Run> runs = new RunHistory(warehouse).recorded(); // read once
    RunHistory.Run run =
        RunHistory.published(runs, runId)
            .orElseThrow(() -> RuralStatsErrors.noSuchRun(warehouse.root(), runId));
    for (RunHistory.Run r : runs) {
      if (r.outcome().equals(RunHistory.ERASED) && r.finishedAt().isAfter(run.finishedAt())) {
        throw RuralStatsErrors.erasedSince(warehouse.root(), runId, r.runId());
      }
    }
    RunHistory.Run removedBy = RunHistory.removedBy(runs, run).orElse(null);
    if (removedBy != null) {
      throw RuralStatsErrors.notKept(
          warehouse.root(), runId, removedBy.runId(), removedBy.keptFrom().orElseThrow());
    }
    return new CommittedTables(warehouse, run);
  }

  /** The run whose state this is. */
  public String runId() {
    return run.runId();
  }

  /** The published run itself. */
  public RunHistory.Run run() {
    return run;
  }

  /** The recorded version of every table. */
  public Map<String, Long> versions() {
    return run.tableVersions();
  }

  /** Whether the run's state holds the table. */
  public boolean has(String table) {
    return run.tableVersions().containsKey(table);
  }

  /**
   * Reads a table at its recorded version.
   *
   * @throws org.ruralstats.errors.RunFailure when Delta no longer keeps that version's commit
   */
  public Dataset<Row> read(String table) {
    Long v = run.tableVersions().get(table);
    if (v == null) {
      throw new IllegalArgumentException(
          "run " + run.runId() + " recorded no version of " + warehouse.path(table));
    }
    try {
      return warehouse.readAt(table, v);
    } catch (Exception e) { // Delta's AnalysisException is a checked type to Java
      if (e instanceof VersionNotFoundException gone) {
        throw RuralStatsErrors.historyGone(
            warehouse.root(), run.runId(), warehouse.path(table), v, gone.earliest());
      }
      throw e;
    }
  }
}
