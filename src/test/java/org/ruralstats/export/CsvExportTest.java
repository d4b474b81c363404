package org.ruralstats.export;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
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
      spark.conf().unset(SparkSessions.MAX_RECORDS_PER_FILE_KEY);
    }
  }
}
