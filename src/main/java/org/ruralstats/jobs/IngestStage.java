package org.ruralstats.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.ruralstats.errors.RuralStatsErrors;
import org.ruralstats.ingest.CleanRows;
import org.ruralstats.ingest.DivisionRules;
import org.ruralstats.ingest.LandingFile;
import org.ruralstats.ingest.LandingFolder;
import org.ruralstats.ingest.ParsedRecords;
import org.ruralstats.ingest.Pseudonymizer;
import org.ruralstats.ingest.SourceFileParser;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.ingest.contract.SourceSpec;
import org.ruralstats.privacy.ErasedPersons;
import org.ruralstats.privacy.ErasureTokens;
import org.ruralstats.quality.FileLedger;
import org.ruralstats.warehouse.Warehouse;

/**
 * The ingest stage of the nightly job: wires the landing folder reader, the contract checks and the
 * warehouse writers. Divisions are loaded first; every other source's village codes are then
 * checked against the dictionary as it stands. Per source, the newest valid row per key is merged
 * into its clean table; then the raw zone, the rejects, the file ledger and the orphan list are
 * written. Atomicity across tables is the caller's {@code RunTransaction}.
 */
public final class IngestStage {
  private final Warehouse warehouse;
  private final SourceContract contract;
  private final Pseudonymizer pseudonymizer;
  private final String runId;
  private final Consumer<String> progress;
  private final int parallelism;
  private final ErasureTokens tokens;
  private Set<String> erased = Set.of();

  /**
   * @param warehouse where the tables are
   * @param contract the source contract
   * @param pseudonymizer replaces ID numbers
   * @param runId this run's id
   * @param progress receives one human-readable line per step (from several threads)
   * @param parallelism how many sources are ingested at the same time
   */
  public IngestStage(
      Warehouse warehouse,
      SourceContract contract,
      Pseudonymizer pseudonymizer,
      String runId,
      Consumer<String> progress,
      int parallelism) {
    this.warehouse = warehouse;
    this.contract = contract;
    this.pseudonymizer = pseudonymizer;
    this.runId = runId;
    Object lock = new Object();
    this.progress =
        line -> {
          synchronized (lock) {
            progress.accept(line);
          }
        };
    this.parallelism = Math.max(1, parallelism);
    this.tokens = pseudonymizer.erasureTokens();
  }

  /** Every table the ingest stage writes. */
  public static List<String> tables(SourceContract contract) {
    List<String> t = new ArrayList<>();
    contract.sources().forEach(s -> t.add(Warehouse.clean(s.name())));
    t.add(Warehouse.RAW_ROWS);
    t.add(Warehouse.REJECTS);
    t.add(Warehouse.FILE_LEDGER);
    t.add(Warehouse.ORPHANS);
    return t;
  }

  /** Every table a run of any job may write (except the runs table): ingest, indicators, audit. */
  public static List<String> allTables() {
    List<String> t = new ArrayList<>(tables(SourceContract.standard()));
    t.add(Warehouse.INDICATORS);
    t.add(Warehouse.ERASURES);
    return t;
  }

  /** What ingesting one source produced. */
  private record SourceResult(
      IngestReport.SourceSummary summary,
      List<IngestReport.FileResult> files,
      List<Row> outcomes,
      Dataset<Row> parsed) {}

