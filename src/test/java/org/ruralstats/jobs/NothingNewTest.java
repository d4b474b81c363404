package org.ruralstats.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ruralstats.config.PipelineConfig;
import org.ruralstats.support.TestSpark;
import org.ruralstats.warehouse.RunHistory;
import org.ruralstats.warehouse.Warehouse;
import org.ruralstats.warehouse.WarehouseLock;

/**
 * A rerun with nothing new is decided and done before Spark starts ({@link NothingNew}), from the
 * note the last published run left: no table gets a new version, the run is recorded as a small
 * file, and any change to the landing folder, the key, the exports or the warehouse's runs makes it
 * a full run. One full nightly run builds the warehouse for the whole class; each test works on a
 * copy of its landing folder and exports.
 */
class NothingNewTest {
  private static final byte[] KEY = "nothing-new-test-key-nothing-new!!".getBytes();
  private static final SparkSession SPARK = TestSpark.session();
  private static Path root;
  private static String publishedRunId;

  private Path landing;
  private Path exports;
  private final Configuration conf = SPARK.sparkContext().hadoopConfiguration();

  @BeforeAll
  static void publishOnce() throws IOException {
    root = Files.createTempDirectory("nothing-new");
    FileUtils.copyDirectory(
        Path.of("data-samples/small-landing").toFile(), root.resolve("landing").toFile());
    PipelineConfig config =
        new PipelineConfig(
            root.resolve("landing").toString(),
            root.resolve("warehouse").toString(),
            root.resolve("exports"),
            KEY);
    assertEquals(NightlyJob.OK, NightlyJob.run(SPARK, config, quiet()));
    publishedRunId =
        RunHistory.lastPublished(
                new RunHistory(new Warehouse(SPARK, config.warehouse())).recorded())
            .orElseThrow()
            .runId();
    assertTrue(Files.exists(root.resolve("warehouse").resolve(NothingNew.NOTE)));
  }

  @AfterAll
  static void cleanUp() throws IOException {
    FileUtils.deleteDirectory(root.toFile());
  }

  /** The landing folder and exports as the published run left them (each test restores them). */
  @BeforeEach
  void paths() {
    landing = root.resolve("landing");
    exports = root.resolve("exports");
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  private PipelineConfig config(byte[] key) {
    return new PipelineConfig(
        landing.toString(), root.resolve("warehouse").toString(), exports, key);
  }

  private OptionalInt rerun(byte[] key, ByteArrayOutputStream console) {
    return NothingNew.run(
        new SparkConf(),
        conf,
        config(key),
        new PrintStream(console, true, StandardCharsets.UTF_8),
        System.nanoTime());
  }

  private Map<String, Long> versions() {
    Warehouse wh = new Warehouse(SPARK, root.resolve("warehouse").toString());
    Map<String, Long> out = new LinkedHashMap<>();
    for (String table : IngestStage.allTables()) {
      out.put(table, wh.version(table));
    }
    out.put(Warehouse.RUNS, wh.version(Warehouse.RUNS));
    return out;
  }

  @Test
  void aRerunWithNothingNewWritesOnlyItsRecordAndShowsThePublishedFigures() throws IOException {
    Map<String, Long> before = versions();
    long exportTime = Files.getLastModifiedTime(exports.resolve("indicators.csv")).toMillis();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    OptionalInt exit = rerun(KEY, console);
    String text = console.toString(StandardCharsets.UTF_8);
    assertEquals(OptionalInt.of(NightlyJob.OK), exit, text);
    assertTrue(text.contains("nothing new: the landing folder holds the 11 file(s) run "), text);
    assertTrue(text.contains("参保率 Insurance coverage rate"), text);
    assertTrue(text.contains("Rejected rows: 0 in this run, 9 standing"), text);
    assertEquals(before, versions(), "no table has a new version, the runs table neither");
    assertEquals(
        exportTime, Files.getLastModifiedTime(exports.resolve("indicators.csv")).toMillis());
    List<RunHistory.Run> runs =
        new RunHistory(new Warehouse(SPARK, root.resolve("warehouse").toString())).all();
    assertEquals(RunHistory.NOTHING_NEW, runs.get(0).outcome(), runs.toString());
    assertEquals(
        publishedRunId,
        new RunHistory(new Warehouse(SPARK, root.resolve("warehouse").toString()))
            .lastPublished()
            .orElseThrow()
            .runId());
  }

  @Test
  void aTouchedOrAddedFileAnotherKeyOrAMissingExportMakesItAFullRun() throws IOException {
    Path file = landing.resolve("insurance").resolve("2024-12-31.csv");
    FileTime was = Files.getLastModifiedTime(file);
    try {
      Files.setLastModifiedTime(file, FileTime.fromMillis(was.toMillis() + 60_000));
      assertFalse(rerun(KEY, new ByteArrayOutputStream()).isPresent(), "a touched file");
    } finally {
      Files.setLastModifiedTime(file, was);
    }
    Path added = landing.resolve("insurance").resolve("notes.txt");
    Files.writeString(added, "not a csv");
    try {
      assertFalse(rerun(KEY, new ByteArrayOutputStream()).isPresent(), "an added entry");
    } finally {
      Files.delete(added);
    }
    assertFalse(
        rerun("another-key-another-key-another-key".getBytes(), new ByteArrayOutputStream())
            .isPresent(),
        "another key: the full run refuses it with its own message");
    Path export = exports.resolve("rejects.csv");
    Path aside = root.resolve("rejects.csv.aside");
    Files.move(export, aside);
    try {
      assertFalse(rerun(KEY, new ByteArrayOutputStream()).isPresent(), "an export deleted");
    } finally {
      Files.move(aside, export);
    }
    assertTrue(rerun(KEY, new ByteArrayOutputStream()).isPresent(), "all as it was again");
  }

  @Test
  void aRunHoldingTheLockRefusesIt() {
    String warehouse = root.resolve("warehouse").toString();
    try (WarehouseLock held = WarehouseLock.acquire(conf, warehouse, "20260101T000000.000Z")) {
      ByteArrayOutputStream console = new ByteArrayOutputStream();
      assertEquals(OptionalInt.of(NightlyJob.LOCK_HELD), rerun(KEY, console));
      assertTrue(console.toString(StandardCharsets.UTF_8).startsWith("error: "));
    }
  }

  @Test
  void aFullRunForgetsTheNoteFirstSoAFailedOneLeavesNone() throws IOException {
    // on a copy of the warehouse: the failed run records itself in the runs table
    Path warehouse = root.resolve("warehouse-copy");
    FileUtils.copyDirectory(root.resolve("warehouse").toFile(), warehouse.toFile());
    assertTrue(Files.exists(warehouse.resolve(NothingNew.NOTE)));
    // a landing folder that does not exist: the full run fails after it started
    PipelineConfig missing =
        new PipelineConfig(
            root.resolve("no-such-landing").toString(), warehouse.toString(), exports, KEY);
    assertEquals(NightlyJob.FAILED, NightlyJob.run(SPARK, missing, quiet()));
    assertFalse(Files.exists(warehouse.resolve(NothingNew.NOTE)), "the failed run left no note");
  }
}
