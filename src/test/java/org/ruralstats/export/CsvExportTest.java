package org.ruralstats.export;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.config.SparkSessions;
import org.ruralstats.support.TestSpark;

class CsvExportTest {
  @TempDir Path dir;

  /**
   * The job caps the rows of every table file (spark.sql.files.maxRecordsPerFile); an export is one
   * file whatever that cap, with every row in order, and nothing is left beside it.
   */
  @Test
  void oneFileWithEveryRowWhateverTheRowsPerFileSetting() throws IOException {
    SparkSession spark = TestSpark.session();
    String cap = spark.conf().get(SparkSessions.MAX_RECORDS_PER_FILE_KEY);
    spark.conf().set(SparkSessions.MAX_RECORDS_PER_FILE_KEY, "2");
    try {
      Path out = dir.resolve("out/numbers.csv");
      CsvExport.write(
          spark.range(5).select(col("id").cast("string").as("n")).orderBy(col("n").desc()),
          new Column[] {col("n")},
          new Column[] {col("n")},
          out.toString());
      assertEquals(
          List.of("n", "0", "1", "2", "3", "4"), Files.readAllLines(out, StandardCharsets.UTF_8));
      try (Stream<Path> s = Files.list(out.getParent())) {
        assertEquals(
            List.of(out),
            s.filter(p -> !p.getFileName().toString().startsWith(".numbers.csv.crc")).toList());
      }
    } finally {
      spark.conf().set(SparkSessions.MAX_RECORDS_PER_FILE_KEY, cap);
    }
  }

  /**
   * A second export replaces the first; an export whose query fails midway leaves the last one as
   * it was and nothing beside it (no temporary folder).
   */
  @Test
  void aFailedExportLeavesTheLastOneAndNoTemporaryFolder() throws IOException {
    SparkSession spark = TestSpark.session();
    Path out = dir.resolve("again/numbers.csv");
    Column[] n = {col("n")};
    CsvExport.write(spark.range(2).select(col("id").cast("string").as("n")), n, n, out.toString());
    CsvExport.write(spark.range(3).select(col("id").cast("string").as("n")), n, n, out.toString());
    assertEquals(List.of("n", "0", "1", "2"), Files.readAllLines(out, StandardCharsets.UTF_8));

    Dataset<Row> failing =
        spark
            .range(3)
            .select(
                when(col("id").equalTo(2), raise_error(lit("disk gone")))
                    .otherwise(col("id").cast("string"))
                    .as("n"));
    assertThrows(RuntimeException.class, () -> CsvExport.write(failing, n, n, out.toString()));
    assertEquals(List.of("n", "0", "1", "2"), Files.readAllLines(out, StandardCharsets.UTF_8));
    try (Stream<Path> s = Files.list(out.getParent())) {
      assertEquals(
          List.of(out),
          s.filter(p -> !p.getFileName().toString().startsWith(".numbers.csv.crc")).toList());
    }
  }
}
