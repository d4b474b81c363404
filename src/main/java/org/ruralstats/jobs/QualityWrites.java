package org.ruralstats.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.ruralstats.ingest.CleanRows;
import org.ruralstats.ingest.ParsedRecords;
import org.ruralstats.ingest.RawRows;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.ingest.contract.SourceSpec;
import org.ruralstats.quality.FileLedger;
import org.ruralstats.quality.Orphans;
import org.ruralstats.quality.Rejects;
import org.ruralstats.warehouse.Warehouse;

/**
 * The ingest stage's writes after the clean tables: the raw zone, the rejects and the file ledger
 * (from every source's parsed rows and file outcomes), and the orphan list. Each is an independent
 * table, so the caller runs them side by side.
 */
final class QualityWrites {
  private final Warehouse warehouse;
  private final SourceContract contract;
  private final String runId;

  QualityWrites(Warehouse warehouse, SourceContract contract, String runId) {
    this.warehouse = warehouse;
    this.contract = contract;
    this.runId = runId;
  }

  /** The writes of raw rows, rejects and ledger entries (none when no file was new). */
  List<Callable<Long>> writes(List<Dataset<Row>> parsedAll, List<Row> outcomes) {
    List<Row> processed =
        outcomes.stream()
            .filter(r -> !ParsedRecords.FILE_UNCHANGED.equals(r.getAs("file_status")))
            .toList();
    if (processed.isEmpty() && warehouse.exists(Warehouse.REJECTS)) {
      return List.of(); // nothing new: the run changes nothing
    }
    Dataset<Row> all =
        parsedAll.isEmpty()
            ? warehouse.spark().createDataFrame(List.of(), ParsedRecords.SCHEMA)
            : parsedAll.stream().reduce(Dataset::unionAll).orElseThrow();
    List<Callable<Long>> writes = new ArrayList<>();
    writes.add(
        () -> {
          warehouse.append(Warehouse.RAW_ROWS, RawRows.from(all, runId));
          return 0L;
        });
    Dataset<Row> rejects = Rejects.from(all, runId);
    if (processed.isEmpty()) {
      writes.add(
          () -> {
            warehouse.append(Warehouse.REJECTS, rejects);
            return 0L;
          });
    } else {
      String predicate =
          processed.stream()
              .map(
                  r ->
                      "(county_code = "
                          + Warehouse.literal(r.getAs("county_code"))
                          + " AND source = "
                          + Warehouse.literal(r.getAs("source"))
                          + " AND file = "
                          + Warehouse.literal(r.getAs("file_name"))
                          + ")")
              .collect(Collectors.joining(" OR "));
      writes.add(
          () -> {
            warehouse.replaceWhere(Warehouse.REJECTS, rejects, predicate);
            return 0L;
          });
    }

    Dataset<Row> outcomeFrame =
        outcomes.isEmpty()
            ? FileLedger.fileOutcomes(
                warehouse.spark().createDataFrame(List.of(), ParsedRecords.SCHEMA))
            : warehouse.spark().createDataFrame(outcomes, outcomes.get(0).schema());
    writes.add(
        () -> {
          warehouse.append(Warehouse.FILE_LEDGER, FileLedger.entries(outcomeFrame, runId));
          return 0L;
        });
    return writes;
  }

  /** Recomputes the orphan list when a water file was processed; returns its size. */
  long writeOrphans(boolean waterChanged) {
    if (!waterChanged && warehouse.exists(Warehouse.ORPHANS)) {
      return warehouse.read(Warehouse.ORPHANS).count();
    }
    SourceSpec wpv = contract.source("water_project_villages");
    SourceSpec wp = contract.source("water_projects");
    Dataset<Row> orphans =
        Orphans.find(
            warehouse.readOrEmpty(Warehouse.clean(wpv.name()), CleanRows.schema(wpv)),
            warehouse.readOrEmpty(Warehouse.clean(wp.name()), CleanRows.schema(wp)));
    warehouse.overwrite(Warehouse.ORPHANS, orphans);
    return warehouse.read(Warehouse.ORPHANS).count();
  }
}
