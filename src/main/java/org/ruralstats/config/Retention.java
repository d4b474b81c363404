package org.ruralstats.config;

/**
 * How long the warehouse's Delta tables remember removed files and old commits, in one place: the
 * job's default for new tables ({@link SparkSessions}), what a maintenance sets on every table
 * ({@code MaintainJob}), and what the error of a run whose history is gone tells the reader.
 */
public final class Retention {
  /** Delta's retention of a removed file's record (its tombstone), a table property's name. */
  public static final String DELETED_FILES = "deletedFileRetentionDuration";

  /** Delta's retention of a table's commits, a table property's name. */
  public static final String LOG = "logRetentionDuration";

  /** Both retentions of a new table, in days (Delta's own defaults: 7 and 30). */
  public static final int NEW_TABLE_DAYS = 60;

  /** How much longer than the kept runs a maintenance makes both retentions, in days. */
  public static final int MARGIN_DAYS = 30;

  private Retention() {}

  /** The table property of a retention, e.g. {@code delta.logRetentionDuration}. */
  public static String property(String name) {
    return "delta." + name;
  }
}
