package org.ruralstats.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.errors.RunFailure;
import org.ruralstats.support.TestSpark;

/**
 * Table versions whose commits are older than the tables' deleted-file retention (Delta's default 7
 * days, the job's 60): a failed run still rolls a table back to one, and a kept run is still read
 * at one (Delta's own rule refused both: a table unchanged for a week could not be rolled back). A
 * run older than every run a later maintenance kept is refused, saying which runs are readable. New
 * tables get the job's retentions.
 */
class OldVersionsTest {
  private static final String FIRST = "20261101T000000.000Z";
  private static final String SECOND = "20261122T000000.000Z";

  @TempDir Path dir;

  @Test
  void aFailedRunRollsBackToAndReadersReadVersionsOfThreeMonthsAgo() throws IOException {
    SparkSession spark = TestSpark.session();
    Warehouse wh = new Warehouse(spark, dir.toString());
    List<String> tables = List.of(Warehouse.INDICATORS);
    RunTransaction first = new RunTransaction(wh, tables, FIRST);
    first.begin();
    wh.overwrite(Warehouse.INDICATORS, spark.range(3).toDF("n"));
    first.commit("", 0, 0, 3, 0, null);
    Row retention =
        DeltaTable.forPath(spark, wh.path(Warehouse.INDICATORS))
            .detail()
            .selectExpr(
                "properties['delta.deletedFileRetentionDuration']",
                "properties['delta.logRetentionDuration']")
            .first();
    // the job's default for new tables, so checkpoints keep what a first maintenance must keep
    assertEquals("interval 60 days", retention.getString(0));
    assertEquals("interval 60 days", retention.getString(1));
    age(Path.of(wh.path(Warehouse.INDICATORS)), Duration.ofDays(90));

    RunTransaction failed = new RunTransaction(wh, tables, "20261121T000000.000Z");
    failed.begin();
    wh.overwrite(Warehouse.INDICATORS, spark.range(5).toDF("n"));
    failed.rollback("a failure in the test");
    assertEquals(3, wh.read(Warehouse.INDICATORS).count(), "rolled back to the first run's rows");

    RunTransaction second = new RunTransaction(wh, tables, SECOND);
    second.begin();
    wh.overwrite(Warehouse.INDICATORS, spark.range(7).toDF("n"));
    second.commit("", 0, 0, 7, 0, null);
    assertEquals(3, CommittedTables.asOf(wh, FIRST).read(Warehouse.INDICATORS).count());

    RunTransaction maintenance = new RunTransaction(wh, tables, "20261123T000000.000Z");
    maintenance.begin();
    maintenance.commitMaintenance(SECOND);
    RunFailure f = assertThrows(RunFailure.class, () -> CommittedTables.asOf(wh, FIRST));
    assertTrue(
        f.getMessage()
            .contains(
                "is no longer readable: the maintenance 20261123T000000.000Z kept the data of the"
                    + " runs from "
                    + SECOND
                    + " on"),
        f.getMessage());
    assertEquals(7, CommittedTables.asOf(wh, SECOND).read(Warehouse.INDICATORS).count());
  }

  /** Sets every file under {@code folder} (data and commits) back by {@code by}. */
  private static void age(Path folder, Duration by) throws IOException {
    FileTime then = FileTime.from(Instant.now().minus(by));
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(p, then);
      }
    }
  }
}
