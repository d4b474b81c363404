package org.ruralstats.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The data-quality panel: files and rows loaded per source, rejected rows by source and reason,
 * files standing rejected, orphans, and the run and table version the report was built from.
 * Everything is aggregated in Spark; only the small aggregates reach the driver.
 */
public final class QualityPanel {
  private QualityPanel() {}

  /**
   * The panel's figures.
   *
   * @param loaded per source: source, file versions processed, rows read, accepted, rejected
   * @param rejectsByReason per source and reason code: source, reason_code, rows
   * @param rejectedFiles files standing rejected as a whole: source, file, reason_code
   * @param orphans water-project village rows waiting for their project
   * @param runId the latest successful run, or null
   * @param runFinished when it finished, on the readers' clock ({@link
   *     PublishedTables#runFinished}), or null
   * @param indicatorsVersion the Delta version of the indicator table read
   */
  public record Data(
      List<Row> loaded,
      List<Row> rejectsByReason,
      List<Row> rejectedFiles,
      long orphans,
      String runId,
      String runFinished,
      long indicatorsVersion) {}

  /** Reads the panel's figures. */
  public static Data load(PublishedTables tables) {
    long version = tables.indicatorsVersion();
    Dataset<Row> ledger = tables.fileLedger();
    List<Row> loaded =
        ledger == null
            ? List.of()
            : ledger
                .groupBy("source")
                .agg(
                    count(lit(1)).as("files"),
                    sum("rows_read"),
                    sum("rows_accepted"),
                    sum("rows_rejected"))
                .orderBy("source")
                .collectAsList();
    Dataset<Row> rejects = tables.rejects();
    List<Row> byReason =
        rejects == null
            ? List.of()
            : rejects
                .filter(col("line").isNotNull())
                .groupBy("source", "reason_code")
                .agg(count(lit(1)).as("rows"))
                .orderBy("source", "reason_code")
                .collectAsList();
    List<Row> files =
        rejects == null
            ? List.of()
            : rejects
                .filter(col("line").isNull())
                .select("source", "file", "reason_code")
                .orderBy("source", "file")
                .limit(200)
                .collectAsList();
    Dataset<Row> orphans = tables.orphans();
    long orphanCount = orphans == null ? 0 : orphans.count();
    String runId = tables.runId();
    String finished = tables.runFinished();
    return new Data(loaded, byReason, files, orphanCount, runId, finished, version);
  }
}