  /**
   * Ingests the landing folder: divisions first, then the other sources, {@code parallelism} at a
   * time (each source is a few small Spark jobs; running two side by side keeps both cores busy).
   */
  public IngestReport run(LandingFolder landing) {
    DeliveredFiles ledger = DeliveredFiles.read(warehouse, landing, contract);
    ledger.checkLayout(landing, contract);
    erased = ErasedPersons.tokens(warehouse);
    for (String notice : landing.notices()) {
      progress.accept("  note: " + notice);
    }
    List<String> ignored = new ArrayList<>();
    for (String county : landing.counties()) {
      for (SourceSpec spec : contract.sources()) {
        for (String entry : landing.ignored(county, spec.name())) {
          String where = LandingFile.displayName(county, spec.name() + "/" + entry);
          ignored.add(where);
          progress.accept(ignoredLine(where));
        }
      }
    }
    Map<String, List<IngestReport.FileResult>> unchanged =
        ledger.unchangedSources(landing, contract);
    List<SourceResult> results = new ArrayList<>();
    try {
      SourceSpec divisions = contract.source(SourceContract.DIVISIONS);
      results.add(
          ingestSource(
              landing,
              divisions,
              VillageDictionary.broadcast(warehouse, Map.of()),
              ledger,
              unchanged));
      boolean anyToParse =
          contract.sources().stream()
              .anyMatch(s -> s != divisions && !unchanged.containsKey(s.name()));
      // no village code is checked when no file is parsed: the dictionary is not read
      Map<String, Set<String>> villages =
          anyToParse ? VillageDictionary.read(warehouse, contract) : Map.of();
      for (String county : anyToParse ? landing.counties() : List.<String>of()) {
        if (!villages.containsKey(county)) {
          progress.accept(
              "  warning: the division dictionary"
                  + (county.isEmpty() ? "" : " of county " + county)
                  + " has no villages: every village code"
                  + (county.isEmpty() ? "" : " of that county")
                  + " will be rejected; deliver "
                  + (county.isEmpty() ? "" : county + "/")
                  + "divisions/ first");
        }
      }
      Broadcast<Map<String, Set<String>>> villageCodes =
          VillageDictionary.broadcast(warehouse, villages);
      List<Callable<SourceResult>> tasks = new ArrayList<>();
      for (SourceSpec spec : contract.sources()) {
        if (spec != divisions) {
          tasks.add(() -> ingestSource(landing, spec, villageCodes, ledger, unchanged));
        }
      }
      results.addAll(runAll(tasks));
      List<Row> outcomes = new ArrayList<>();
      List<Dataset<Row>> parsedAll = new ArrayList<>();
      for (SourceResult r : results) {
        outcomes.addAll(r.outcomes());
        if (r.parsed() != null) {
          parsedAll.add(r.parsed());
        }
      }
      boolean waterChanged =
          results.stream()
              .anyMatch(
                  r ->
                      r.summary().processed() > 0
                          && (r.summary().source().equals("water_projects")
                              || r.summary().source().equals("water_project_villages")));
      // raw rows, rejects, ledger and orphans are four independent tables
      QualityWrites quality = new QualityWrites(warehouse, contract, runId);
      List<Callable<Long>> writes = new ArrayList<>(quality.writes(parsedAll, outcomes));
      writes.add(() -> quality.writeOrphans(waterChanged));
      List<Long> written = runAll(writes);
      long orphans = written.get(written.size() - 1);
      if (orphans > 0) {
        progress.accept(
            "  "
                + orphans
                + " water_project_villages row(s) wait for their project (listed in "
                + Warehouse.ORPHANS
                + ")");
      }
      return new IngestReport(
          results.stream().map(SourceResult::summary).toList(),
          results.stream().flatMap(r -> r.files().stream()).toList(),
          orphans,
          ignored);
    } finally {
      results.stream()
          .map(SourceResult::parsed)
          .filter(java.util.Objects::nonNull)
          .forEach(Dataset::unpersist);
    }
  }

