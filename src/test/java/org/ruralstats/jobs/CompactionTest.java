package org.ruralstats.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.config.SparkSessions;
import org.ruralstats.support.TestSpark;

/**
 * The compaction floor on a real Delta table written with a row cap of 1,000: four writing tasks of
 * 2,200 rows each leave eight full files and four of 200 rows. Compaction merges the four small
 * files and leaves the full ones; a second compaction finds nothing to do. With Delta's own floor
 * (every file under 1 GB) both would rewrite every file.
 */
class CompactionTest {
  @TempDir Path tmp;

  @Test
  void onlyFilesUnderHalfTheCapAreCompactedAndASecondPassRewritesNothing() {
    SparkSession spark = TestSpark.session();
    String cap = spark.conf().get(SparkSessions.MAX_RECORDS_PER_FILE_KEY);
    String path = tmp.resolve("table").toString();
    try {
      spark.conf().set(SparkSessions.MAX_RECORDS_PER_FILE_KEY, "1000");
      spark
          .range(0, 8_800)
          .selectExpr("id", "concat('村', cast(id * 7919 % 100003 as string)) as village")
          .repartition(4)
          .write()
          .format("delta")
          .save(path);
      List<String> before = files(spark, path);
      assertEquals(12, before.size(), "files written: " + before);

      Compaction.Result first = Compaction.compact(spark, path);
      assertEquals(new Compaction.Result(4, 1), first, "the four files of 200 rows into one");
      List<String> after = files(spark, path);
      assertEquals(9, after.size());
      assertEquals(
          8, after.stream().filter(before::contains).count(), "the full files are untouched");

      assertEquals(new Compaction.Result(0, 0), Compaction.compact(spark, path));
      assertEquals(after, files(spark, path));
      assertEquals(8_800L, spark.read().format("delta").load(path).distinct().count());
      assertEquals(
          String.valueOf(1L << 30),
          spark.conf().get(Compaction.MIN_FILE_SIZE_KEY),
          "the session is back at Delta's own floor");
    } finally {
      spark.conf().set(SparkSessions.MAX_RECORDS_PER_FILE_KEY, cap);
    }
  }

  @Test
  void theFloorIsHalfAFullFileAtTheTablesBytesPerRow() {
    assertEquals(OptionalLong.of(500_000), Compaction.floor(40_000_000, 1_000_000, 25_000));
    assertEquals(OptionalLong.empty(), Compaction.floor(40_000_000, 1_000_000, 0));
    assertEquals(OptionalLong.empty(), Compaction.floor(0, 0, 25_000));
    assertEquals(OptionalLong.of(1), Compaction.floor(1, 1_000_000, 1));
  }

  private static List<String> files(SparkSession spark, String path) {
    return List.of(spark.read().format("delta").load(path).inputFiles()).stream().sorted().toList();
  }
}
