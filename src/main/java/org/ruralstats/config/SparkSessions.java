package org.ruralstats.config;

import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession the pipeline runs in: Delta Lake enabled, settings sized for a county on
 * a small machine unless the launcher (spark-submit, cluster) already set them.
 */
public final class SparkSessions {

  private SparkSessions() {}

  /**
   * Returns a session with Delta configured. When no master is given by the environment (no {@code
   * spark.master} system property), runs {@code local[*]}.
   *
   * @param appName the application name shown in Spark's logs
   * @param shufflePartitions default number of shuffle partitions for county-sized data
   */
  public static SparkSession create(String appName, int shufflePartitions) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(appName)
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.databricks.delta.snapshotPartitions", "2")
            .config("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions))
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.ansi.enabled", "true")
            .config("spark.databricks.delta.schema.autoMerge.enabled", "false");
    if (System.getProperty("spark.master") == null) {
      builder
          .master("local[*]")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", "false");
    }
    return builder.getOrCreate();
  }
}
