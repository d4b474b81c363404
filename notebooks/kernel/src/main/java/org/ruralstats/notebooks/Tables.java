package org.ruralstats.notebooks;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ruralstats.config.SparkSessions;
import org.ruralstats.warehouse.CommittedTables;
import org.ruralstats.warehouse.Warehouse;

/**
 * The one place the notebooks read the warehouse's tables, through the project's {@link Warehouse}.
 * {@link #read} gives each table at the version the last published run recorded ({@link
 * CommittedTables}), never its latest version, which a run in progress may be writing; the run
 * history ({@link Warehouse#RUNS}) is read as it stands.
 */
public final class Tables {
  /** The environment variable {@code notebooks/run.sh} sets to the warehouse to read. */
  public static final String WAREHOUSE_ENV = "RURAL_STATS_WAREHOUSE";

  /** Where the notebooks look when the variable is not set: the project's own warehouse. */
  public static final String DEFAULT_WAREHOUSE = "../warehouse";

  /** Every table of a warehouse built by {@code jobs/nightly.sh}, by zone. */
  public static final List<String> KNOWN =
      List.of(
          Warehouse.RAW_ROWS,
          Warehouse.clean("divisions"),
          Warehouse.clean("roster"),
          Warehouse.clean("insurance"),
          Warehouse.clean("housing"),
          Warehouse.clean("water_projects"),
          Warehouse.clean("water_project_villages"),
          Warehouse.clean("water_survey"),
          Warehouse.clean("education_students"),
          Warehouse.clean("education_aid"),
          Warehouse.REJECTS,
          Warehouse.FILE_LEDGER,
          Warehouse.ORPHANS,
          Warehouse.INDICATORS,
          Warehouse.RUNS);

  private final Warehouse warehouse;

  private Tables(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /**
   * The warehouse named by {@value #WAREHOUSE_ENV}, else {@value #DEFAULT_WAREHOUSE} (relative to
   * the notebook's folder), read with a local Spark session with Delta.
   */
  public static Tables open() {
    String root = System.getenv(WAREHOUSE_ENV);
    return open(root == null || root.isBlank() ? DEFAULT_WAREHOUSE : root);
  }

  /** The warehouse at {@code root} (a Hadoop path). */
  public static Tables open(String root) {
    SparkSession spark = SparkSessions.create("notebook", 4);
    spark.sparkContext().setLogLevel("ERROR");
    return open(new Warehouse(spark, root));
  }

  /** Tables of an existing warehouse object. */
  public static Tables open(Warehouse warehouse) {
    if (!warehouse.exists(Warehouse.RUNS)) {
      throw new IllegalArgumentException(
          "No warehouse at "
              + warehouse.root()
              + " (no successful run recorded in "
              + Warehouse.RUNS
              + "). Build one with jobs/nightly.sh, or set "
              + WAREHOUSE_ENV
              + " to a warehouse folder before starting Jupyter.");
    }
    return new Tables(warehouse);
  }

  /** The project's warehouse object behind these tables. */
  public Warehouse warehouse() {
    return warehouse;
  }

  /** The Spark session. */
  public SparkSession spark() {
    return warehouse.spark();
  }

  /**
   * A table as the last published run left it (the run history: as it stands).
   *
   * @throws IllegalArgumentException when the last published run recorded no such table
   */
  public Dataset<Row> read(String table) {
    requireExists(table);
    if (table.equals(Warehouse.RUNS)) {
      return warehouse.read(table);
    }
    CommittedTables published = CommittedTables.latest(warehouse);
    if (!published.has(table)) {
      throw new IllegalArgumentException(
          "the last published run "
              + published.runId()
              + " of "
              + warehouse.root()
              + " recorded no table "
              + table);
    }
    return published.read(table);
  }

  /** The id of the published run whose tables {@link #read} gives. */
  public String publishedRun() {
    return CommittedTables.latest(warehouse).runId();
  }

  /** A table as it was at Delta version {@code version} (time travel). */
  public Dataset<Row> readVersion(String table, long version) {
    requireExists(table);
    return spark()
        .read()
        .format("delta")
        .option("versionAsOf", version)
        .load(warehouse.path(table));
  }

  /** The commits of a table, newest first (Delta history: version, timestamp, operation). */
  public Dataset<Row> history(String table) {
    requireExists(table);
    return io.delta.tables.DeltaTable.forPath(spark(), warehouse.path(table))
        .history()
        .select("version", "timestamp", "operation");
  }

  /** The tables of {@link #KNOWN} present in this warehouse. */
  public List<String> present() {
    List<String> out = new ArrayList<>();
    for (String t : KNOWN) {
      if (warehouse.exists(t)) {
        out.add(t);
      }
    }
    return out;
  }

  private void requireExists(String table) {
    if (!warehouse.exists(table)) {
      throw new IllegalArgumentException(
          "No table "
              + table
              + " in the warehouse "
              + warehouse.root()
              + "; the tables present are "
              + present()
              + ".");
    }
  }
}