  /**
   * Runs independent tasks {@code parallelism} at a time and returns their results in order. A
   * failure is rethrown only once every task has stopped, so nothing is still writing when the
   * caller rolls the run back: the first in order, unless another ran out of memory (Spark then
   * stops, and the other tasks fail only because it stopped), the others added as suppressed.
   */
  private <T> List<T> runAll(List<Callable<T>> tasks) {
    ExecutorService pool = Executors.newFixedThreadPool(parallelism);
    List<T> out = new ArrayList<>();
    RuntimeException failure = null;
    try {
      for (Future<T> f : pool.invokeAll(tasks)) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          RuntimeException failed =
              e.getCause() instanceof RuntimeException re
                  ? re
                  : new IllegalStateException(e.getCause());
          if (failure == null) {
            failure = failed;
          } else if (RuralStatsErrors.outOfMemory(failure) == null
              && RuralStatsErrors.outOfMemory(failed) != null) {
            failed.addSuppressed(failure);
            failure = failed;
          } else {
            failure.addSuppressed(failed);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the ingest was interrupted", e);
    } finally {
      pool.shutdown();
    }
    if (failure != null) {
      throw failure;
    }
    return out;
  }

  private SourceResult ingestSource(
      LandingFolder landing,
      SourceSpec spec,
      Broadcast<Map<String, Set<String>>> villages,
      DeliveredFiles ledger,
      Map<String, List<IngestReport.FileResult>> unchanged) {
    long t0 = System.nanoTime();
    List<LandingFile> files = landing.files(spec.name());
    if (files.isEmpty()) {
      progress.accept(String.format("  %-24s no files", spec.name()));
      return new SourceResult(
          new IngestReport.SourceSummary(spec.name(), 0, 0, 0, 0, 0, 0),
          List.of(),
          List.of(),
          null);
    }
    List<IngestReport.FileResult> known = unchanged.get(spec.name());
    if (known != null) {
      return reported(
          new IngestReport.SourceSummary(
              spec.name(), files.size(), 0, 0, 0, 0, (System.nanoTime() - t0) / 1e9),
          known,
          List.of(),
          null);
    }
    SourceFileParser parser =
        new SourceFileParser(spec, villages, pseudonymizer, ledger.known(spec.name()));
    Dataset<Row> parsed = landing.parse(files, parser);
    if (spec.name().equals(SourceContract.DIVISIONS)) {
      parsed =
          DivisionRules.apply(
              parsed, warehouse.readOrEmpty(Warehouse.clean(spec.name()), CleanRows.schema(spec)));
    }
    parsed = ErasedPersons.setAside(warehouse, spec, parsed, pseudonymizer, tokens, erased);
    parsed = parsed.persist(StorageLevel.MEMORY_AND_DISK());

    // One row per file: small, bounded by the number of files, whatever their size.
    List<Row> fileRows = FileLedger.fileOutcomes(parsed).collectAsList();
    List<IngestReport.FileResult> fileResults = new ArrayList<>();
    long accepted = 0;
    long read = 0;
    long rejected = 0;
    int processed = 0;
    int rejectedFiles = 0;
    for (Row r : fileRows) {
      String status = r.getAs("file_status");
      read += r.<Long>getAs("rows_read");
      accepted += r.<Long>getAs("rows_accepted");
      rejected += r.<Long>getAs("rows_rejected");
      if (!ParsedRecords.FILE_UNCHANGED.equals(status)) {
        processed++;
      }
      boolean rejectedNow = ParsedRecords.FILE_REJECTED.equals(status);
      rejectedFiles += rejectedNow ? 1 : 0;
      Row before =
          ledger.entry(
              spec.name(), r.getAs("county_code"), r.getAs("file_name"), r.getAs("content_hash"));
      boolean standsRejected =
          rejectedNow
              || (ParsedRecords.FILE_UNCHANGED.equals(status)
                  && before != null
                  && FileLedger.REJECTED.equals(before.getAs("status")));
      String reason =
          rejectedNow ? r.getAs("reason") : before == null ? null : before.getAs("reason");
      fileResults.add(
          new IngestReport.FileResult(
              r.getAs("county_code"),
              spec.name(),
              r.getAs("file_name"),
              status,
              standsRejected,
              reason,
              r.<Long>getAs("rows_read"),
              r.<Long>getAs("rows_rejected")));
    }
    if (accepted > 0) {
      warehouse.mergeByKey(
          Warehouse.clean(spec.name()),
          CleanRows.newestPerKey(spec, CleanRows.typed(spec, parsed, runId)),
          CleanRows.key(spec));
    }
    return reported(
        new IngestReport.SourceSummary(
            spec.name(),
            files.size(),
            processed,
            rejectedFiles,
            read,
            rejected,
            (System.nanoTime() - t0) / 1e9),
        fileResults,
        fileRows,
        parsed);
  }

  /** Prints a source's progress line and returns its result. */
  private SourceResult reported(
      IngestReport.SourceSummary s,
      List<IngestReport.FileResult> files,
      List<Row> outcomes,
      Dataset<Row> parsed) {
    progress.accept(
        String.format(
            "  %-24s %3d file(s), %3d new or changed, %8d rows read, %6d rejected%s  %6.1f s",
            s.source(),
            s.files(),
            s.processed(),
            s.rowsRead(),
            s.rowsRejected(),
            s.rejectedFiles() > 0 ? ", " + s.rejectedFiles() + " FILE(S) REJECTED" : "",
            s.seconds()));
    return new SourceResult(s, files, outcomes, parsed);
  }

  /** The progress line of an entry of a source folder that is not read. */
  static String ignoredLine(String where) {
    return "  IGNORED "
        + where
        + ": not a .csv file, so not read (deliver extracts as uncompressed .csv)";
  }
}
