package org.ruralstats.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.config.PipelineConfig;
import org.ruralstats.errors.RunFailure;
import org.ruralstats.export.ExportFilter;
import org.ruralstats.export.Outputs;
import org.ruralstats.ingest.Pseudonymizer;
import org.ruralstats.privacy.ErasedPersons;
import org.ruralstats.report.PublishedTables;
import org.ruralstats.support.IdScan;
import org.ruralstats.support.TestSpark;
import org.ruralstats.warehouse.CommittedTables;
import org.ruralstats.warehouse.RunHistory;
import org.ruralstats.warehouse.Warehouse;

/**
 * Issue 11 on real Delta tables: the small landing folder (plus a file with good, bad and misplaced
 * ID numbers) run with DEBUG logging on, then file modes, an erasure compared with a build that
 * never held those persons, the erased files vacuumed, a redelivery set aside, a failed rotation
 * that changes nothing, a rotation that changes no figure, the old key refused, the new accepted,
 * and no ID number in any log line or console output of it all. Every logger is at DEBUG while the
 * job reads, erases or re-keys ID numbers (the first run, the erasure, the rotation) and at its
 * usual level otherwise (DEBUG everywhere made the test take over half an hour); every line logged
 * is searched either way.
 */
class PersonalDataTest {
  private static final byte[] KEY = "personal-data-test-key-personal-data-test".getBytes();
  private static final byte[] NEW_KEY = "personal-data-test-new-key-personal-data".getBytes();
  private static final String A = "141123196503040119"; // roster and insurance
  private static final String B = "141123201509090428"; // roster (a quoted line break), school

  @TempDir static Path dir;
  private static Path landing;
  private static Warehouse wh;
  private static IdScan scan;
  private static final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final SparkSession spark = TestSpark.session();

  @BeforeAll
  static void build() throws IOException {
    scan = IdScan.begin(); // DEBUG on every logger, every line searched for ID numbers
    landing = dir.resolve("landing");
    FileUtils.copyDirectory(Path.of("data-samples/small-landing").toFile(), landing.toFile());
    String good = IdScan.validId("14112320100101301");
    Files.writeString(
        landing.resolve("insurance/2025-02-01.csv"),
        "year,person_id,village_code,required,enrolled\n"
            + "2024,"
            + good
            + ",141123105201,1,1\n"
            + "2024,141123201001013019,141123105201,1,1\n" // check character wrong
            + "2024,141123105201,"
            + good
            + ",1,1\n", // ID and village swapped
        StandardCharsets.UTF_8);
    wh = new Warehouse(TestSpark.session(), dir.resolve("wh").toString());
    // progress lines every second: the jobs' consoles are watched, and their lines searched too
    TestSpark.session().conf().set(Heartbeat.CONF_SECONDS, "1");
    assertEquals(NightlyJob.OK, nightly(landing, wh, KEY));
  }

  @AfterAll
  static void stopScan() {
    TestSpark.session().conf().unset(Heartbeat.CONF_SECONDS);
    scan.end();
  }

