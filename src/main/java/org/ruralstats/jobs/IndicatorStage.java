package org.ruralstats.jobs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.ruralstats.indicators.CatalogueDependencies;
import org.ruralstats.indicators.FactView;
import org.ruralstats.indicators.IndicatorCalculator;
import org.ruralstats.indicators.IndicatorCatalogue;
import org.ruralstats.ingest.CleanRows;
import org.ruralstats.ingest.SourceFileParser;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.ingest.contract.SourceSpec;
import org.ruralstats.warehouse.RunHistory;
import org.ruralstats.warehouse.Warehouse;

/**
 * The indicator stage of the nightly job: reads the clean tables, computes the catalogue and
 * publishes the indicator table in one Delta commit (earlier versions stay readable through Delta's
 * history). What it computes depends on what changed since the last published run ({@link
 * #update}): nothing when no clean table changed (no new version); only the fact groups that read a
 * changed clean table when the shared area views have the same rows (their indicators' rows
 * replaced); else the whole catalogue (the table replaced).
 */
public final class IndicatorStage {
  private final Warehouse warehouse;
  private final SourceContract contract;
  private final IndicatorCatalogue catalogue = IndicatorCatalogue.bundled();
  private final String definitionSql = new IndicatorCalculator(catalogue).definitionSql();

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
   * What {@link #update} did.
   *
   * @param plan what it computed and why
   * @param result what it published, null when it computed nothing
   * @param inputs the fingerprint of what the published table is computed from ({@link #inputs()}),
   *     to record with the run
   * @param areaViews the fingerprint of the shared area views the published table was computed with
   *     (null when not known), to record with the run
   */
  public record Outcome(IndicatorPlan plan, Result result, String inputs, String areaViews) {}

  /** A stage reading and writing {@code warehouse}. */
  public IndicatorStage(Warehouse warehouse, SourceContract contract) {
    this.warehouse = warehouse;
    this.contract = contract;
  }

  /**
   * A fingerprint (SHA-256) of everything the indicator table is computed from: the statement
   * ({@link IndicatorCalculator#definitionSql()}) and the version of every clean table (a clean
   * table changes version whenever a run changes its rows, and only then).
   */
  public String inputs() {
    return inputs(cleanVersions());
  }

  /** The fingerprint of {@link #inputs()} for the clean table versions given (absent: -1). */
  String inputs(Map<String, Long> versions) {
    StringBuilder b = new StringBuilder(definitionSql);
    for (SourceSpec spec : contract.sources()) {
      String table = Warehouse.clean(spec.name());
      b.append('\n').append(table).append('=').append(versions.getOrDefault(table, -1L));
    }
    return SourceFileParser.sha256(b.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The current version of every clean table (-1: absent), by table. */
  private Map<String, Long> cleanVersions() {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (SourceSpec spec : contract.sources()) {
      String table = Warehouse.clean(spec.name());
      versions.put(table, warehouse.version(table));
    }
    return versions;
  }

  /** Computes the whole catalogue and replaces the published indicator table. */
  public Result run() {
    long t0 = System.nanoTime();
    try (IndicatorCalculator.Prepared prepared =
        new IndicatorCalculator(catalogue).prepare(cleanTables())) {
      publish(prepared, IndicatorPlan.full(factNames(), "a full computation"));
    }
    return stats(t0);
  }

  /**
   * Brings the published indicator table up to date with the clean tables, given the last published
   * run ({@code published}, or null); reports the plan through {@code progress} before computing.
   *
   * <ul>
   *   <li>Nothing, when the published indicator table was computed from exactly these inputs and
   *       still stands at the version that run recorded.
   *   <li>Some fact groups, when that table was computed from the same statement over the clean
   *       table versions the run recorded, and the shared area views, computed over the current
   *       tables, have the rows that run recorded a fingerprint of: exactly the groups that read a
   *       changed table ({@link CatalogueDependencies#sourcesOf(IndicatorCatalogue, FactView)}).
   *   <li>Everything otherwise: a new warehouse, a run that did not record its inputs (erasure, key
   *       rotation, maintenance), a changed catalogue, changed areas.
   * </ul>
   */
  public Outcome update(RunHistory.Run published, Consumer<String> progress) {
    long t0 = System.nanoTime();
    Map<String, Long> versions = cleanVersions();
    String inputs = inputs(versions);
    List<String> all = factNames();
    String run = published == null ? "" : "run " + published.runId();
    String fullReason = fullReason(published, inputs, run);
    if (fullReason == null && inputs.equals(published.indicatorInputs())) {
      IndicatorPlan plan =
          IndicatorPlan.nothing(
              all.size(),
              "no clean table changed since "
                  + run
                  + "; its indicator table stands (no new version)");
      progress.accept(plan.describe());
      return new Outcome(plan, null, inputs, published.areaViews());
    }
    Set<String> changed = fullReason == null ? changedSources(versions, published) : Set.of();
    List<String> touched = new ArrayList<>();
    for (FactView fact : catalogue.facts()) {
      if (!Collections.disjoint(CatalogueDependencies.sourcesOf(catalogue, fact), changed)) {
        touched.add(fact.name());
      }
    }
    String areaViews;
    IndicatorPlan plan;
    try (IndicatorCalculator.Prepared prepared =
        new IndicatorCalculator(catalogue).prepare(cleanTables())) {
      areaViews = fingerprint(prepared.viewFingerprints());
      if (fullReason == null) {
        fullReason = viewsChanged(published, areaViews, run);
      }
      String why = "changed since " + run + ": " + String.join(", ", changed);
      if (fullReason != null) {
        plan = IndicatorPlan.full(all, fullReason);
      } else if (touched.isEmpty()) {
        plan =
            IndicatorPlan.nothing(
                all.size(),
                "no group reads a table "
                    + why
                    + ", and the shared views have the same rows; the indicator table stands (no"
                    + " new version)");
      } else if (touched.size() == all.size()) {
        plan = IndicatorPlan.full(all, "every group reads a table " + why);
      } else {
        plan =
            new IndicatorPlan(
                touched,
                false,
                all.size(),
                "the groups reading a table " + why + " (the shared views have the same rows)");
      }
      progress.accept(plan.describe());
      if (plan.isNothing()) {
        return new Outcome(plan, null, inputs, areaViews);
      }
      publish(prepared, plan);
    }
    return new Outcome(plan, stats(t0), inputs, areaViews);
  }

  /**
   * Why the published table cannot be updated group by group (null when it can): no earlier table,
   * a run that recorded no inputs, a table moved since, or a changed statement (the fingerprint of
   * the recorded versions under the current statement is not the recorded one).
   */
  private String fullReason(RunHistory.Run published, String inputs, String run) {
    if (published == null || published.indicatorInputs() == null) {
      return "no indicator table of an earlier nightly run to update";
    }
    Long indicatorsAt = published.tableVersions().get(Warehouse.INDICATORS);
    if (indicatorsAt == null || indicatorsAt != warehouse.version(Warehouse.INDICATORS)) {
      return "the indicator table is not at the version " + run + " published";
    }
    if (!inputs.equals(published.indicatorInputs())
        && !published.indicatorInputs().equals(inputs(published.tableVersions()))) {
      return "the indicator catalogue changed since " + run;
    }
    return null;
  }

  /**
   * The sources whose clean table (at {@code current}, by table) is not at the version {@code
   * published} recorded.
   */
  private Set<String> changedSources(Map<String, Long> current, RunHistory.Run published) {
    Set<String> changed = new LinkedHashSet<>();
    for (SourceSpec spec : contract.sources()) {
      String table = Warehouse.clean(spec.name());
      if (!current.get(table).equals(published.tableVersions().getOrDefault(table, -1L))) {
        changed.add(spec.name());
      }
    }
    return changed;
  }

  /** Null when the shared views have the rows {@code published} recorded; else which changed. */
  private static String viewsChanged(RunHistory.Run published, String areaViews, String run) {
    if (published.areaViews() == null) {
      return run + " recorded no fingerprint of the shared area views";
    }
    if (published.areaViews().equals(areaViews)) {
      return null;
    }
    List<String> before = List.of(published.areaViews().split(";"));
    List<String> differ =
        List.of(areaViews.split(";")).stream()
            .filter(v -> !before.contains(v))
            .map(v -> v.substring(0, v.indexOf('=')))
            .toList();
    return "the rows of the shared view(s) " + String.join(", ", differ) + " changed since " + run;
  }

  /** The fingerprints of the shared views as one string: {@code name=fingerprint;…}. */
  private static String fingerprint(Map<String, String> views) {
    return views.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(";"));
  }

  /** Computes the plan's groups and writes them in one commit. */
  private void publish(IndicatorCalculator.Prepared prepared, IndicatorPlan plan) {
    Dataset<Row> indicators = prepared.compute(plan.facts());
    if (plan.full()) {
      warehouse.overwrite(Warehouse.INDICATORS, indicators);
    } else {
      String codes =
          CatalogueDependencies.withFacts(catalogue, plan.facts()).codes().stream()
              .map(Warehouse::literal)
              .collect(Collectors.joining(", "));
      warehouse.replaceWhere(Warehouse.INDICATORS, indicators, "indicator_code IN (" + codes + ")");
    }
  }

  private Map<String, Dataset<Row>> cleanTables() {
    Map<String, Dataset<Row>> clean = new LinkedHashMap<>();
    for (SourceSpec spec : contract.sources()) {
      clean.put(
          spec.name(), warehouse.readOrEmpty(Warehouse.clean(spec.name()), CleanRows.schema(spec)));
    }
    return clean;
  }

  private Result stats(long t0) {
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

  private List<String> factNames() {
    return catalogue.facts().stream().map(FactView::name).toList();
  }
}
