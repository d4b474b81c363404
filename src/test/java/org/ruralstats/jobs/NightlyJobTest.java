package org.ruralstats.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.config.PipelineConfig;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.support.SmallLandingBuild;
import org.ruralstats.support.TestSpark;
import org.ruralstats.warehouse.Warehouse;

/**
 * The nightly job end to end on the committed small landing folder ({@code
 * data-samples/small-landing}): exit codes, exports, re-runs, atomicity.
 */
class NightlyJobTest {
  private static final Path SAMPLE = Path.of("data-samples/small-landing");
  private static final byte[] KEY = SmallLandingBuild.key();

  @TempDir Path tmp;
  private Path landing;
  private Path exports;
  private final SparkSession spark = TestSpark.session();

  @BeforeEach
  void copySample() throws IOException {
    landing = tmp.resolve("landing");
    FileUtils.copyDirectory(SAMPLE.toFile(), landing.toFile());
    exports = tmp.resolve("exports");
  }

  private PipelineConfig config(byte[] key) {
    return new PipelineConfig(
        landing.toString(), tmp.resolve("warehouse").toString(), exports, key);
  }

  private int run(PrintStream out) {
    return NightlyJob.run(spark, config(KEY), out);
  }

  private int run() {
    return run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private Warehouse warehouse() {
    return new Warehouse(spark, tmp.resolve("warehouse").toString());
  }

  private List<String> exportedRejectLines() throws IOException {
    return Files.readAllLines(exports.resolve("rejects.csv")).stream()
        .skip(1)
        .map(l -> String.join(",", List.of(l.split(",", 4)).subList(0, 3)))
        .toList();
  }

  /**
   * The shared build of the small landing folder ({@link SmallLandingBuild}: its run exited 0) is
   * checked here, its exports against the golden files; a copy of it then reruns on a copy of the
   * same folder.
   */
  @Test
  void loadsTheSampleListsEveryBadRowAndReRunsChangeNothing() throws IOException {
    SmallLandingBuild.copyWarehouseTo(tmp.resolve("warehouse"));
    FileUtils.copyDirectory(SmallLandingBuild.exports().toFile(), exports.toFile());
    List<String> expected =
        Files.readAllLines(Path.of("data-samples/small-landing.expected-rejects.csv")).stream()
            .skip(1)
            .map(l -> String.join(",", List.of(l.split(",")).subList(0, 3)))
            .toList();
    assertEquals(expected, exportedRejectLines());
    List<String> header = Files.readAllLines(exports.resolve("indicators.csv")).subList(0, 1);
    assertEquals(
        List.of(
            "indicator_code,area_code,area_level,year,numerator,denominator,value,prev_value,yoy_change"),
        header);
    byte[] first = Files.readAllBytes(exports.resolve("indicators.csv"));
    assertArrayEquals(
        Files.readAllBytes(Path.of("data-samples/small-landing.expected-indicators.csv")),
        first,
        "golden indicator export of the small landing folder");

    // a rerun with nothing new writes no data table: only its run-history row
    Warehouse wh = warehouse();
    Map<String, Long> versions = new java.util.TreeMap<>();
    for (String t : writtenTables()) {
      versions.put(t, wh.version(t));
    }
    ByteArrayOutputStream rerun = new ByteArrayOutputStream();
    assertEquals(NightlyJob.OK, run(new PrintStream(rerun, true, StandardCharsets.UTF_8)));
    assertTrue(
        rerun.toString(StandardCharsets.UTF_8).contains("its indicator table stands"),
        rerun.toString(StandardCharsets.UTF_8));
    Map<String, Long> after = new java.util.TreeMap<>();
    for (String t : versions.keySet()) {
      after.put(t, wh.version(t));
    }
    assertEquals(versions, after, "no table got a new version");
    assertArrayEquals(first, Files.readAllBytes(exports.resolve("indicators.csv")));

    // the copied exports were stamped with the shared build's warehouse, so the rerun wrote them
    // again; a second rerun finds them written from exactly its published tables
    java.nio.file.attribute.FileTime written =
        Files.getLastModifiedTime(exports.resolve("indicators.csv"));
    assertEquals(NightlyJob.OK, run());
    assertEquals(
        written,
        Files.getLastModifiedTime(exports.resolve("indicators.csv")),
        "an export of the same published tables is left as it is, not written again");
    assertEquals(expected, exportedRejectLines());
  }

  @Test
  void aFailedRunLeavesEveryTableAsItWasAndTheNextRunRecovers() throws IOException {
    // the small landing folder as published: a copy of the shared build (same files, same key)
    SmallLandingBuild.copyWarehouseTo(tmp.resolve("warehouse"));
    Warehouse wh = warehouse();
    Map<String, List<String>> before = contents(wh);

    // a different pseudonym key would count the same person twice: refused, nothing changes
    ByteArrayOutputStream refused = new ByteArrayOutputStream();
    assertEquals(
        NightlyJob.FAILED,
        NightlyJob.run(
            spark,
            config("another-key-another-key-another-key".getBytes()),
            new PrintStream(refused, true, StandardCharsets.UTF_8)));
    assertTrue(refused.toString(StandardCharsets.UTF_8).contains("pseudonym key differs"));

    Files.writeString(
        landing.resolve("water_survey/2025-01-31.csv"),
        "年度,户编号,村代码,户人口,水量达标,水质达标,取水方便,供水保证率达标\n2024,HH-09,141123105201,5,是,是,是,是\n");
    Files.writeString(
        landing.resolve("insurance/2025-02-01.csv"),
        "year,person_id,village_code,required,enrolled\n2024,11010519491231002X,141123105201,1,1\n");
    PrintStream failing =
        new PrintStream(OutputStream.nullOutputStream(), true) {
          @Override
          public void println(String line) {
            if (line != null && line.contains("water_survey")) {
              throw new IllegalStateException("simulated failure after insurance was merged");
            }
          }
        };
    assertEquals(NightlyJob.FAILED, run(failing));
    assertEquals(before, contents(wh), "nothing published changed");

    // a run killed midway leaves a table ahead of the last successful run: the next run restores it
    wh.append(Warehouse.clean("roster"), wh.read(Warehouse.clean("roster")).limit(1));
    assertEquals(NightlyJob.OK, run());
    assertEquals(
        before.get(Warehouse.clean("roster")), contents(wh).get(Warehouse.clean("roster")));
    assertEquals(
        before.get(Warehouse.clean("insurance")).size() + 1,
        contents(wh).get(Warehouse.clean("insurance")).size(),
        "the new files are applied by the next successful run");
  }

  @Test
  void aFileRejectedAsAWholeGivesExitCode2UntilItIsReplaced() throws IOException {
    SmallLandingBuild.copyWarehouseTo(tmp.resolve("warehouse")); // the folder as published
    Files.writeString(landing.resolve("housing/2025-01-01.csv"), "年度,户编号\n2024,HH-1\n");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    assertEquals(NightlyJob.FILE_REJECTED, run(new PrintStream(buf, true, StandardCharsets.UTF_8)));
    assertTrue(
        buf.toString(StandardCharsets.UTF_8).contains("REJECTED FILE housing/2025-01-01.csv"));
    assertTrue(exportedRejectLines().contains("housing,2025-01-01.csv,"));
    Files.delete(landing.resolve("housing/2025-01-01.csv"));
    assertEquals(NightlyJob.OK, run());
  }

  @Test
  void twoCountiesGiveTheHandCheckedExportsAndARerunChangesNothing() throws IOException {
    Path two = tmp.resolve("two-counties");
    FileUtils.copyDirectory(Path.of("data-samples/two-counties").toFile(), two.toFile());
    PipelineConfig config =
        new PipelineConfig(two.toString(), tmp.resolve("wh2").toString(), exports, KEY);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    assertEquals(
        NightlyJob.FILE_REJECTED,
        NightlyJob.run(spark, config, new PrintStream(buf, true, StandardCharsets.UTF_8)),
        "141124000000/water_survey/2024-12-31.csv lacks a column: exit code 2");
    String console = buf.toString(StandardCharsets.UTF_8);
    assertTrue(console.contains("吕梁市 (141100000000) headline figures, 2024"), console);
    assertTrue(console.contains("folder archive/ is neither a source nor a county"), console);
    assertTrue(console.contains("REJECTED FILE 141124000000/water_survey/2024-12-31.csv"), console);
    assertTrue(console.contains("141124000000"), console);
    byte[] indicators = Files.readAllBytes(exports.resolve("indicators.csv"));
    assertArrayEquals(
        Files.readAllBytes(Path.of("data-samples/two-counties.expected-indicators.csv")),
        indicators,
        "golden indicator export of the two-county landing folder");
    assertArrayEquals(
        Files.readAllBytes(Path.of("data-samples/two-counties.expected-rejects.csv")),
        Files.readAllBytes(exports.resolve("rejects.csv")),
        "golden rejects export of the two-county landing folder");
    // hand-checked rows (see docs/sample.md, "The two-county landing folder")
    List<String> lines = Files.readAllLines(exports.resolve("indicators.csv"));
    for (String expected :
        List.of(
            "INS_REQUIRED,141100000000,city,2024,6,,6,4,2",
            "INS_ENROLLED,141100000000,city,2024,6,,6,3,3",
            "INS_COVERAGE,141124000000,county,2024,1,2,50.00,,",
            "INS_REQUIRED,141100000000,city,2023,4,,4,,",
            "MON_PERSONS,141100000000,city,2024,4,,4,2,2",
            "MON_HOUSEHOLDS,141100000000,city,2024,4,,4,2,2",
            "HOUSING_HOUSEHOLDS,141100000000,city,2024,5,,5,2,3",
            "WATER_MAINT_PROJECTS,141100000000,city,2024,2,,2,0,2",
            "WATER_MAINT_INVESTMENT_WAN,140000000000,province,2024,32.50,,32.50,0.00,32.50",
            "EDU_AID_TIMES,141100000000,city,2024,4,,4,1,3",
            "EDU_PRESCHOOL_AID_TIMES,141124100000,township,2024,0,,0,,")) {
      assertTrue(lines.contains(expected), expected);
    }
    assertTrue(
        lines.stream().noneMatch(l -> l.startsWith("INS_REQUIRED,141124000000,county,2023")),
        "临县 has no insurance rows of 2023");

    assertEquals(
        NightlyJob.FILE_REJECTED,
        NightlyJob.run(
            spark,
            config,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    assertArrayEquals(indicators, Files.readAllBytes(exports.resolve("indicators.csv")));
  }

  /** Every table a run writes (its history row aside). */
  private static List<String> writtenTables() {
    return Stream.concat(
            IngestStage.tables(SourceContract.standard()).stream(), Stream.of(Warehouse.INDICATORS))
        .collect(Collectors.toList());
  }

  /** The rows of every table the run writes, as sorted JSON lines. */
  private static Map<String, List<String>> contents(Warehouse wh) {
    Map<String, List<String>> out = new TreeMap<>();
    for (String t : writtenTables()) {
      out.put(
          t, wh.exists(t) ? wh.read(t).toJSON().collectAsList().stream().sorted().toList() : null);
    }
    return out;
  }
}