  private static int nightly(Path landing, Warehouse w, byte[] key) {
    return NightlyJob.run(
        TestSpark.session(),
        new PipelineConfig(landing.toString(), w.root(), null, key),
        new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  private static PrintStream out() {
    return new PrintStream(console, true, StandardCharsets.UTF_8);
  }

  private static byte[] export(Warehouse w, String table) throws IOException {
    Path f = dir.resolve("export-" + System.nanoTime() + ".csv");
    Outputs.find(table, "csv").write(PublishedTables.latest(w), ExportFilter.NONE, f.toString());
    return Files.readAllBytes(f);
  }

  private long rawRowsOf(String id, String path) {
    return spark.read().parquet(path).filter(functions_exists(id)).count();
  }

  /**
   * Whether a raw row holds {@code id} in any field, compared by SHA-256: the ID itself never
   * enters a query plan, which Spark may log (the test searches every log line for IDs).
   */
  private static org.apache.spark.sql.Column functions_exists(String id) {
    String digest =
        org.ruralstats.ingest.SourceFileParser.sha256(id.getBytes(StandardCharsets.UTF_8));
    return org.apache.spark.sql.functions.exists(
        org.apache.spark.sql.functions.map_values(col("fields")),
        v ->
            org.apache
                .spark
                .sql
                .functions
                .sha2(
                    org.apache.spark.sql.functions.upper(org.apache.spark.sql.functions.trim(v)),
                    256)
                .equalTo(digest));
  }

  @Test
  void modesErasureRedeliveryRotationAndNoIdInAnyOutput() throws Exception {
    // 1. modes: raw owner-only, clean owner and group, published group-readable
    try (Stream<Path> raw = Files.walk(Path.of(wh.path("raw")))) {
      for (Path p : raw.toList()) {
        assertEquals(
            Files.isDirectory(p) ? "rwx------" : "rw-------",
            PosixFilePermissions.toString(Files.getPosixFilePermissions(p)),
            p.toString());
      }
    }
    assertEquals("rwxr-x---", mode(wh.path("clean/roster")));
    assertEquals("rw-r-----", mode(firstFile(wh.path("published/indicators"))));
    Files.setPosixFilePermissions(
        Path.of(wh.path("raw/rows")), PosixFilePermissions.fromString("rwxr-xr-x"));
    assertEquals(1, org.ruralstats.privacy.WarehouseModes.of(spark, wh.root()).closeRaw());

    // 2. erasure, compared with a build from the landing folder without their rows
    Path idsFile = dir.resolve("ids");
    Files.writeString(idsFile, "# request 2025-001\n" + A + "\n " + B.toLowerCase() + " \n");
    List<String> ids = EraseJob.readIds(idsFile);
    Path badIds = dir.resolve("bad-ids");
    Files.writeString(badIds, A + "\n141123201001013019\n");
    RunFailure bad = assertThrows(RunFailure.class, () -> EraseJob.readIds(badIds));
    assertTrue(bad.getMessage().contains("line 2"), bad.getMessage());
    assertFalse(bad.getMessage().contains("141123201001013019"), bad.getMessage());
    String firstRun = new RunHistory(wh).lastPublished().orElseThrow().runId();
    assertTrue(rawRowsOf(A, wh.path(Warehouse.RAW_ROWS)) > 0);
    int beforeErasure = console.size();
    assertEquals(0, EraseJob.erase(wh, KEY, ids, "request 2025-001 for " + A, out()));
    assertTrue(progressSince(beforeErasure), "the erasure's console is watched");
    scan.usualLevels(); // still searched, at the usual levels: DEBUG everywhere is very slow
    CommittedTables now = CommittedTables.latest(wh);
    assertEquals(RunHistory.ERASED, now.run().outcome());
    assertEquals(0, now.read(Warehouse.RAW_ROWS).filter(functions_exists(A)).count());
    assertEquals(0, now.read(Warehouse.RAW_ROWS).filter(functions_exists(B)).count());
    Pseudonymizer p = new Pseudonymizer(KEY);
    for (String t : List.of("roster", "insurance", "education_students", "education_aid")) {
      String c = t.startsWith("education") ? "student_key" : "person_key";
      assertEquals(
          0,
          now.read(Warehouse.clean(t)).filter(col(c).isin(p.pseudonym(A), p.pseudonym(B))).count(),
          t);
    }
    List<org.apache.spark.sql.Row> audit = now.read(Warehouse.ERASURES).collectAsList();
    assertEquals(2, audit.size());
    assertFalse(audit.toString().contains(A) || audit.toString().contains(B));
    assertTrue(audit.toString().contains("<ID number hidden>"), "reason masked: " + audit);
    Path without = dir.resolve("landing-without");
    FileUtils.copyDirectory(landing.toFile(), without.toFile());
    assertTrue(IdScan.removeRecords(without, Set.of(A, B)) >= 6);
    Warehouse fresh = new Warehouse(spark, dir.resolve("wh-without").toString());
    assertEquals(NightlyJob.OK, nightly(without, fresh, KEY));
    byte[] erased = export(wh, "indicators");
    assertArrayEquals(export(fresh, "indicators"), erased, "equal to a build without them");
    assertThrows(RunFailure.class, () -> CommittedTables.asOf(wh, firstRun));

    // 3. permanent: the old files go once the retention allows (0 hours here)
    assertTrue(rawRowsOf(A, wh.path(Warehouse.RAW_ROWS)) > 0, "old files still hold them");
    assertEquals(0, MaintainJob.maintain(wh, 30, 0, out()));
    assertEquals(0, rawRowsOf(A, wh.path(Warehouse.RAW_ROWS)), "vacuumed");
    // VACUUM writes no commits of its own: the next run finds nothing to repair
    MaintainJobTest.assertAtMaintainedVersions(wh);

    // 4. a later delivery of an erased person is set aside, not loaded
    Files.copy(
        landing.resolve("insurance/2024-12-31.csv"), landing.resolve("insurance/2099-01-01.csv"));
    int consoleBefore = console.toString(StandardCharsets.UTF_8).length();
    assertEquals(NightlyJob.OK, nightly(landing, wh, KEY));
    String afterMaintenance = console.toString(StandardCharsets.UTF_8).substring(consoleBefore);
    assertFalse(afterMaintenance.contains("did not finish"), afterMaintenance);
    List<String> setAside = erasedRejects(wh, "2099-01-01.csv");
    assertEquals( // A's two rows and B's one
        List.of(
            "insurance/2099-01-01.csv:2",
            "insurance/2099-01-01.csv:7",
            "insurance/2099-01-01.csv:9"),
        setAside);
    assertEquals(
        0, CommittedTables.latest(wh).read(Warehouse.RAW_ROWS).filter(functions_exists(A)).count());

    // 5. a rotation that fails (a person's ID is gone from the raw zone) changes nothing
    Path brokenRoot = dir.resolve("wh-broken");
    FileUtils.copyDirectory(Path.of(wh.root()).toFile(), brokenRoot.toFile());
    Warehouse broken = new Warehouse(spark, brokenRoot.toString());
    String someone = "141123197005120225";
    org.ruralstats.warehouse.RunTransaction edit =
        new org.ruralstats.warehouse.RunTransaction(
            broken, IngestStage.allTables(), RunHistory.newRunId());
    edit.begin(); // a recorded change: raw rows of someone still in the clean tables removed
    broken.delete(Warehouse.RAW_ROWS, functions_exists(someone));
    edit.commitChange(p.fingerprint(), RunHistory.ERASED, 0);
    spark.conf().unset(org.ruralstats.warehouse.RunTransaction.USER_METADATA);
    Map<String, Long> before = new RunHistory(broken).lastState().orElseThrow().tableVersions();
    assertEquals(1, RotateKeyJob.rotate(broken, KEY, NEW_KEY, Path.of("new.key"), out()));
    assertTrue(console.toString(StandardCharsets.UTF_8).contains("cannot rotate"));
    CommittedTables after = CommittedTables.latest(broken);
    assertEquals(p.fingerprint(), after.run().keyFingerprint());
    for (Map.Entry<String, Long> e : before.entrySet()) {
      if (!e.getKey().equals(Warehouse.RAW_ROWS)) {
        // rows as JSON: set operations refuse map columns (the audit's rows_removed)
        Dataset<Row> was = asJson(broken.readAt(e.getKey(), e.getValue()));
        Dataset<Row> is = asJson(broken.read(e.getKey()));
        assertEquals(0, was.exceptAll(is).count() + is.exceptAll(was).count(), e.getKey());
      }
    }

    // 6. rotation: figures byte-identical, every pseudonym changed, old key refused, new accepted
    byte[] beforeRotation = export(wh, "indicators");
    Set<String> oldKeys = keys(wh);
    scan.debugLevels();
    int consoleBeforeRotation = console.size();
    assertEquals(0, RotateKeyJob.rotate(wh, KEY, NEW_KEY, Path.of("new.key"), out()));
    scan.usualLevels();
    assertTrue(progressSince(consoleBeforeRotation), "the rotation's console is watched");
    assertArrayEquals(beforeRotation, export(wh, "indicators"));
    assertEquals(RunHistory.REKEYED, CommittedTables.latest(wh).run().outcome());
    Set<String> newKeys = keys(wh);
    assertEquals(oldKeys.size(), newKeys.size());
    newKeys.retainAll(oldKeys);
    assertTrue(newKeys.isEmpty(), "every pseudonym re-derived");
    assertEquals(NightlyJob.FAILED, nightly(landing, wh, KEY));
    Files.copy(
        landing.resolve("insurance/2024-12-31.csv"), landing.resolve("insurance/2099-02-01.csv"));
    assertEquals(NightlyJob.OK, nightly(landing, wh, NEW_KEY));
    assertEquals(3, erasedRejects(wh, "2099-02-01.csv").size(), "set aside under the new key");
    assertArrayEquals(beforeRotation, export(wh, "indicators"));

    // 7. no ID number in any log line (DEBUG included) or console line of all the above
    scan.scan(console.toString(StandardCharsets.UTF_8));
    assertTrue(scan.lines() > 1000, "debug logging was on: " + scan.lines() + " lines");
    assertEquals(List.of(), scan.hits(), "log lines holding an ID number");
  }

  /** Whether the console shows a progress line after its first {@code bytes}. */
  private static boolean progressSince(int bytes) {
    return new String(
            java.util.Arrays.copyOfRange(console.toByteArray(), bytes, console.size()),
            StandardCharsets.UTF_8)
        .contains(" Spark tasks finished (");
  }

  private static Dataset<Row> asJson(Dataset<Row> rows) {
    return rows.select(
        org.apache.spark.sql.functions.to_json(org.apache.spark.sql.functions.struct(col("*"))));
  }

  private static List<String> erasedRejects(Warehouse w, String file) {
    return CommittedTables.latest(w)
        .read(Warehouse.REJECTS)
        .filter(col("reason").equalTo(ErasedPersons.REASON).and(col("file").equalTo(file)))
        .collectAsList()
        .stream()
        .map(r -> r.getAs("source") + "/" + r.getAs("file") + ":" + r.getAs("line"))
        .sorted()
        .toList();
  }

  private Set<String> keys(Warehouse w) {
    CommittedTables t = CommittedTables.latest(w);
    return Stream.concat(
            t.read("clean/roster").select("person_key").collectAsList().stream(),
            t.read("clean/education_students").select("student_key").collectAsList().stream())
        .map(r -> r.getString(0))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String mode(String path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(path)));
  }

  private static String firstFile(String table) throws IOException {
    try (Stream<Path> s = Files.list(Path.of(table))) {
      return s.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow().toString();
    }
  }
}
