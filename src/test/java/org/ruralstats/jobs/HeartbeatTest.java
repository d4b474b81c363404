package org.ruralstats.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.ForeachFunction;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ruralstats.errors.RunFailure;
import org.ruralstats.support.TestSpark;

/** A silent run gets a line now and then with Spark's finished tasks; a talkative one does not. */
class HeartbeatTest {
  private static final Pattern LINE =
      Pattern.compile(
          "  … \\d+:\\d\\d since the start: ([\\d,]+) Spark tasks finished \\(([\\d,]+) since the"
              + " last line\\), \\d+ running");
  private final SparkSession spark = TestSpark.session();
  private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
  private final PrintStream console = new PrintStream(buf, true, StandardCharsets.UTF_8);

  @AfterEach
  void unset() {
    spark.conf().unset(Heartbeat.CONF_SECONDS);
  }

  private List<String> lines() {
    return buf.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void aSilentStepGetsLinesCountingTheTasksThatFinished() throws Exception {
    spark.conf().set(Heartbeat.CONF_SECONDS, "0.3");
    try (Heartbeat beat = Heartbeat.start(spark, console)) {
      beat.out().println("indicators:");
      // eight tasks of 250 ms on two threads: about a second without a line of the run's own
      spark
          .range(0, 8, 1, 8)
          .foreach((ForeachFunction<Long>) n -> TimeUnit.MILLISECONDS.sleep(250));
      TimeUnit.MILLISECONDS.sleep(800); // silent, nothing running: two more lines at least
    }
    List<String> lines = lines();
    assertEquals("indicators:", lines.get(0));
    List<Matcher> beats =
        lines.stream().skip(1).map(LINE::matcher).filter(Matcher::matches).toList();
    assertEquals(lines.size() - 1, beats.size(), "every later line is a heartbeat: " + lines);
    assertTrue(beats.size() >= 2, "a line every 0.3 s of silence: " + lines);
    Matcher last = beats.get(beats.size() - 1);
    assertTrue(count(last.group(1)) >= 8, "the eight tasks finished: " + lines);
    assertEquals("0", last.group(2), "none since the line before: " + lines);
    long sum = beats.stream().mapToLong(m -> count(m.group(2))).sum();
    assertEquals(count(last.group(1)), sum, "each line counts what finished since the one before");
  }

  @Test
  void aRunThatKeepsPrintingGetsNoLineAndZeroTurnsThemOff() throws Exception {
    // a line every 0.1 s for 2.5 s against a second of silence: a machine busy with other JVMs (as
    // in CI) may hold this thread back a few tenths of a second, but not a whole second; were the
    // run's lines not to restart the silence, two heartbeats would come
    spark.conf().set(Heartbeat.CONF_SECONDS, "1");
    try (Heartbeat beat = Heartbeat.start(spark, console)) {
      for (int i = 0; i < 25; i++) {
        beat.out().println("line " + i);
        TimeUnit.MILLISECONDS.sleep(100);
      }
    }
    assertEquals(25, lines().size(), String.join("\n", lines()));

    spark.conf().set(Heartbeat.CONF_SECONDS, "0");
    try (Heartbeat beat = Heartbeat.start(spark, console)) {
      TimeUnit.MILLISECONDS.sleep(500);
    }
    assertEquals(25, lines().size(), String.join("\n", lines()));
  }

  @Test
  void aSettingThatIsNoNumberOfSecondsIsRefusedSayingWhatToGive() {
    spark.conf().set(Heartbeat.CONF_SECONDS, "half a minute");
    RunFailure f = assertThrows(RunFailure.class, () -> Heartbeat.start(spark, console));
    assertTrue(f.getMessage().startsWith(Heartbeat.CONF_SECONDS + " is 'half a minute'"));
    assertTrue(f.getMessage().contains("give e.g. 30, or 0"), f.getMessage());
    spark.conf().set(Heartbeat.CONF_SECONDS, "-5");
    assertThrows(RunFailure.class, () -> Heartbeat.start(spark, console));
  }

  @Test
  void theRunsLinesReachTheConsolesOwnMethods() {
    List<String> seen = new ArrayList<>();
    PrintStream own =
        new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8) {
          @Override
          public void println(String line) {
            seen.add(line); // as a caller's console may (NightlyJobTest fails a run this way)
          }
        };
    try (Heartbeat beat = Heartbeat.start(spark, own)) {
      beat.out().println("ingest:");
      beat.out().println("  兴县 141123000000");
    }
    assertEquals(List.of("ingest:", "  兴县 141123000000"), seen);
  }

  @Test
  void theClockReadsMinutesAndSeconds() {
    assertEquals("0:07", Heartbeat.clock(TimeUnit.SECONDS.toNanos(7)));
    assertEquals("4:30", Heartbeat.clock(TimeUnit.SECONDS.toNanos(270)));
    assertEquals("125:00", Heartbeat.clock(TimeUnit.MINUTES.toNanos(125)));
  }

  private static long count(String digits) {
    return Long.parseLong(digits.replace(",", ""));
  }
}
