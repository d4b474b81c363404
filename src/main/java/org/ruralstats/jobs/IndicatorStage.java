package org.ruralstats.jobs;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.ruralstats.indicators.IndicatorCalculator;
import org.ruralstats.indicators.IndicatorCatalogue;
import org.ruralstats.ingest.CleanRows;
import org.ruralstats.ingest.SourceFileParser;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.ingest.contract.SourceSpec;
import org.ruralstats.warehouse.RunHistory;
import org.ruralstats.warehouse.Warehouse;

/**
 * The indicator stage of the nightly job: reads the clean tables, computes the whole catalogue and
 * replaces the published indicator table in one Delta commit (earlier versions stay readable
 * through Delta's history). When nothing it is computed from changed since the last published run
 * (the same statement over the same clean table versions, see {@link #inputs()}), it leaves the
 * table as it is: no computation, no new version.
 */
public final class IndicatorStage {
  private final Warehouse warehouse;
  private final SourceContract contract;

  /**
   * What the stage published.
   *
   * @param rows indicator rows
   * @param indicators distinct indicator codes
   * @param areas distinct areas
   * @param years the years, e.g. {@code 2023-2024}
   * @param seconds wall time
   */
  public record Result(long rows, long indicators, long areas, String years, double seconds) {}

  /**
   * A fingerprint (SHA-256) of everything the indicator table is computed from: the statement
   * ({@link IndicatorCalculator#definitionSql()}) and the version of every clean table (a clean
   * table changes version whenever a run changes its rows, and only then).
   */
  public String inputs() {
    StringBuilder b =
        new StringBuilder(new IndicatorCalculator(IndicatorCatalogue.bundled()).definitionSql());
    for (SourceSpec spec : contract.sources()) {
      String table = Warehouse.clean(spec.name());
      b.append('\n').append(table).append('=').append(warehouse.version(table));
    }
    return SourceFileParser.sha256(b.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether the published indicator table of {@code published} (the last published run, or null)
   * was computed from exactly {@code inputs} and still stands at the version that run recorded.
   */
  public boolean upToDate(RunHistory.Run published, String inputs) {
    if (published == null || !inputs.equals(published.indicatorInputs())) {
      return false;
    }
    Long recorded = published.tableVersions().get(Warehouse.INDICATORS);
    return recorded != null && recorded == warehouse.version(Warehouse.INDICATORS);
  }

  /** A stage reading and writing {@code warehouse}. */
  public IndicatorStage(Warehouse warehouse, SourceContract contract) {
    this.warehouse = warehouse;
    this.contract = contract;
  }

  /** Computes and publishes the indicators. */
  public Result run() {
    long t0 = System.nanoTime();
    Map<String, Dataset<Row>> clean = new LinkedHashMap<>();
    for (SourceSpec spec : contract.sources()) {
      clean.put(
          spec.name(), warehouse.readOrEmpty(Warehouse.clean(spec.name()), CleanRows.schema(spec)));
    }
    Dataset<Row> indicators = new IndicatorCalculator(IndicatorCatalogue.bundled()).compute(clean);
    warehouse.overwrite(Warehouse.INDICATORS, indicators);
    Row stats =
        warehouse
            .read(Warehouse.INDICATORS)
            .agg(
                functions.count(functions.lit(1)),
                functions.countDistinct(functions.col("indicator_code")),
                functions.countDistinct(functions.col("area_code")),
                functions.min("year"),
                functions.max("year"))
            .first();
    String years = stats.isNullAt(3) ? "none" : stats.get(3) + "-" + stats.get(4);
    return new Result(
        stats.getLong(0),
        stats.getLong(1),
        stats.getLong(2),
        years,
        (System.nanoTime() - t0) / 1e9);
  }
}
