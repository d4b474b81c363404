package org.ruralstats.warehouse;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Makes a run all-or-nothing across the warehouse's tables. Delta commits are atomic per table; a
 * run writes several tables, so the run's commit point is one row appended to {@link
 * Warehouse#RUNS} recording the version of every table. A run that fails restores every table to
 * the versions of the last successful run; a run that finds tables ahead of that record (the
 * previous run was killed) restores them before it starts.
 */
public final class RunTransaction {
  private static final Logger LOG = LoggerFactory.getLogger(RunTransaction.class);

  /** Schema of the runs table. */
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
          .add("rows_rejected", DataTypes.LongType, false);

  private final Warehouse warehouse;
  private final List<String> tables;
  private final String runId;
  private final Instant startedAt;
  private Map<String, Long> committed = Map.of();
  private String committedFingerprint;

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
   * Reads the last successful run and brings every table back to it if an interrupted run left it
   * ahead.
   */
  public void begin() {
    if (warehouse.exists(Warehouse.RUNS)) {
      Row last =
          warehouse
              .read(Warehouse.RUNS)
              .orderBy(functions.col("finished_at").desc(), functions.col("run_id").desc())
              .limit(1)
              .first();
      committed = new LinkedHashMap<>(last.getJavaMap(last.fieldIndex("table_versions")));
      committedFingerprint = last.getString(last.fieldIndex("key_fingerprint"));
    }
    int restored = rollbackTo(committed);
    if (restored > 0) {
      LOG.warn(
          "{} table(s) held changes of a run that did not finish; restored them to the last"
              + " successful run",
          restored);
    }
  }

  /** The key fingerprint of the last successful run, or null for a new warehouse. */
  public String committedFingerprint() {
    return committedFingerprint;
  }

  /** Undoes everything this run wrote. */
  public void rollback() {
    int restored = rollbackTo(committed);
    LOG.warn("run {} failed: restored {} table(s) to the last successful run", runId, restored);
  }

  private int rollbackTo(Map<String, Long> versions) {
    int n = 0;
    for (String t : tables) {
      long current = warehouse.version(t);
      Long good = versions.get(t);
      if (good == null && current >= 0) {
        warehouse.drop(t);
        n++;
      } else if (good != null && current > good) {
        warehouse.restore(t, good);
        n++;
      }
    }
    return n;
  }

  /** Records the run as successful: from now on its writes are the published state. */
  public void commit(
      String keyFingerprint,
      int filesProcessed,
      int filesRejected,
      long rowsRead,
      long rowsRejected) {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String t : tables) {
      long v = warehouse.version(t);
      if (v >= 0) {
        versions.put(t, v);
      }
    }
    Row row =
        RowFactory.create(
            runId,
            Timestamp.from(startedAt),
            Timestamp.from(Instant.now()),
            keyFingerprint,
            CollectionConverters.asScala(versions),
            filesProcessed,
            filesRejected,
            rowsRead,
            rowsRejected);
    warehouse.append(Warehouse.RUNS, warehouse.spark().createDataFrame(List.of(row), RUNS_SCHEMA));
    committed = versions;
  }
}
