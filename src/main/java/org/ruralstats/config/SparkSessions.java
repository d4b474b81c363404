package org.ruralstats.config;

import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.ruralstats.localfs.ProcessFreeLocalFileSystem;
import org.ruralstats.localfs.ProcessFreeLocalFs;
import org.ruralstats.privacy.ParquetValueLogging;
import org.ruralstats.privacy.WarehouseModes;

/**
 * Builds the SparkSession the pipeline runs in: Delta Lake enabled, settings sized for a county on
 * a small machine unless the launcher already set them. Whatever {@code spark-submit --conf} (or a
 * {@code -Dspark.*} system property, or {@code spark-defaults.conf} through spark-submit) gives
 * wins: the job only fills in the keys the {@link SparkConf} does not hold, except two lists it
 * adds to: Delta's SQL extension and the plugin that keeps Parquet from logging values ({@link
 * ParquetValueLogging}).
 */
public final class SparkSessions {

  /** Delta's session extension, always enabled (appended to any extensions the launcher gives). */
  static final String DELTA_EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";

  /** Hadoop's key for the {@code FileSystem} of {@code file:} paths, as a Spark setting. */
  static final String LOCAL_FS_KEY = "spark.hadoop.fs.file.impl";

  /** Hadoop's key for the {@code FileContext} file system of {@code file:} paths. */
  static final String LOCAL_FC_KEY = "spark.hadoop.fs.AbstractFileSystem.file.impl";

  /** Delta's rule refusing to read or restore versions older than its deleted-file retention. */
  static final String TIME_TRAVEL_GUARD_KEY =
      "spark.databricks.delta.vacuum.enforceTimeTravelWithinDeletedFileRetentionDuration";

  /** Delta's prefix for the properties a new table gets unless its writer gives them. */
  static final String TABLE_DEFAULTS = "spark.databricks.delta.properties.defaults.";

  /** Spark's setting for the most rows a written file holds (0: no limit). */
  public static final String MAX_RECORDS_PER_FILE_KEY = "spark.sql.files.maxRecordsPerFile";

  /** Delta's check of each commit's file list in a JVM whose default zone is not UTC. */
  static final String NON_UTC_COMMIT_CHECK_KEY =
      "spark.databricks.delta.allFilesInCrc.verificationMode.forceOnNonUTC.enabled";

  /** Spark's factor from a table's file size to the size it estimates the table's rows at. */
  public static final String FILE_COMPRESSION_FACTOR_KEY =
      "spark.sql.sources.fileCompressionFactor";

  /** The job's default for {@link #FILE_COMPRESSION_FACTOR_KEY} (Spark's is 1). */
  public static final int FILE_COMPRESSION_FACTOR = 16;

  /** Spark's count of objects its Java serializer writes between two resets of its stream. */
  public static final String OBJECT_STREAM_RESET_KEY = "spark.serializer.objectStreamReset";

  /** The job's default for {@link #OBJECT_STREAM_RESET_KEY} (Spark's is 100). */
  public static final int OBJECT_STREAM_RESET = 1;

  /** The job's default for {@link #MAX_RECORDS_PER_FILE_KEY}. */
  public static final int ROWS_PER_FILE = 25_000;

  /** Spark's list of plugins, started in the driver and in every executor. */
  public static final String PLUGINS_KEY = "spark.plugins";

  /** The plugin every session of the job runs, beside any given ({@link ParquetValueLogging}). */
  public static final String VALUE_LOGGING_GUARD = ParquetValueLogging.class.getName();

  private SparkSessions() {}

  /**
   * Returns a session with Delta configured. When no master is given by the environment (no {@code
   * spark.master} in the SparkConf, i.e. not launched by spark-submit), runs {@code local[*]}.
   *
   * @param appName the application name shown in Spark's logs
   * @param shufflePartitions default number of shuffle partitions for county-sized data
   */
  public static SparkSession create(String appName, int shufflePartitions) {
    return SparkSession.builder()
        .config(settings(new SparkConf(), appName, shufflePartitions))
        .getOrCreate();
  }

