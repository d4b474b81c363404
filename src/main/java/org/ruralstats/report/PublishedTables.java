package org.ruralstats.report;

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

  /** When the published run ended, e.g. "2026-12-01 01:02:03 UTC"; null when not recorded. */
  public String runFinished() {
    java.time.Instant at = committed.run().finishedAt();
    return at == null
        ? null
        : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(java.time.ZoneOffset.UTC)
            .format(at);
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
