package org.ruralstats.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.config.PipelineConfig;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.support.SmallLandingBuild;
import org.ruralstats.support.TestSpark;
import org.ruralstats.warehouse.CommitPoints;
import org.ruralstats.warehouse.RunHistory;
import org.ruralstats.warehouse.Warehouse;

/**
 * Fault tests: the real nightly job in a child JVM, killed with {@code kill -9} at commit points,
 * and two overlapping runs; readers must see only published runs, and the warehouse must end equal
 * to a clean build (raw zone and ledger included, nothing lost or doubled).
 */
class RunSafetyTest {
  private static final Path SAMPLE = Path.of("data-samples/small-landing");
  private static final Path GOLDEN = Path.of("data-samples/small-landing.expected-indicators.csv");
  private static final String KEY = SmallLandingBuild.KEY;

  @TempDir static Path shared;
  private static Path landing;
  private static Path keyFile;
  private static Map<String, List<String>> clean;
  private final SparkSession spark = TestSpark.session();

  @TempDir Path tmp;

  @BeforeAll
  static void cleanBuild() throws IOException {
    landing = shared.resolve("landing");
    FileUtils.copyDirectory(SAMPLE.toFile(), landing.toFile());
    keyFile = shared.resolve("key");
    Files.writeString(keyFile, KEY);
    // the clean build: the small landing folder's shared build, made with the same key
    clean = contents(new Warehouse(TestSpark.session(), SmallLandingBuild.warehouse().toString()));
  }

  private static int inProcess(Path wh, ByteArrayOutputStream out) {
    return NightlyJob.run(
        TestSpark.session(),
        new PipelineConfig(
            landing.toString(), wh.toString(), null, KEY.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  /**
   * One warehouse through two runs in child JVMs and two in this one: killed after its first table
   * commit; then a run paused after the indicators' commit (every table written, the commit point
   * not yet), where a second run is refused (exit 3) and readers see nothing, resumed, paused again
   * right after its meta/runs commit (published: readers see exactly a clean build) and killed
   * there; then a run that repairs nothing more. The resumed holder finishing normally is checked
   * end to end by {@code jobs/check-run-safety.sh} (in {@code .ci/run}).
   */
  @Test
  void killedAtCommitPointsASecondRunIsRefusedAndTheNextRunEqualsACleanBuild() throws Exception {
    Path wh = tmp.resolve("warehouse");
    Warehouse warehouse = new Warehouse(spark, wh.toString());
    killAt(wh, "1");

    Path resume = tmp.resolve("resume");
    Process holder = child(wh, Warehouse.INDICATORS + ",published", resume);
    BufferedReader holderOut = output(holder);
    awaitPause(holder, holderOut, Warehouse.INDICATORS);
    ByteArrayOutputStream refused = new ByteArrayOutputStream();
    assertEquals(NightlyJob.LOCK_HELD, inProcess(wh, refused));
    String msg = refused.toString(StandardCharsets.UTF_8);
    assertTrue(msg.startsWith("error: another run holds the warehouse"), msg);
    assertTrue(msg.contains("process " + holder.pid()), msg);
    assertTrue(warehouse.exists(Warehouse.INDICATORS), "the paused run wrote its table");
    assertEquals(1, ExportJob.export(warehouse, "indicators", tmp.resolve("none.csv").toString()));
    assertFalse(Files.exists(tmp.resolve("none.csv")), "no reader sees an unpublished run");

    // resumed, then killed right after its meta/runs commit: published, readers see a clean build
    Files.createFile(resume);
    awaitPause(holder, holderOut, "published");
    kill(holder);
    Path csv = tmp.resolve("indicators.csv");
    assertEquals(0, ExportJob.export(warehouse, "indicators", csv.toString()));
    assertArrayEquals(Files.readAllBytes(GOLDEN), Files.readAllBytes(csv));

    // the next run repairs nothing more and changes nothing
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(NightlyJob.OK, inProcess(wh, out), out.toString(StandardCharsets.UTF_8));
    assertEquals(clean, contents(warehouse), "equal to a clean build, nothing lost or doubled");
    List<String> outcomes =
        new RunHistory(warehouse).all().stream().map(RunHistory.Run::outcome).toList();
    assertEquals(List.of("published", "published", "refused", "interrupted"), outcomes);
  }

  /** Starts the job in a child JVM, waits for it to pause at {@code point}, then kill -9. */
  private void killAt(Path wh, String point) throws Exception {
    Process p = child(wh, point, null);
    awaitPause(p, output(p), point);
    kill(p);
  }

  private static void kill(Process p) throws InterruptedException {
    p.destroyForcibly(); // SIGKILL
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(137, p.exitValue(), "killed by SIGKILL");
  }

  /**
   * Starts the job in a child JVM that pauses at each commit point of {@code pauseAt} (commas),
   * until {@code resume} is created (null: for good).
   */
  private Process child(Path wh, String pauseAt, Path resume) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.addAll(TestSpark.FIRST_TIER); // the JIT's first tier, room for its code
    cmd.add("-XX:+UseParallelGC"); // as the job launchers run it (jobs/lib.sh)
    cmd.addAll(TestSpark.childJvmProperties()); // evaluated as in this JVM's session
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect"))
        .forEach(cmd::add);
    cmd.add("-D" + CommitPoints.PAUSE_AT + "=" + pauseAt);
    if (resume != null) {
      cmd.add("-D" + CommitPoints.RESUME_FILE + "=" + resume);
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(NightlyJob.class.getName());
    cmd.addAll(
        Arrays.asList(
            "--landing", landing.toString(),
            "--warehouse", wh.toString(),
            "--key-file", keyFile.toString(),
            "--shuffle-partitions", "2",
            "--parallel-sources", "1"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("RURAL_STATS_PSEUDONYM_KEY");
    pb.environment().remove("RURAL_STATS_PSEUDONYM_KEY_FILE");
    return pb.start();
  }

  private static BufferedReader output(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Reads the child's output up to the line announcing its pause at {@code point}. */
  private static void awaitPause(Process p, BufferedReader r, String point) throws IOException {
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = r.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.startsWith("COMMIT-POINT ")) {
        String[] parts = line.split(" ", 3);
        if (parts[1].equals(point) || parts[2].equals(point)) {
          return;
        }
      }
    }
    p.destroyForcibly();
    throw new AssertionError("the child ended before commit point " + point + ":\n" + seen);
  }

  /** The rows of every table a run writes, without run ids, as sorted JSON lines. */
  static Map<String, List<String>> contents(Warehouse wh) {
    Map<String, List<String>> out = new TreeMap<>();
    List<String> tables =
        Stream.concat(
                IngestStage.tables(SourceContract.standard()).stream(),
                Stream.of(Warehouse.INDICATORS))
            .collect(Collectors.toList());
    for (String t : tables) {
      if (!wh.exists(t)) {
        out.put(t, null);
        continue;
      }
      Dataset<Row> rows = wh.read(t).drop("run_id", "_run_id");
      out.put(t, rows.toJSON().collectAsList().stream().sorted().toList());
    }
    return out;
  }
}
