package org.ruralstats.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.support.SmallLandingBuild;
import org.ruralstats.support.TestSpark;
import org.ruralstats.warehouse.RunHistory;
import org.ruralstats.warehouse.Warehouse;

/**
 * Maintenance on a copy of the small landing folder's build, its runs 40 days old: every commit it
 * makes (compaction, the retentions raised to keep the runs' files and log) is inside its run
 * transaction, and its VACUUM makes none (it removes what is older than the kept window), so the
 * {@code maintained} row records the versions the tables end at and the next run has nothing to
 * restore (a commit after that row would look like an unfinished run's). While it prints nothing,
 * progress lines say it is working.
 */
class MaintainJobTest {
  @TempDir Path tmp;

  @Test
  void everyCommitIsRecordedAndTheLogRetentionCoversTheOldestKeptRun() {
    Path root = tmp.resolve("warehouse");
    SmallLandingBuild.copyWarehouseTo(root);
    Warehouse wh = new Warehouse(TestSpark.session(), root.toString());
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    Instant later = Instant.now().plus(Duration.ofDays(40));
    // files no version lists, 30 and 50 days old: the VACUUM's retention, the kept window (40
    // days), keeps the first and removes the second (Delta's own 7 days would remove both, the
    // tables' retention set by the maintenance, 70 days, neither)
    Path table = Path.of(wh.path(Warehouse.INDICATORS));
    Path young = stray(table.resolve("stray-30-days.parquet"), Duration.ofDays(30));
    Path old = stray(table.resolve("stray-50-days.parquet"), Duration.ofDays(50));

    wh.spark().conf().set(Heartbeat.CONF_SECONDS, "1"); // the maintenance is watched as well
    // the VACUUM's settings hold for the VACUUM only: the session's own come back, set or not
    wh.spark().conf().set(MaintainJob.VACUUM_LOGGING, "true");
    Map<String, String> settings = MaintainJob.vacuumSettingsOf(wh.spark());
    assertTrue(settings.containsValue(null), "a setting the session does not hold: " + settings);
    Map<String, String> after;
    try {
      assertEquals(
          0,
          MaintainJob.maintain(wh, 30, 168, out, later),
          console.toString(StandardCharsets.UTF_8));
      after = MaintainJob.vacuumSettingsOf(wh.spark());
    } finally {
      wh.spark().conf().unset(Heartbeat.CONF_SECONDS);
      wh.spark().conf().unset(MaintainJob.VACUUM_LOGGING);
    }
    assertEquals(settings, after, "the session's settings after the maintenance");
    List<String> lines = console.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.matches("  … [0-9]+:[0-9]{2} since the start: [0-9,]+ Spark tasks.*")),
        "a progress line while the maintenance prints nothing: " + lines);
    assertTrue(lines.get(lines.size() - 1).startsWith("maintained "), lines.toString());

    assertTrue(Files.exists(young), "a file younger than the kept window was removed");
    assertFalse(Files.exists(old), "a file older than the kept window was left");

    RunHistory.Run maintained = assertAtMaintainedVersions(wh);
    String onlyRun = new RunHistory(wh).recorded().get(0).runId();
    assertEquals(Optional.of(onlyRun), maintained.keptFrom(), maintained.detail());
    for (Map.Entry<String, Long> t : maintained.tableVersions().entrySet()) {
      Row properties =
          DeltaTable.forPath(wh.spark(), wh.path(t.getKey()))
              .detail()
              .selectExpr(
                  "properties['delta.logRetentionDuration']",
                  "properties['delta.deletedFileRetentionDuration']")
              .first();
      for (int i = 0; i < 2; i++) {
        String retention = properties.getString(i);
        assertTrue(
            retention != null
                && Long.parseLong(retention.replaceAll("[^0-9]", "")) >= 70 * 24
                && retention.endsWith("hours"),
            t.getKey() + ": retention " + properties);
      }
    }
  }

  /** Writes an empty file {@code age} old. */
  private static Path stray(Path file, Duration age) {
    try {
      Files.write(file, new byte[0]);
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that the last recorded run is a maintenance and every table is at the version it
   * recorded (nothing for the next run to restore); returns that run.
   */
  static RunHistory.Run assertAtMaintainedVersions(Warehouse wh) {
    RunHistory.Run maintained = new RunHistory(wh).lastState().orElseThrow();
    assertEquals(RunHistory.MAINTAINED, maintained.outcome());
    for (Map.Entry<String, Long> t : maintained.tableVersions().entrySet()) {
      assertEquals(t.getValue(), wh.version(t.getKey()), t.getKey() + ": ahead of its record");
    }
    return maintained;
  }
}
