package org.ruralstats.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.config.SparkSessions;
import org.ruralstats.support.TestSpark;

/**
 * Parquet started with DEBUG logging on logs every value it writes, as bytes, and each footer it
 * reads, with the columns' smallest and largest values; started by the guard, it does neither,
 * though its other DEBUG lines go on. Each case runs Parquet's own writer in a child JVM (Parquet
 * decides once per JVM), its logging configuration at DEBUG for every logger.
 */
class ParquetValueLoggingTest {
  @TempDir Path dir;

  private String run(String mode) throws IOException, InterruptedException {
    Path config = dir.resolve("log4j2-debug.properties");
    Files.writeString(
        config,
        "rootLogger.level = debug\n"
            + "rootLogger.appenderRef.out.ref = out\n"
            + "appender.out.type = Console\n"
            + "appender.out.name = out\n"
            + "appender.out.layout.type = PatternLayout\n"
            + "appender.out.layout.pattern = %c: %m%n\n");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(TestSpark.FIRST_TIER);
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens"))
        .forEach(cmd::add);
    cmd.add("-Dlog4j2.configurationFile=" + config);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ParquetValueLoggingProbe.class.getName());
    cmd.addAll(Arrays.asList(mode, dir.resolve(mode + ".parquet").toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String output = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), output);
    return output;
  }

  private static String asBytes(String value) {
    return Arrays.toString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String asHex(String value) {
    StringBuilder hex = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      hex.append(hex.isEmpty() ? "" : " ").append(String.format("%02x", b));
    }
    return hex.toString();
  }

  @Test
  void parquetStartedByTheGuardDoesNotLogValuesAtDebug() throws Exception {
    String value = asBytes(ParquetValueLoggingProbe.VALUE);
    String footer = asHex(ParquetValueLoggingProbe.VALUE); // the column's min and max
    String unguarded = run("none");
    assertTrue(unguarded.contains(value), "without the guard Parquet logs the value: " + value);
    assertTrue(unguarded.contains(footer), "and the footer's statistics: " + footer);
    assertTrue(unguarded.contains("valuesLogged=true"), unguarded);
    String guarded = run("guard");
    assertFalse(guarded.contains(value), guarded);
    assertFalse(guarded.contains(footer), guarded);
    assertTrue(guarded.contains("rows=1"), guarded);
    assertTrue(guarded.contains("valuesLogged=false"), guarded);
    assertTrue(
        guarded.contains("org.apache.parquet.hadoop.InternalParquetRecordWriter: Flushing"),
        "Parquet's DEBUG lines go on: " + guarded);
  }

  @Test
  void everySessionOfTheJobRunsTheGuardBesideThePluginsGiven() {
    String guard = ParquetValueLogging.class.getName();
    assertEquals(
        guard, SparkSessions.settings(new SparkConf(false), "t", 2).get(SparkSessions.PLUGINS_KEY));
    assertEquals(
        "com.example.Other," + guard,
        SparkSessions.settings(
                new SparkConf(false).set(SparkSessions.PLUGINS_KEY, "com.example.Other"), "t", 2)
            .get(SparkSessions.PLUGINS_KEY));
    assertEquals(
        guard + ", com.example.Other",
        SparkSessions.settings(
                new SparkConf(false).set(SparkSessions.PLUGINS_KEY, guard + ", com.example.Other"),
                "t",
                2)
            .get(SparkSessions.PLUGINS_KEY));
  }
}
