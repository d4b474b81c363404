package org.ruralstats.warehouse;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The warehouse folder and every read and write of its Delta tables: the one place where the
 * pipeline touches storage. Paths are Hadoop paths (local folder, HDFS, object store). Tables are
 * named by their path under the warehouse, e.g. {@code clean/roster}.
 */
public final class Warehouse {
  /** The restricted raw zone: every delivered row as delivered. */
  public static final String RAW_ROWS = "raw/rows";

  /** Rejected rows and files. */
  public static final String REJECTS = "quality/rejects";

  /** Every processed file with its counts. */
  public static final String FILE_LEDGER = "quality/file_ledger";

  /** Water-project village rows whose project is not (yet) listed. */
  public static final String ORPHANS = "quality/orphans";

  /** The published indicator table. */
  public static final String INDICATORS = "published/indicators";

  /**
   * The erasure audit: one row per person erased on request (pseudonym, time, reason, rows removed,
   * erasure token; never the ID).
   */
  public static final String ERASURES = "meta/erasures";

  /** One row per successful run: the commit point of the run. */
  public static final String RUNS = "meta/runs";

  private final SparkSession spark;
  private final String root;

  /** A warehouse rooted at {@code root} (created on first write). */
  public Warehouse(SparkSession spark, String root) {
    this.spark = spark;
    this.root = rootOf(root);
  }

  /** A warehouse folder as the job names it: without a trailing slash. */
  public static String rootOf(String root) {
    return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  /** The clean table of a source. */
  public static String clean(String source) {
    return "clean/" + source;
  }

  /** The warehouse root. */
  public String root() {
    return root;
  }

  /** The session the warehouse reads and writes with. */
  public SparkSession spark() {
    return spark;
  }

  /** The full path of a table. */
  public String path(String table) {
    return root + "/" + table;
  }

  /** Whether the table exists as a Delta table (it has at least one commit). */
  public boolean exists(String table) {
    return version(table) >= 0;
  }

  /** Reads the current version of a table. */
  public Dataset<Row> read(String table) {
    return spark.read().format("delta").load(path(table));
  }

  /** Reads a table, or an empty dataset of {@code schema} when it does not exist yet. */
  public Dataset<Row> readOrEmpty(String table, StructType schema) {
    return exists(table) ? read(table) : spark.createDataFrame(List.of(), schema);
  }

  /**
   * The current version of a table, or -1 when it does not exist: the number of the newest commit
   * file in its {@code _delta_log} (a listing, much cheaper than loading the table's snapshot).
   */
  public long version(String table) {
    return latestVersion(spark.sparkContext().hadoopConfiguration(), path(table));
  }

  /**
   * The current version of the Delta table at {@code tablePath}, or -1 when it does not exist, read
   * from a listing of its {@code _delta_log} (no Spark needed).
   */
  public static long latestVersion(Configuration conf, String tablePath) {
    Path log = new Path(tablePath, "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(conf);
      if (!fs.exists(log)) {
        return -1;
      }
      long newest = -1;
      for (FileStatus st : fs.listStatus(log)) {
        String name = st.getPath().getName();
        if (name.length() == 25 && name.endsWith(".json")) {
          try {
            newest = Math.max(newest, Long.parseLong(name.substring(0, 20)));
          } catch (NumberFormatException notACommit) {
            // not a commit file
          }
        }
      }
      return newest;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + log, e);
    }
  }

  /**
   * When a version of a table was committed (its commit file's modification time, ms), or -1 when
   * that commit file is gone (cleaned up) or unreadable. Tells a table rebuilt at the same path
   * from the one it replaced, whose version numbers may be the same.
   */
  public long commitTime(String table, long version) {
    Path commit = commitFile(table, version);
    try {
      return commit
          .getFileSystem(spark.sparkContext().hadoopConfiguration())
          .getFileStatus(commit)
          .getModificationTime();
    } catch (IOException e) {
      return -1;
    }
  }

  /** The commit file of a version of a table ({@code _delta_log/<version, 20 digits>.json}). */
  Path commitFile(String table, long version) {
    return new Path(path(table) + "/_delta_log", String.format("%020d.json", version));
  }

  /** Reads a table as of one of its versions. */
  public Dataset<Row> readAt(String table, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(path(table));
  }

