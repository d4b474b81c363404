package org.ruralstats.support;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession shared by every test class of the test JVM ({@code local[2]}, two shuffle
 * partitions, UI off, Delta enabled), plus small helpers in the style of Iceberg's Spark tests.
 */
public final class TestSpark {

  private static SparkSession session;

  private TestSpark() {}

  /** Returns the shared session, creating it on first use. */
  public static synchronized SparkSession session() {
    if (session == null) {
      session =
          SparkSession.builder()
              .appName("rural-stats-tests")
              .master("local[2]")
              .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
              .config(
                  "spark.sql.catalog.spark_catalog",
                  "org.apache.spark.sql.delta.catalog.DeltaCatalog")
              .config("spark.databricks.delta.snapshotPartitions", "2")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "2")
              .config("spark.default.parallelism", "2")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.ansi.enabled", "true")
              .config("spark.ui.enabled", "false")
              // the job's own defaults (SparkSessions) that shape how long a run takes
              .config("spark.sql.adaptive.enabled", "false")
              .config("spark.sql.ui.explainMode", "simple")
              // the suite runs the same queries again and again (every nightly run): their
              // compiled code is kept rather than compiled again (Spark keeps 100 by default)
              .config("spark.sql.codegen.cache.maxEntries", "5000")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }

  /** Runs a query and returns its rows (test-sized results only). */
  public static List<Row> sql(String query, Object... args) {
    return session().sql(String.format(query, args)).collectAsList();
  }

  /** Builds a row for comparisons. */
  public static Row row(Object... values) {
    return RowFactory.create(values);
  }

  /** Renders rows as strings, handy in assertion messages. */
  public static String show(List<Row> rows) {
    return rows.stream().map(Row::toString).collect(Collectors.joining("\n"));
  }

  /** Renders a single row as a list of its values. */
  public static List<Object> values(Row row) {
    Object[] out = new Object[row.length()];
    for (int i = 0; i < row.length(); i++) {
      out[i] = row.get(i);
    }
    return Arrays.asList(out);
  }
}
