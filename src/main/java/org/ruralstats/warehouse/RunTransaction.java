package org.ruralstats.warehouse;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ruralstats.errors.RuralStatsErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Makes a run all-or-nothing across the warehouse's tables. Delta commits are atomic per table; a
 * run writes several tables, so the run's commit point is one row appended to {@link
 * Warehouse#RUNS} with outcome {@code published}, recording the version of every table. Every
 * commit the run makes carries its run id in Delta's commit info ({@code userMetadata}). A run that
 * fails restores every table to the versions of the last recorded state, but only tables whose
 * commits after that version are all its own (checked in the table's history); a run that finds
 * tables ahead of the last record (a run was killed) restores them before it starts. Failed and
 * interrupted runs are recorded too (see {@link RunHistory}). The caller holds the {@link
 * WarehouseLock}.
 */
public final class RunTransaction {
  private static final Logger LOG = LoggerFactory.getLogger(RunTransaction.class);

  /** Delta's session setting that stamps every commit's {@code userMetadata}. */
  public static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";

  /**
   * Schema of the runs table ({@code outcome} and {@code detail} added later: null = published;
   * {@code indicator_inputs}: the fingerprint of what the published indicator table was computed
   * from, and {@code area_views}: a fingerprint of the shared area views' rows it was computed
   * with, see {@link #indicatorInputs(String, String)}).
   */
  public static final StructType RUNS_SCHEMA =
      new StructType()
          .add("run_id", DataTypes.StringType, false)
          .add("started_at", DataTypes.TimestampType, false)
          .add("finished_at", DataTypes.TimestampType, false)
          .add("key_fingerprint", DataTypes.StringType, false)
          .add(
              "table_versions",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false),
              false)
          .add("files_processed", DataTypes.IntegerType, false)
          .add("files_rejected", DataTypes.IntegerType, false)
          .add("rows_read", DataTypes.LongType, false)
          .add("rows_rejected", DataTypes.LongType, false)
          .add("outcome", DataTypes.StringType, true)
          .add("detail", DataTypes.StringType, true)
          .add("indicator_inputs", DataTypes.StringType, true)
          .add("area_views", DataTypes.StringType, true);

  private final Warehouse warehouse;
  private final List<String> tables;
  private final String runId;
  private final Instant startedAt;
  private Map<String, Long> baseline = Map.of();
  private String committedFingerprint;
  private RunHistory.Run lastPublished;
  private String indicatorInputs;
  private String areaViews;
  private final List<String> interrupted = new ArrayList<>();
  private boolean begun;

  /**
   * @param warehouse the warehouse
   * @param tables every table a run may write (except the runs table)
   * @param runId this run's id
   */
  public RunTransaction(Warehouse warehouse, List<String> tables, String runId) {
    this.warehouse = warehouse;
    this.tables = List.copyOf(tables);
    this.runId = runId;
    this.startedAt = Instant.now();
  }

  /** This run's id. */
  public String runId() {
    return runId;
  }

  /**
   * Stamps this run's commits, reads the last recorded state and brings every table back to it if
   * an interrupted run left it ahead (recording that run as interrupted and repaired).
   */
  public void begin() {
    List<String> all = new ArrayList<>(tables);
    all.add(Warehouse.RUNS);
    DeltaLogCheck.check(warehouse, all);
    warehouse.spark().conf().set(USER_METADATA, runId);
    List<RunHistory.Run> runs = new RunHistory(warehouse).recorded(); // read once
    baseline = RunHistory.lastState(runs).map(RunHistory.Run::tableVersions).orElse(Map.of());
    lastPublished = RunHistory.lastPublished(runs).orElse(null);
    committedFingerprint = lastPublished == null ? null : lastPublished.keyFingerprint();
    begun = true;
    Set<String> writers = new LinkedHashSet<>();
    Map<String, Long> repaired = new LinkedHashMap<>(baseline);
    int restored = 0;
    for (String t : tables) {
      List<String> w = warehouse.writersAfter(t, baseline.getOrDefault(t, -1L));
      if (!w.isEmpty()) {
        writers.addAll(w);
        restored += restore(t, repaired);
      }
    }
    if (restored > 0) {
      LOG.warn(
          "{} table(s) held changes of runs that did not finish ({}); restored them to the last"
              + " recorded state",
          restored,
          writers);
      writers.remove(runId);
      for (String dead : writers.isEmpty() ? Set.of("unknown") : writers) {
        interrupted.add(dead);
        record(
            dead,
            RunHistory.startOf(dead),
            repaired,
            null,
            "interrupted",
            "repaired by run " + runId,
            0);
      }
      baseline = repaired;
    }
  }

  /** Runs that did not finish and whose tables {@link #begin} restored. */
  public List<String> interruptedRuns() {
    return List.copyOf(interrupted);
  }

  /** The last published run (the one readers see), or null for a new warehouse. */
  public RunHistory.Run lastPublished() {
    return lastPublished;
  }

  /**
   * Records with the run's commit what the indicator table it publishes was computed from (a
   * fingerprint of the indicator statement and the clean tables' versions), so that a later run
   * with the same inputs can leave the table as it is, and the fingerprint of the shared area views
   * it was computed with (null when not known), so that a later run whose areas are the same can
   * recompute only the groups that read a changed table.
   */
  public void indicatorInputs(String fingerprint, String areaViews) {
    this.indicatorInputs = fingerprint;
    this.areaViews = areaViews;
  }

  /** The key fingerprint of the last published run, or null for a new warehouse. */
  public String committedFingerprint() {
    return committedFingerprint;
  }

  /**
   * Undoes everything this run wrote: restores each table to the last recorded state when every
   * commit after it is this run's, and records the run as failed.
   *
   * @throws org.ruralstats.errors.RunFailure naming a table another writer changed (left as is)
   */
  public void rollback(String reason) {
    if (!begun) {
      // the last recorded state could not be read: nothing was written, nothing to compare with
      warehouse.spark().conf().unset(USER_METADATA);
      return;
    }
    Map<String, Long> state = new LinkedHashMap<>(baseline);
    List<String> foreign = new ArrayList<>();
    int restored = 0;
    for (String t : tables) {
      List<String> writers = warehouse.writersAfter(t, baseline.getOrDefault(t, -1L));
      if (writers.isEmpty()) {
        continue;
      }
      if (!writers.equals(List.of(runId))) {
        foreign.add(t + " (" + String.join(", ", writers) + ")");
        continue;
      }
      restored += restore(t, state);
    }
    LOG.warn("run {} failed: restored {} table(s) to the last recorded state", runId, restored);
    record(runId, startedAt, state, committedFingerprint, "failed", reason, 0);
    warehouse.spark().conf().unset(USER_METADATA);
    if (!foreign.isEmpty()) {
      throw RuralStatsErrors.foreignCommits(String.join("; ", foreign));
    }
  }

  private int restore(String t, Map<String, Long> state) {
    Long good = baseline.get(t);
    if (good == null) {
      warehouse.drop(t);
      state.remove(t);
    } else {
      warehouse.restore(t, good);
      state.put(t, warehouse.version(t));
    }
    return 1;
  }

  /**
   * Records the run as published (from now on its writes are what readers see), with a note for the
   * run history (e.g. the landing folder's entries that were not read), or none when {@code detail}
   * is null.
   */
  public void commit(
      String keyFingerprint,
      int filesProcessed,
      int filesRejected,
      long rowsRead,
      long rowsRejected,
      String detail) {
    commitAs(
        RunHistory.PUBLISHED,
        keyFingerprint,
        filesProcessed,
        filesRejected,
        rowsRead,
        rowsRejected,
        detail);
  }

  /**
   * Records a maintenance run (same content, compacted files) as the state readers see, with the
   * last published run's key fingerprint.
   *
   * @param keptFrom the oldest run whose data the maintenance keeps (recorded in the row's note,
   *     {@link RunHistory#KEPT_FROM}, so readers refuse older runs)
   */
  public void commitMaintenance(String keptFrom) {
    commitAs(
        RunHistory.MAINTAINED,
        committedFingerprint == null ? "" : committedFingerprint,
        0,
        0,
        0,
        0,
        RunHistory.KEPT_FROM + keptFrom);
  }

  /**
   * Records a run that changed the content without a landing folder (an erasure, a key rotation) as
   * the state readers see.
   *
   * @param keyFingerprint the key in force from now on
   * @param outcome {@link RunHistory#ERASED} or {@link RunHistory#REKEYED}
   * @param rows rows removed or rewritten
   */
  public void commitChange(String keyFingerprint, String outcome, long rows) {
    commitAs(outcome, keyFingerprint, 0, 0, rows, 0, null);
  }

  /** The outcome comes first, so that no public {@code commit} can be mistaken for it. */
  private void commitAs(
      String outcome,
      String keyFingerprint,
      int filesProcessed,
      int filesRejected,
      long rowsRead,
      long rowsRejected,
      String detail) {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String t : tables) {
      long v = warehouse.version(t);
      if (v >= 0) {
        versions.put(t, v);
      }
    }
    CommitPoints.reached("before " + Warehouse.RUNS);
    appendRow(
        RowFactory.create(
            runId,
            Timestamp.from(startedAt),
            Timestamp.from(Instant.now()),
            keyFingerprint,
            CollectionConverters.asScala(versions),
            filesProcessed,
            filesRejected,
            rowsRead,
            rowsRejected,
            outcome,
            detail,
            indicatorInputs,
            areaViews));
    CommitPoints.reached("published");
    baseline = versions;
    warehouse.spark().conf().unset(USER_METADATA);
  }

  private void record(
      String id,
      Instant started,
      Map<String, Long> versions,
      String fingerprint,
      String outcome,
      String detail,
      long rows) {
    appendRow(
        RowFactory.create(
            id,
            Timestamp.from(started),
            Timestamp.from(Instant.now()),
            fingerprint == null ? "" : fingerprint,
            CollectionConverters.asScala(versions),
            0,
            0,
            rows,
            0L,
            outcome,
            detail,
            null,
            null));
  }

  private void appendRow(Row row) {
    warehouse.appendMergingSchema(
        Warehouse.RUNS, warehouse.spark().createDataFrame(List.of(row), RUNS_SCHEMA));
  }
}