  /**
   * The writers (run ids from the commit info's {@code userMetadata}, {@code "untagged"} when
   * absent) of the table's commits after {@code version}, each once, oldest first; empty when the
   * table is not ahead of {@code version} (-1: every commit).
   */
  public List<String> writersAfter(String table, long version) {
    if (version(table) <= version) {
      return List.of();
    }
    return DeltaTable.forPath(spark, path(table))
        .history()
        .filter(org.apache.spark.sql.functions.col("version").gt(version))
        .orderBy("version")
        .select("userMetadata")
        .collectAsList()
        .stream()
        .map(r -> r.isNullAt(0) ? "untagged" : r.getString(0))
        .distinct()
        .toList();
  }

  /** Appends rows (creates the table when absent). */
  public void append(String table, Dataset<Row> rows) {
    rows.write().format("delta").mode(SaveMode.Append).save(path(table));
    CommitPoints.reached(table);
  }

  /** Appends rows, adding any new column of {@code rows} to the table's schema. */
  public void appendMergingSchema(String table, Dataset<Row> rows) {
    rows.write()
        .format("delta")
        .mode(SaveMode.Append)
        .option("mergeSchema", "true")
        .save(path(table));
    CommitPoints.reached(table);
  }

  /** Replaces the whole table content in one commit (creates the table when absent). */
  public void overwrite(String table, Dataset<Row> rows) {
    rows.write()
        .format("delta")
        .mode(SaveMode.Overwrite)
        .option("overwriteSchema", "true")
        .save(path(table));
    CommitPoints.reached(table);
  }

  /**
   * Replaces the rows matching {@code predicate} by {@code rows} in one commit; every new row must
   * match the predicate.
   */
  public void replaceWhere(String table, Dataset<Row> rows, String predicate) {
    if (!exists(table)) {
      append(table, rows);
      return;
    }
    rows.write()
        .format("delta")
        .mode(SaveMode.Overwrite)
        .option("replaceWhere", predicate)
        .save(path(table));
    CommitPoints.reached(table);
  }

  /**
   * Upserts rows by key in one commit: a row whose key exists replaces it, a new key is inserted.
   * Creates the table when absent. {@code rows} must hold at most one row per key.
   */
  public void mergeByKey(String table, Dataset<Row> rows, List<String> key) {
    if (!exists(table)) {
      append(table, rows);
      return;
    }
    String on =
        key.stream().map(k -> "t.`" + k + "` = s.`" + k + "`").collect(Collectors.joining(" AND "));
    DeltaTable.forPath(spark, path(table))
        .as("t")
        .merge(rows.as("s"), on)
        .whenMatched()
        .updateAll()
        .whenNotMatched()
        .insertAll()
        .execute();
    CommitPoints.reached(table);
  }

  /**
   * Deletes the rows matching {@code condition} in one commit; when the table uses deletion
   * vectors, the files are then rewritten without those rows (REORG ... APPLY (PURGE)), so no live
   * file still holds them.
   */
  public void delete(String table, org.apache.spark.sql.Column condition) {
    DeltaTable.forPath(spark, path(table)).delete(condition);
    CommitPoints.reached(table);
    purgeDeletionVectors(table);
  }

  /** Deletes the rows whose {@code key} columns equal those of a row of {@code keys}. */
  public void deleteMatching(String table, Dataset<Row> keys, List<String> key) {
    String on =
        key.stream().map(k -> "t.`" + k + "` = s.`" + k + "`").collect(Collectors.joining(" AND "));
    DeltaTable.forPath(spark, path(table))
        .as("t")
        .merge(keys.as("s"), on)
        .whenMatched()
        .delete()
        .execute();
    CommitPoints.reached(table);
    purgeDeletionVectors(table);
  }

  private void purgeDeletionVectors(String table) {
    String dv =
        DeltaTable.forPath(spark, path(table))
            .detail()
            .select("properties")
            .first()
            .<String, String>getJavaMap(0)
            .getOrDefault("delta.enableDeletionVectors", "false");
    if (dv.equalsIgnoreCase("true")) {
      spark.sql("REORG TABLE delta.`" + path(table) + "` APPLY (PURGE)");
    }
  }

  /** Restores a table to an earlier version (a new commit whose content is that version's). */
  public void restore(String table, long version) {
    DeltaTable.forPath(spark, path(table)).restoreToVersion(version);
    CommitPoints.reached("restore " + table);
  }

  /** Deletes a table's folder (used only for a table created by a run that did not finish). */
  public void drop(String table) {
    try {
      Path p = new Path(path(table));
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.delete(p, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path(table), e);
    }
  }

  /** Quotes a string as a SQL literal. */
  public static String literal(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
