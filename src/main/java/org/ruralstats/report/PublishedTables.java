package org.ruralstats.report;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ruralstats.warehouse.Warehouse;

/**
 * The one place where reports and exports read the published tables of a warehouse: the indicator
 * table, the division dictionary (for area names), and the quality tables of the data-quality
 * panel. Today it reads each table's current version; switching every report and export to
 * "committed versions only" means changing this class alone.
 */
public final class PublishedTables {
  private final Warehouse warehouse;

  /** The published tables of {@code warehouse}. */
  public PublishedTables(Warehouse warehouse) {
    this.warehouse = warehouse;
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
    if (!warehouse.exists(table)) {
      throw new IllegalStateException(
          "the warehouse "
              + warehouse.root()
              + " has no "
              + what
              + " table yet ("
              + warehouse.path(table)
              + "); run jobs/nightly.sh --warehouse "
              + warehouse.root()
              + " first");
    }
  }

  /** The published indicator table ({@code org.ruralstats.indicators.IndicatorTable#SCHEMA}). */
  public Dataset<Row> indicators() {
    return warehouse.read(Warehouse.INDICATORS);
  }

  /** The Delta version of the indicator table that {@link #indicators()} reads. */
  public long indicatorsVersion() {
    return warehouse.version(Warehouse.INDICATORS);
  }

  /** The clean division dictionary (code, name, level, parent_code, …), possibly empty. */
  public Dataset<Row> divisions() {
    String table = Warehouse.clean("divisions");
    return warehouse.exists(table)
        ? warehouse.read(table).select("code", "name", "level", "parent_code")
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

  /** The runs table (one row per successful run), or null when absent. */
  public Dataset<Row> runs() {
    return optional(Warehouse.RUNS);
  }

  private Dataset<Row> optional(String table) {
    return warehouse.exists(table) ? warehouse.read(table) : null;
  }
}
