package org.ruralstats.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class TestSparkTest {
  @Test
  void theSharedSessionAndChildJobsEvaluateAsTheListedSettingsSay() {
    // the settings file (also read by .ci/run) lists the two keys; the session applies them
    assertEquals("false", TestSpark.INTERPRETED.get("spark.sql.codegen.wholeStage"));
    assertEquals("NO_CODEGEN", TestSpark.INTERPRETED.get("spark.sql.codegen.factoryMode"));
    SparkSession spark = TestSpark.session();
    assertApplied(spark, TestSpark.INTERPRETED);
    assertApplied(spark, TestSpark.SMALL_BUFFERS);
    // the page size Spark's memory manager actually uses (read when the context starts)
    if (System.getProperty("spark.buffer.pageSize") == null) {
      assertEquals(1 << 20, spark.sparkContext().env().memoryManager().pageSizeBytes());
    }
    List<String> child = TestSpark.childJvmProperties();
    assertTrue(child.contains("-Dspark.sql.codegen.wholeStage=false"), child.toString());
    assertTrue(child.contains("-Dspark.sql.codegen.factoryMode=NO_CODEGEN"), child.toString());
  }

  /**
   * Each setting as the session has it, unless a -D property of the test JVM gave it (which wins).
   */
  private static void assertApplied(SparkSession spark, Map<String, String> settings) {
    settings.forEach(
        (k, v) -> {
          if (System.getProperty(k) == null) {
            assertEquals(v, spark.conf().get(k), k);
          }
        });
  }
}
