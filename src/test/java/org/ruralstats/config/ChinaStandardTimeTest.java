package org.ruralstats.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.support.TestSpark;

/**
 * A JVM whose default zone is China Standard Time, as on a county's machine: a Delta commit runs no
 * more Spark jobs than in UTC under the job's settings ({@link
 * SparkSessions#NON_UTC_COMMIT_CHECK_KEY}), and with Delta's own default it would.
 */
class ChinaStandardTimeTest {
  @TempDir Path dir;
  private final SparkSession spark = TestSpark.session();

  @Test
  void aCommitRunsNoMoreSparkJobsThanInUtc() throws Exception {
    String table = dir.resolve("t").toString();
    spark.range(3).write().format("delta").save(table);
    int utc = jobsOfAnAppend(table);
    TimeZone zone = TimeZone.getDefault();
    String property = System.getProperty("user.timezone");
    String setting = spark.conf().get(SparkSessions.NON_UTC_COMMIT_CHECK_KEY);
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
      System.setProperty("user.timezone", "Asia/Shanghai");
      assertEquals("false", setting, "the job's default, in the test session too");
      assertEquals(utc, jobsOfAnAppend(table), "Spark jobs of a commit in China Standard Time");
      spark.conf().set(SparkSessions.NON_UTC_COMMIT_CHECK_KEY, "true"); // Delta's default
      int checked = jobsOfAnAppend(table);
      assertTrue(checked > utc, "Delta's check: " + checked + " jobs against " + utc);
    } finally {
      spark.conf().set(SparkSessions.NON_UTC_COMMIT_CHECK_KEY, setting);
      TimeZone.setDefault(zone);
      if (property == null) {
        System.clearProperty("user.timezone");
      } else {
        System.setProperty("user.timezone", property);
      }
    }
  }

  /** The Spark jobs an append of a few rows to {@code table} runs. */
  private int jobsOfAnAppend(String table) throws Exception {
    AtomicInteger jobs = new AtomicInteger();
    SparkListener counter =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart start) {
            jobs.incrementAndGet();
          }
        };
    spark.sparkContext().listenerBus().waitUntilEmpty();
    spark.sparkContext().addSparkListener(counter);
    try {
      spark.range(2).write().format("delta").mode("append").save(table);
      spark.sparkContext().listenerBus().waitUntilEmpty();
      return jobs.get();
    } finally {
      spark.sparkContext().removeSparkListener(counter);
    }
  }
}
