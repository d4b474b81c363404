package org.ruralstats.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ruralstats.warehouse.CommittedTables;
import org.ruralstats.warehouse.Warehouse;

/**
 * The one place where reports and exports read the published tables of a warehouse: the indicator
 * table, the division dictionary (for area names), and the quality tables of the data-quality
 * panel. Every table is read at the version a published run recorded ({@link CommittedTables}),
 * never at its latest version, which a run in progress may be writing.
 */
public final class PublishedTables {
  private final Warehouse warehouse;
  private final CommittedTables committed;

  private PublishedTables(Warehouse warehouse, CommittedTables committed) {
    this.warehouse = warehouse;
    this.committed = committed;
  }

  /**
   * The tables as the last published run of {@code warehouse} left them.
   *
   * @throws org.ruralstats.errors.RunFailure when no run was published yet
   */
  public static PublishedTables latest(Warehouse warehouse) {
    return new PublishedTables(warehouse, CommittedTables.latest(warehouse));
  }

  /**
   * The tables as the published run {@code runId} left them; the last published run when null.
   *
   * @throws org.ruralstats.errors.RunFailure when there is no such published run
   */
  public static PublishedTables asOf(Warehouse warehouse, String runId) {
    return runId == null
        ? latest(warehouse)
        : new PublishedTables(warehouse, CommittedTables.asOf(warehouse, runId));
  }

  /**
   * The clock of the reports' readers: China Standard Time. Counties, cities and provinces all keep
   * it, whatever zone the machine that ran the job keeps (docs/decisions.md, "Times in reports").
   */
  public static final ZoneId READERS_ZONE = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter READERS_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '北京时间'").withZone(READERS_ZONE);

  /** When the published run ended, e.g. "2026-12-01 09:02:03 北京时间"; null when not recorded. */
  public String runFinished() {
    return readersTime(committed.run().finishedAt());
  }

  /** {@code at} on the readers' clock, e.g. "2026-12-01 09:02:03 北京时间"; null for null. */
  public static String readersTime(Instant at) {
    return at == null ? null : READERS_TIME.format(at);
  }

  /** The published run whose tables these are. */
  public String runId() {
    return committed.runId();
  }

  /** The version of each table the published run recorded. */
  public java.util.Map<String, Long> versions() {
    return committed.versions();
  }

  /** The warehouse read. */
  public Warehouse warehouse() {
    return warehouse;
  }

  /** The session tables are read with. */
  public SparkSession spark() {
    return warehouse.spark();
  }

  /**
   * Checks the indicator table exists.
   *
   * @throws IllegalStateException saying what to run when it does not
   */
  public void requireIndicators() {
    require(Warehouse.INDICATORS, "indicator");
  }

  /**
   * Checks a table exists.
   *
   * @throws IllegalStateException saying what to run when it does not
   */
  public void require(String table, String what) {
    if (!committed.has(table)) {
      throw new IllegalStateException(
          "the warehouse "
              + warehouse.root()
              + " has no "
              + what
              + " table in run "
              + committed.runId()
              + " ("
              + warehouse.path(table)
              + "); run jobs/nightly.sh --warehouse "
              + warehouse.root()
              + " first");
    }
  }

  /** The published indicator table ({@code org.ruralstats.indicators.IndicatorTable#SCHEMA}). */
  public Dataset<Row> indicators() {
    return committed.read(Warehouse.INDICATORS);
  }

  /** The Delta version of the indicator table that {@link #indicators()} reads. */
  public long indicatorsVersion() {
    return committed.versions().get(Warehouse.INDICATORS);
  }

  /** The clean division dictionary (code, name, level, parent_code, …), possibly empty. */
  public Dataset<Row> divisions() {
    String table = Warehouse.clean("divisions");
    return committed.has(table)
        ? committed.read(table).select("code", "name", "level", "parent_code")
        : spark().sql("SELECT '' AS code, '' AS name, '' AS level, '' AS parent_code WHERE false");
  }

  /** The rejects table, or null when absent. */
  public Dataset<Row> rejects() {
    return optional(Warehouse.REJECTS);
  }

  /** The file ledger, or null when absent. */
  public Dataset<Row> fileLedger() {
    return optional(Warehouse.FILE_LEDGER);
  }

  /** The orphans table, or null when absent. */
  public Dataset<Row> orphans() {
    return optional(Warehouse.ORPHANS);
  }

  private Dataset<Row> optional(String table) {
    return committed.has(table) ? committed.read(table) : null;
  }
}