  /**
   * The job's settings on top of what the launcher gave: every default is set only where {@code
   * given} holds no value for the key.
   *
   * @param given the launcher's settings ({@code new SparkConf()} reads the {@code spark.*} system
   *     properties that spark-submit sets from {@code --conf}, {@code --master} and the defaults
   *     file)
   * @return a new SparkConf; {@code given} is not changed
   */
  public static SparkConf settings(SparkConf given, String appName, int shufflePartitions) {
    SparkConf conf = given.clone();
    conf.setIfMissing("spark.app.name", appName);
    addToList(conf, "spark.sql.extensions", DELTA_EXTENSION);
    // never a default a --conf replaces: Parquet must not log the values it writes (ID numbers)
    addToList(conf, PLUGINS_KEY, VALUE_LOGGING_GUARD);
    conf.setIfMissing(
        "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    conf.setIfMissing("spark.databricks.delta.snapshotPartitions", "2");
    conf.setIfMissing("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions));
    // Delta's VACUUM lists and compares a table's files in this many tasks (Spark's default,
    // 10,000, made jobs/maintain.sh spend minutes per table scheduling empty tasks)
    conf.setIfMissing(
        "spark.sql.sources.parallelPartitionDiscovery.parallelism",
        String.valueOf(shufflePartitions));
    // Which table versions may be read or restored is the run history's to say (a failed run
    // restores its baseline; readers read kept runs, CommittedTables). Delta's own rule refuses
    // every version whose commit is older than the table's delta.deletedFileRetentionDuration (7
    // days unless maintenance set it): a failed run could not roll back a table unchanged for a
    // week, nor could --as-of read last month's runs whose files were all there (OldVersionsTest)
    conf.setIfMissing(TIME_TRAVEL_GUARD_KEY, "false");
    // New tables remember removed files and old commits 60 days (Delta: 7 and 30), the kept window
    // of jobs/maintain.sh's defaults (30 nightly runs) and its month of margin: a checkpoint drops
    // the record of a file removed longer ago, and a maintenance would then take the file for a
    // stray and delete it by its age alone, though a kept run needs it. Maintenance then sets both
    // per table (MaintainJob.retentionProperties).
    String newTables = "interval " + Retention.NEW_TABLE_DAYS + " days";
    conf.setIfMissing(TABLE_DEFAULTS + Retention.DELETED_FILES, newTables);
    conf.setIfMissing(TABLE_DEFAULTS + Retention.LOG, newTables);
    conf.setIfMissing("spark.sql.session.timeZone", "UTC");
    // In a JVM whose default zone is not UTC (a county's machine keeps Asia/Shanghai), Delta checks
    // the file list it keeps in each commit's checksum against a state reconstruction of the table
    // after every commit, a Spark job each: the Xing correction ran 7 more jobs and took about 5 s
    // longer. The check guards timestamps before 1883, which the job's tables never hold (their
    // timestamps are run and erasure times); in UTC Delta does not make it (docs/decisions.md,
    // "Delta's check of each commit in a JVM not on UTC")
    conf.setIfMissing(NON_UTC_COMMIT_CHECK_KEY, "false");
    conf.setIfMissing("spark.sql.ansi.enabled", "true");
    conf.setIfMissing("spark.databricks.delta.schema.autoMerge.enabled", "false");
    // A run is some two hundred small queries (Delta's own among them) and one large statement of
    // about fifty shuffles; the driver's planning, not the rows, takes most of its time (measured:
    // docs/decisions.md, "Speed"). Adaptive execution re-optimises the whole remaining plan after
    // every shuffle: off by default, the Xing sample's fresh run averaged 135 s instead of 145 s
    // with the same exports. A cluster with a province's rows may turn it on with --conf.
    conf.setIfMissing("spark.sql.adaptive.enabled", "false");
    // Every query start writes its plan into a listener event, UI or not; "formatted" (Spark's
    // default) numbers and details every node of the large statement, "simple" is one tree.
    conf.setIfMissing("spark.sql.ui.explainMode", "simple");
    // Files of at most this many rows in every table: a MERGE rewrites each file holding a
    // corrected key, so a correction of a few rows rewrites a few files of this size, not a
    // quarter of a table per shuffle partition (docs/decisions.md, "Rows per file")
    conf.setIfMissing(MAX_RECORDS_PER_FILE_KEY, String.valueOf(ROWS_PER_FILE));
    // Spark broadcasts a join's side whose estimated size is under its threshold (10 MB), the
    // estimate of a table being its Parquet files' size. The clean tables' rows take 16 to 20
    // times as much memory in a broadcast hash table as in their files (the Xing insurance rows:
    // 6.9 MiB estimated, 112 MiB broadcast), so a county's person-level tables were broadcast
    // whole through the driver, which then needed more memory as the counties grew. Estimates
    // of file sizes times this factor are about the rows' size in memory (docs/decisions.md,
    // "What a broadcast may hold")
    conf.setIfMissing(FILE_COMPRESSION_FACTOR_KEY, String.valueOf(FILE_COMPRESSION_FACTOR));
    // A source's parsed rows are cached; what does not fit in memory is kept on disk, written by
    // Spark's Java serializer one batch of rows at a time (some 4,500 rows, 3.4 MB of the raw
    // fields). Read back, Java serialization keeps every object it has read until the writer's next
    // reset of the stream, by Spark's default every 100 objects: a task reading a partition back
    // held all its batches so far (two tasks 397 MB when four counties ran out of a 1.2 GB heap).
    // Reset after each batch, the stream holds one (docs/decisions.md, "What a task holds")
    conf.setIfMissing(OBJECT_STREAM_RESET_KEY, String.valueOf(OBJECT_STREAM_RESET));
    // compiled code of the run's many distinct queries kept for the run (Spark keeps 100)
    conf.setIfMissing("spark.sql.codegen.cache.maxEntries", "5000");
    // every file the job creates through Hadoop starts owner-only; WarehouseModes widens the
    // zones that may be shared once a run has committed (the raw zone never)
    conf.setIfMissing("spark.hadoop." + WarehouseModes.UMASK_KEY, "077");
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    if (isLocal(conf)) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.ui.enabled", "false");
      // file: paths without a chmod or readlink process per file (org.ruralstats.localfs): a
      // Delta append of a few rows took twice as long with them. Local mode only: there the classes
      // are on the one JVM's class path; a cluster's executors would need the application jar to
      // load them.
      conf.setIfMissing(LOCAL_FS_KEY, ProcessFreeLocalFileSystem.class.getName());
      conf.setIfMissing(LOCAL_FC_KEY, ProcessFreeLocalFs.class.getName());
    }
    return conf;
  }

  /** Adds {@code entry} to the comma-separated list under {@code key} unless it is in it. */
  private static void addToList(SparkConf conf, String key, String entry) {
    String list = conf.get(key, "").trim();
    if (list.isEmpty()) {
      conf.set(key, entry);
    } else if (!List.of(list.split("\\s*,\\s*")).contains(entry)) {
      conf.set(key, list + "," + entry);
    }
  }

  /**
   * Whether the job runs in one local JVM: no master given, or {@code local}, {@code local[N]},
   * {@code local[*]}, {@code local[N,F]}. A {@code local-cluster[...]} master has separate executor
   * JVMs and counts as a cluster.
   */
  public static boolean isLocal(SparkConf conf) {
    String master = conf.get("spark.master", "local[*]").trim();
    return master.equals("local") || master.startsWith("local[");
  }
}
