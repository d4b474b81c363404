package org.ruralstats.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.ruralstats.config.SparkSessions;

/**
 * The one SparkSession shared by every test class of the test JVM: the job's own settings ({@link
 * SparkSessions#settings}) with {@code local[2]}, two shuffle partitions, interpreted evaluation
 * ({@link #INTERPRETED}) and small memory pages ({@link #SMALL_BUFFERS}), plus small helpers in the
 * style of Iceberg's Spark tests.
 */
public final class TestSpark {

  private static SparkSession session;

  private TestSpark() {}

  /**
   * Settings of the test sessions on top of the job's own ({@link SparkSessions#settings}): how a
   * test JVM (and a job the tests start in a child JVM, {@link #childJvmProperties}) evaluates
   * expressions. The suite's tables hold a few dozen rows, and a run of the job is some two hundred
   * small queries: compiling each query's code (Spark's whole-stage and expression code generation)
   * took longer than evaluating its rows, so the tests evaluate them interpreted, as Spark's own
   * tests do for the interpreted path. The job keeps code generation (its rows are a county's); the
   * end-to-end checks of figures in {@code .ci/run} run it so, exports compared byte for byte.
   * Measured in {@code docs/decisions.md}, "Tests evaluate expressions interpreted". Read from
   * {@code interpreted-spark.properties} (test resources), which {@code .ci/run} reads too.
   */
  public static final Map<String, String> INTERPRETED = interpreted();

  private static Map<String, String> interpreted() {
    Properties p = new Properties();
    try {
      p.load(new StringReader(resource("interpreted-spark.properties")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.stringPropertyNames().stream()
        .collect(Collectors.toUnmodifiableMap(k -> k, p::getProperty));
  }

  /**
   * The JVM flags of a short-lived child JVM that runs the job on a few dozen rows: the JIT's first
   * tier only, with room for its compiled code. Read from {@code first-tier-jvm.options} (test
   * resources), which {@code .ci/run} reads too and the notebook kernel's {@code pom.xml} repeats
   * ({@code FirstTierFlagsTest} holds the two to it).
   */
  public static final List<String> FIRST_TIER = firstTier();

  private static List<String> firstTier() {
    return resource("first-tier-jvm.options")
        .lines()
        .map(String::trim)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  /** The text of a file of the test resources (UTF-8); fails when it is not on the class path. */
  private static String resource(String name) {
    try (InputStream in = TestSpark.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Memory settings of the test session, for a JVM that runs thousands of small queries: Spark's
   * memory page of 1 MiB ({@code spark.buffer.pageSize}, the lower bound of Spark's own default,
   * which is 32 MiB in a 3 GB test JVM) and broadcast pieces of 1 MiB ({@code
   * spark.broadcast.blockSize}, default 4 MiB). Every hash aggregation and every broadcast hash
   * table allocates at least one whole page, and every broadcast (each stage's task binary among
   * them) at least one whole piece, however few its rows: in a profile of two test classes those
   * two allocations were 14.6 of the 68 GB the JVM allocated. They change no result. Measured in
   * {@code docs/decisions.md}, "The test JVM's memory pages".
   */
  public static final Map<String, String> SMALL_BUFFERS =
      Map.of("spark.buffer.pageSize", "1m", "spark.broadcast.blockSize", "1m");

  /** {@link #INTERPRETED} as {@code -D} options for a child JVM running the job. */
  public static List<String> childJvmProperties() {
    return INTERPRETED.entrySet().stream()
        .map(e -> "-D" + e.getKey() + "=" + e.getValue())
        .sorted()
        .toList();
  }

  /**
   * The job's Hadoop settings in local mode ({@link SparkSessions#settings}: umask 077, the local
   * file systems of {@code org.ruralstats.localfs}), without starting Spark. Tests that use Hadoop
   * without a session take these rather than a plain {@code new Configuration()}: Hadoop keeps one
   * {@code file:} file system for the whole JVM, made with the settings of its first user, so one
   * plain Configuration early in the suite gave every later test Hadoop's own.
   */
  public static Configuration hadoopConf() {
    return SparkHadoopUtil.get().newConfiguration(settings());
  }

  /**
   * The test session's settings: the job's own (Delta, time zone, ANSI, its defaults), two local
   * threads and two shuffle partitions, interpreted evaluation, small memory pages; a -Dspark.*
   * property of the test JVM wins.
   */
  private static SparkConf settings() {
    SparkConf conf =
        SparkSessions.settings(
                new SparkConf().setIfMissing("spark.master", "local[2]"), "rural-stats-tests", 2)
            .setIfMissing("spark.default.parallelism", "2");
    INTERPRETED.forEach(conf::setIfMissing);
    SMALL_BUFFERS.forEach(conf::setIfMissing);
    return conf;
  }

  /** Returns the shared session, creating it on first use. */
  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder().config(settings()).getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }

  /** Runs a query and returns its rows (test-sized results only). */
  public static List<Row> sql(String query, Object... args) {
    return session().sql(String.format(query, args)).collectAsList();
  }

  /** Builds a row for comparisons. */
  public static Row row(Object... values) {
    return RowFactory.create(values);
  }

  /** Renders rows as strings, handy in assertion messages. */
  public static String show(List<Row> rows) {
    return rows.stream().map(Row::toString).collect(Collectors.joining("\n"));
  }

  /** Renders a single row as a list of its values. */
  public static List<Object> values(Row row) {
    Object[] out = new Object[row.length()];
    for (int i = 0; i < row.length(); i++) {
      out[i] = row.get(i);
    }
    return Arrays.asList(out);
  }
}
