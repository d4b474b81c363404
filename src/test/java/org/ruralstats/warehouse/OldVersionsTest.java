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
import java.util.function.Predicate;
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
 * run older than every run a later maintenance kept is refused, saying which runs are readable, and
 * so is a run whose commit Delta has since cleaned from a table's log. New tables get the job's
 * retentions.
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
    run(wh, tables, FIRST, () -> wh.overwrite(Warehouse.INDICATORS, spark.range(3).toDF("n")));
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
    age(Path.of(wh.path(Warehouse.INDICATORS)), Duration.ofDays(90), p -> true);

    RunTransaction failed = new RunTransaction(wh, tables, "20261121T000000.000Z");
    failed.begin();
    wh.overwrite(Warehouse.INDICATORS, spark.range(5).toDF("n"));
    failed.rollback("a failure in the test");
    assertEquals(3, wh.read(Warehouse.INDICATORS).count(), "rolled back to the first run's rows");

    run(wh, tables, SECOND, () -> wh.overwrite(Warehouse.INDICATORS, spark.range(7).toDF("n")));
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

  @Test
  void aRunWhoseCommitDeltaCleanedFromTheLogIsRefusedSayingWhichVersionRemains()
      throws IOException {
    SparkSession spark = TestSpark.session();
    Warehouse wh = new Warehouse(spark, dir.toString());
    List<String> tables = List.of(Warehouse.INDICATORS);
    String table = wh.path(Warehouse.INDICATORS);
    run(
        wh,
        tables,
        FIRST,
        () -> {
          wh.overwrite(Warehouse.INDICATORS, spark.range(3).toDF("n"));
          // a checkpoint every second version: Delta cleans a table's log after a checkpoint
          spark.sql(
              "ALTER TABLE delta.`"
                  + table
                  + "` SET TBLPROPERTIES ('delta.checkpointInterval' = 2)");
        }); // version 1
    String middle = "20261110T000000.000Z";
    run(
        wh,
        tables,
        middle,
        () -> wh.overwrite(Warehouse.INDICATORS, spark.range(4).toDF("n"))); // 2, a checkpoint
    Path log = Path.of(table, "_delta_log");
    // the first run's commits three months old, past the 60 days of delta.logRetentionDuration
    age(
        log,
        Duration.ofDays(90),
        p -> {
          String name = p.getFileName().toString().replaceFirst("^\\.", "");
          return name.startsWith("00000000000000000000.")
              || name.startsWith("00000000000000000001.");
        });
    run(
        wh,
        tables,
        SECOND,
        () -> {
          wh.overwrite(Warehouse.INDICATORS, spark.range(5).toDF("n"));
          wh.overwrite(Warehouse.INDICATORS, spark.range(7).toDF("n")); // 4: checkpoint, cleanup
        });
    assertTrue(
        Files.notExists(log.resolve("00000000000000000001.json")),
        "Delta cleaned the first run's commits from the log");

    RunFailure f =
        assertThrows(
            RunFailure.class,
            () -> CommittedTables.asOf(wh, FIRST).read(Warehouse.INDICATORS).count());
    assertTrue(
        f.getMessage()
            .startsWith(
                "run "
                    + FIRST
                    + " of the warehouse "
                    + wh.root()
                    + " is no longer readable: the table "
                    + table
                    + " no longer keeps the run's version 1 in its history (its earliest version is"
                    + " now 2;"),
        f.getMessage());
    assertTrue(
        f.getMessage()
            .contains(
                "older than its delta.logRetentionDuration, 60 days for this job's new tables, the"
                    + " kept runs plus 30 days after jobs/maintain.sh)"),
        f.getMessage());
    assertTrue(f.getMessage().contains("; read a later run (jobs/runs.sh"), f.getMessage());
    assertEquals(4, CommittedTables.asOf(wh, middle).read(Warehouse.INDICATORS).count());
    assertEquals(7, CommittedTables.asOf(wh, SECOND).read(Warehouse.INDICATORS).count());
  }

  /** One published run that writes what {@code writes} writes. */
  private static void run(Warehouse wh, List<String> tables, String runId, Runnable writes) {
    RunTransaction t = new RunTransaction(wh, tables, runId);
    t.begin();
    writes.run();
    t.commit("", 0, 0, 0, 0, null);
  }

  /**
   * Sets the files under {@code folder} (data and commits) that {@code which} picks back by {@code
   * by}.
   */
  private static void age(Path folder, Duration by, Predicate<Path> which) throws IOException {
    FileTime then = FileTime.from(Instant.now().minus(by));
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.filter(Files::isRegularFile).filter(which).toList()) {
        Files.setLastModifiedTime(p, then);
      }
    }
  }
}
