package org.ruralstats.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.properties.PropertiesConfigurationFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.support.TestSpark;
import org.ruralstats.warehouse.Warehouse;

/**
 * The job's logging configuration ({@code src/main/resources/log4j2.properties}, which the
 * launchers name) against what real runs log: a MERGE into an existing Delta table, as every
 * nightly run after the first makes, makes Spark warn that an RDD "was locally checkpointed" and
 * "cannot be recomputed after unpersisting" (Delta keeps the merge's source rows that way and
 * releases them when the merge is done); a run whose cached rows do not all fit in memory warns for
 * each piece kept on disk; a large indicator plan warns of its task binary. The configuration drops
 * those messages, each for its own logger, and keeps every other warning of the same loggers.
 */
class JobLoggingTest {
  private static final Path JOB_CONFIG = Path.of("src/main/resources/log4j2.properties");
  private static final String RDD_LOGGERS = "org.apache.spark.rdd";

  @TempDir Path dir;

  /** Collects the events of the loggers it is attached to. */
  private static final class Collected extends AbstractAppender {
    final List<LogEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());

    Collected() {
      super("job-logging-test", null, null, true, Property.EMPTY_ARRAY);
    }

    @Override
    public void append(LogEvent event) {
      events.add(event.toImmutable());
    }
  }

  @Test
  void theMergesCheckpointWarningIsDropped() throws IOException {
    List<LogEvent> warned = warningsOfAMerge();
    List<LogEvent> checkpointed =
        warned.stream()
            .filter(e -> e.getMessage().getFormattedMessage().contains("locally checkpointed"))
            .toList();
    assertFalse(
        checkpointed.isEmpty(),
        "a MERGE into an existing table no longer makes Spark warn of a locally checkpointed RDD"
            + " (warnings: "
            + warned.stream().map(e -> e.getMessage().getFormattedMessage()).toList()
            + "): remove the filter of that message from "
            + JOB_CONFIG);
    Configuration job = jobConfiguration();
    for (LogEvent e : checkpointed) {
      LoggerConfig config = job.getLoggerConfig(e.getLoggerName());
      assertTrue(
          config.isFiltered(e),
          JOB_CONFIG + " lets through: " + e.getMessage().getFormattedMessage());
    }
    assertKept(job, checkpointed.get(0).getLoggerName(), "RDD 7 could not be unpersisted");
  }

  /**
   * Spark's warnings as the job's runs logged them (a run of sixteen counties, whose parsed rows
   * did not all fit in memory, and runs of four): each is dropped, and another warning of its
   * logger is kept.
   */
  @Test
  void theWarningsOfSpillingAndOfALargePlanAreDroppedAndOtherWarningsKept() throws IOException {
    Configuration job = jobConfiguration();
    Map<String, List<String>> seen =
        Map.of(
            "org.apache.spark.storage.memory.MemoryStore",
            List.of(
                "Not enough space to cache rdd_128_18 in memory! (computed 220.4 MiB so far)",
                "Not enough space to cache rdd_128_46 in memory! (computed 504.0 B so far)",
                "Failed to reserve initial memory threshold of 1024.0 KiB for computing block"
                    + " rdd_128_46 in memory."),
            "org.apache.spark.storage.BlockManager",
            List.of("Persisting block rdd_128_18 to disk instead."),
            "org.apache.spark.scheduler.DAGScheduler",
            List.of("Broadcasting large task binary with size 1017.4 KiB"));
    seen.forEach(
        (logger, messages) -> {
          for (String message : messages) {
            assertTrue(
                job.getLoggerConfig(logger).isFiltered(warning(logger, message)),
                JOB_CONFIG + " lets through " + logger + ": " + message);
          }
          assertKept(job, logger, "Block rdd_128_18 could not be removed as it was not found");
        });
    // a broadcast that does not fit is not what the filters are about
    assertKept(
        job,
        "org.apache.spark.storage.memory.MemoryStore",
        "Not enough space to cache broadcast_12 in memory! (computed 3.0 MiB so far)");
    assertEquals(
        Level.WARN,
        job.getLoggerConfig("org.apache.spark.scheduler.TaskSetManager").getLevel(),
        "the rest of Spark still at WARN");
  }

  private static void assertKept(Configuration job, String logger, String message) {
    LoggerConfig config = job.getLoggerConfig(logger);
    assertTrue(config.getLevel().isLessSpecificThan(Level.WARN), logger + " logs warnings");
    assertFalse(
        config.isFiltered(warning(logger, message)),
        "another warning of " + logger + " must not be dropped: " + message);
  }

  private static LogEvent warning(String logger, String message) {
    return Log4jLogEvent.newBuilder()
        .setLoggerName(logger)
        .setLevel(Level.WARN)
        .setMessage(new SimpleMessage(message))
        .build();
  }

  /** The WARN events of Spark's RDD loggers while a MERGE runs into an existing Delta table. */
  private List<LogEvent> warningsOfAMerge() {
    SparkSession spark = TestSpark.session();
    Warehouse wh = new Warehouse(spark, dir.resolve("wh").toString());
    wh.append("t", rows(spark, Map.of("a", 1, "b", 2)));
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    Collected collected = new Collected();
    collected.start();
    Configuration test = ctx.getConfiguration();
    LoggerConfig added = new LoggerConfig(RDD_LOGGERS, Level.WARN, true);
    added.addAppender(collected, Level.WARN, null);
    test.addLogger(RDD_LOGGERS, added);
    ctx.updateLoggers();
    try {
      wh.mergeByKey("t", rows(spark, Map.of("b", 3, "c", 4)), List.of("k"));
    } finally {
      test.removeLogger(RDD_LOGGERS);
      ctx.updateLoggers();
      collected.stop();
    }
    assertEquals(3, wh.read("t").count(), "the merge itself");
    return collected.events.stream().filter(e -> e.getLevel() == Level.WARN).toList();
  }

  private static Dataset<Row> rows(SparkSession spark, Map<String, Integer> values) {
    List<Row> rows = new ArrayList<>();
    values.forEach((k, v) -> rows.add(org.apache.spark.sql.RowFactory.create(k, v)));
    return spark.createDataFrame(
        rows, org.apache.spark.sql.types.StructType.fromDDL("k STRING, v INT"));
  }

  private static Configuration jobConfiguration() throws IOException {
    try (InputStream in = Files.newInputStream(JOB_CONFIG)) {
      Configuration c =
          new PropertiesConfigurationFactory()
              .getConfiguration(
                  new LoggerContext("job-logging-test"),
                  new ConfigurationSource(in, JOB_CONFIG.toFile()));
      c.initialize();
      return c;
    }
  }
}
