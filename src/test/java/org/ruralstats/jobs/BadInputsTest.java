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
import java.util.List;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.config.PipelineConfig;
import org.ruralstats.support.SmallLandingBuild;
import org.ruralstats.support.TestSpark;
import org.ruralstats.warehouse.RunHistory;
import org.ruralstats.warehouse.Warehouse;

/**
 * Bad inputs on the small landing folder: a zero-byte file, a huge header line, entries that are
 * not {@code .csv} files, a warehouse path that is a file, and exports of an earlier run.
 */
class BadInputsTest {
  private static final byte[] KEY = SmallLandingBuild.key();

  @TempDir Path tmp;
  private Path landing;
  private final SparkSession spark = TestSpark.session();

  @BeforeEach
  void copySample() throws IOException {
    landing = tmp.resolve("landing");
    FileUtils.copyDirectory(Path.of("data-samples/small-landing").toFile(), landing.toFile());
  }

  private String run(Path warehouse, int expectedExit) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code =
        NightlyJob.run(
            spark,
            new PipelineConfig(landing.toString(), warehouse.toString(), tmp.resolve("x"), KEY),
            new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertEquals(expectedExit, code, out);
    return out;
  }

  @Test
  void emptyHugeAndNonCsvEntriesAreReportedAndEarlierRunsStayExportable() throws IOException {
    Files.createFile(landing.resolve("housing/2025-01-02.csv"));
    Files.writeString(landing.resolve("water_survey/2025-01-03.csv"), "x".repeat(200_000) + "\n");
    Files.write(landing.resolve("insurance/2025-01-04.csv.gz"), new byte[] {31, -117, 8});
    Files.writeString(landing.resolve("roster/readme.txt"), "notes");
    Files.createDirectories(landing.resolve("roster/old"));
    Path wh = tmp.resolve("warehouse");
    SmallLandingBuild.copyWarehouseTo(wh); // the folder as published before the bad entries came

    String out = run(wh, NightlyJob.FILE_REJECTED);
    assertTrue(out.contains("REJECTED FILE housing/2025-01-02.csv"), out);
    assertTrue(out.contains("IGNORED insurance/2025-01-04.csv.gz"), out);
    assertTrue(out.contains("IGNORED roster/old/"), out);
    assertTrue(out.contains("IGNORED roster/readme.txt"), out);
    String huge =
        out.lines().filter(l -> l.startsWith("REJECTED FILE water_survey")).findFirst().orElse("");
    assertTrue(huge.contains("(200000 characters, the first 80 shown)"), huge);
    assertTrue(huge.length() < 1200, "the reason is cut: " + huge.length() + " characters");
    List<String> rejects = Files.readAllLines(tmp.resolve("x/rejects.csv"));
    assertTrue(
        rejects.contains(
            "housing,2025-01-02.csv,,[EMPTY_FILE] the file is empty: it has no header row"),
        rejects.toString());
    assertTrue(rejects.stream().allMatch(l -> l.length() < 1200));

    // the summary and rejects.csv agree on what stands, also after a file left the landing folder
    Files.delete(landing.resolve("housing/2025-01-02.csv"));
    Files.delete(landing.resolve("water_survey/2025-01-03.csv"));
    RunHistory.Run firstRun =
        new RunHistory(new Warehouse(spark, wh.toString())).lastPublished().get();
    String first = firstRun.runId();
    assertEquals(
        "ignored (not .csv, not read): roster/old/, roster/readme.txt,"
            + " insurance/2025-01-04.csv.gz",
        firstRun.detail());
    out = run(wh, NightlyJob.OK);
    long rows =
        Files.readAllLines(tmp.resolve("x/rejects.csv")).stream()
            .skip(1)
            .filter(l -> !l.split(",", 4)[2].isEmpty())
            .count();
    assertTrue(
        out.contains(rows + " standing in the rejects table (and 2 file(s) rejected whole"), out);

    // --as-of exports what the first run published
    Path asOf = tmp.resolve("asof.csv");
    assertEquals(
        0,
        ExportJob.export(new Warehouse(spark, wh.toString()), "rejects", asOf.toString(), first));
    assertEquals(rejects, Files.readAllLines(asOf));
    assertEquals(
        1,
        ExportJob.export(
            new Warehouse(spark, wh.toString()), "rejects", asOf.toString(), "no-such-run"));
  }

  @Test
  void aWarehousePathThatIsAFileIsRefusedClearly() throws IOException {
    Path file = Files.writeString(tmp.resolve("warehouse.txt"), "not a warehouse");
    String out = run(file, NightlyJob.FAILED);
    assertTrue(out.startsWith("error: the warehouse " + file + " is a file, not a folder"), out);
    assertEquals(1, out.lines().count(), out);
    assertFalse(out.contains("Exception"), out);
  }
}
