package org.ruralstats.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ruralstats.localfs.ProcessFreeLocalFileSystem;
import org.ruralstats.localfs.ProcessFreeLocalFs;

class SparkSessionsTest {

  @Test
  void aSettingGivenWithConfWinsOverTheJobsDefault() {
    // spark-submit --master ... --conf K=V hands its settings to the driver as spark.* system
    // properties, which `new SparkConf()` reads: exactly the SparkConf SparkSessions.create uses.
    String[] keys = {
      "spark.master", "spark.sql.shuffle.partitions", "spark.databricks.delta.snapshotPartitions"
    };
    try {
      System.setProperty("spark.master", "spark://10.0.0.5:7077");
      System.setProperty("spark.sql.shuffle.partitions", "64");
      System.setProperty("spark.databricks.delta.snapshotPartitions", "16");
      SparkConf conf = SparkSessions.settings(new SparkConf(), "rural-stats nightly", 4);
      assertEquals("64", conf.get("spark.sql.shuffle.partitions"));
      assertEquals("16", conf.get("spark.databricks.delta.snapshotPartitions"));
      assertEquals("spark://10.0.0.5:7077", conf.get("spark.master"));
      assertFalse(conf.contains("spark.driver.host"), "no loopback driver on a cluster");
      assertFalse(conf.contains(SparkSessions.LOCAL_FS_KEY), "Hadoop's own file: on a cluster");
      assertFalse(conf.contains(SparkSessions.LOCAL_FC_KEY));
      assertFalse(SparkSessions.isLocal(conf));
      assertEquals(SparkSessions.DELTA_EXTENSION, conf.get("spark.sql.extensions"));
    } finally {
      for (String k : keys) {
        System.clearProperty(k);
      }
    }
  }

  @Test
  void withoutALauncherTheJobsDefaultsApplyInLocalMode() {
    SparkConf conf = SparkSessions.settings(new SparkConf(false), "rural-stats nightly", 4);
    assertEquals("local[*]", conf.get("spark.master"));
    assertEquals("4", conf.get("spark.sql.shuffle.partitions"));
    assertEquals("4", conf.get("spark.sql.sources.parallelPartitionDiscovery.parallelism"));
    assertEquals("2", conf.get("spark.databricks.delta.snapshotPartitions"));
    assertEquals("127.0.0.1", conf.get("spark.driver.host"));
    assertEquals("rural-stats nightly", conf.get("spark.app.name"));
    assertEquals("false", conf.get("spark.sql.adaptive.enabled"));
    assertEquals("simple", conf.get("spark.sql.ui.explainMode"));
    assertEquals("25000", conf.get(SparkSessions.MAX_RECORDS_PER_FILE_KEY));
    assertEquals("16", conf.get(SparkSessions.FILE_COMPRESSION_FACTOR_KEY));
    assertEquals("1", conf.get(SparkSessions.OBJECT_STREAM_RESET_KEY));
    assertEquals("false", conf.get(SparkSessions.NON_UTC_COMMIT_CHECK_KEY));
    assertEquals(ProcessFreeLocalFileSystem.class.getName(), conf.get(SparkSessions.LOCAL_FS_KEY));
    assertEquals(ProcessFreeLocalFs.class.getName(), conf.get(SparkSessions.LOCAL_FC_KEY));
    assertTrue(SparkSessions.isLocal(conf));
  }

  /**
   * Each of these job defaults gives way to a value the launcher gives (Spark's or Hadoop's own).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    SparkSessions.LOCAL_FS_KEY + ", org.apache.hadoop.fs.LocalFileSystem",
    SparkSessions.MAX_RECORDS_PER_FILE_KEY + ", 0",
    SparkSessions.FILE_COMPRESSION_FACTOR_KEY + ", 1",
    SparkSessions.OBJECT_STREAM_RESET_KEY + ", 100",
    "spark.sql.adaptive.enabled, true"
  })
  void aDefaultGivenWithConfWins(String key, String value) {
    SparkConf given = new SparkConf(false).set(key, value);
    assertEquals(value, SparkSessions.settings(given, "x", 4).get(key));
  }

  @Test
  void deltaIsAddedToExtensionsTheLauncherGivesAndTheGivenConfIsNotChanged() {
    SparkConf given =
        new SparkConf(false)
            .set("spark.master", "local[2]")
            .set("spark.sql.extensions", "com.example.Ext")
            .set("spark.ui.enabled", "true");
    SparkConf conf = SparkSessions.settings(given, "x", 4);
    assertEquals(
        "com.example.Ext," + SparkSessions.DELTA_EXTENSION, conf.get("spark.sql.extensions"));
    assertEquals("true", conf.get("spark.ui.enabled"));
    assertEquals("com.example.Ext", given.get("spark.sql.extensions"));
    assertFalse(given.contains("spark.sql.shuffle.partitions"));
  }

  @Test
  void localClusterAndStandaloneAreNotLocal() {
    assertTrue(SparkSessions.isLocal(new SparkConf(false).setMaster("local")));
    assertTrue(SparkSessions.isLocal(new SparkConf(false).setMaster("local[2,3]")));
    assertFalse(SparkSessions.isLocal(new SparkConf(false).setMaster("local-cluster[2,1,1024]")));
    assertFalse(SparkSessions.isLocal(new SparkConf(false).setMaster("yarn")));
    assertFalse(SparkSessions.isLocal(new SparkConf(false).setMaster("k8s://https://k:443")));
  }
}
