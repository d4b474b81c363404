package org.ruralstats.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;

/**
 * Computes the published indicator table ({@link IndicatorTable#SCHEMA}) from the clean source
 * tables, as declared by an {@link IndicatorCatalogue}.
 *
 * <p>Usage: {@code new IndicatorCalculator(IndicatorCatalogue.bundled()).compute(cleanTables)},
 * where {@code cleanTables} maps each source name of the catalogue ({@code divisions}, {@code
 * roster}, {@code insurance}, …) to its clean table. The shared views are computed at once (they
 * are small: the area dimension); the rest of the result runs when it is written or collected.
 *
 * <p>How: the whole computation is one Spark SQL statement ({@link IndicatorSql}). Every fact view
 * gives a row per (fact row × area); all indicators of a fact are aggregated in one {@code GROUP BY
 * area_code, year}, left-joined to the spine of every area × every year of the fact's driving
 * source (zeros where nothing matches) and unpivoted with {@code stack} to one row per indicator.
 * The groups are unioned, rate values computed exactly, and the value of the same indicator and
 * area in exactly {@code year − 1} added as {@code prev_value}.
 */
public final class IndicatorCalculator {

  private final IndicatorCatalogue catalogue;

  /**
   * A calculator for the given catalogue (usually {@link IndicatorCatalogue#bundled()}).
   *
   * @throws IndicatorCatalogueException when the catalogue breaks a catalogue rule (a catalogue
   *     built in code rather than loaded is checked here)
   */
  public IndicatorCalculator(IndicatorCatalogue catalogue) {
    List<String> problems = CatalogueValidator.problems(catalogue);
    if (!problems.isEmpty()) {
      throw new IndicatorCatalogueException("(catalogue given to IndicatorCalculator)", problems);
    }
    this.catalogue = catalogue;
  }

  /**
   * Builds the indicator table from the clean tables.
   *
   * @param cleanTables source name → clean table (valid rows, after supersession), all of one
   *     SparkSession; every source the catalogue declares must be present with its declared columns
   *     and types (other columns, such as lineage columns, are ignored)
   * @return a Dataset with the columns of {@link IndicatorTable#SCHEMA}, one row per indicator,
   *     area and computed year; the shared views (the area dimension) are computed here, the rest
   *     runs when the result is written or collected
   * @throws IllegalArgumentException when a clean table or column is missing or mistyped, or when
   *     the catalogue's SQL does not compile against the tables (the message names the entry)
   */
  public Dataset<Row> compute(Map<String, Dataset<Row>> cleanTables) {
    try (Prepared prepared = prepare(cleanTables)) {
      return prepared.compute(catalogue.facts().stream().map(FactView::name).toList());
    }
  }

  /**
   * Computes the shared views over the clean tables ({@link #computeSharedViews}), for computing
   * the indicators of some or all fact groups with {@link Prepared#compute}; close it when done.
   *
   * @throws IllegalArgumentException as {@link #compute}
   */
  public Prepared prepare(Map<String, Dataset<Row>> cleanTables) {
    Map<String, Dataset<Row>> sources = selectSourceColumns(cleanTables);
    SparkSession spark = sources.values().iterator().next().sparkSession();
    Map<String, String> temporaryViewByName = new LinkedHashMap<>();
    Prepared prepared = new Prepared(spark, temporaryViewByName);
    try {
      bindSources(sources, temporaryViewByName);
      prepared.sourcesOnly.putAll(temporaryViewByName);
      computeSharedViews(spark, temporaryViewByName, prepared.sourcesOnly, prepared.views);
      return prepared;
    } catch (RuntimeException e) {
      prepared.close();
      throw e;
    }
  }

  /**
   * The clean tables bound to temporary views and the shared views computed over them. Its
   * temporary views live until {@link #close}; a Dataset computed before stays valid after.
   */
  public final class Prepared implements AutoCloseable {
    private final SparkSession spark;
    private final Map<String, String> temporaryViewByName;
    private final Map<String, String> sourcesOnly = new LinkedHashMap<>();
    private final Map<String, Dataset<Row>> views = new LinkedHashMap<>();

    private Prepared(SparkSession spark, Map<String, String> temporaryViewByName) {
      this.spark = spark;
      this.temporaryViewByName = temporaryViewByName;
    }

    /**
     * The indicator rows of the named fact groups (in the columns of {@link
     * IndicatorTable#SCHEMA}), lazy: each indicator's rows depend on its own group only, so they
     * are the rows a computation of the whole catalogue gives for those indicators.
     */
    public Dataset<Row> compute(Collection<String> factNames) {
      IndicatorCatalogue scope = CatalogueDependencies.withFacts(catalogue, factNames);
      try {
        return spark.sql(IndicatorSql.statement(scope, temporaryViewByName));
      } catch (Exception e) {
        throw CatalogueDiagnosis.diagnose(catalogue, spark, sourcesOnly, e);
      }
    }

    /**
     * A fingerprint of each shared view's rows, by view name, computed in one job: the number of
     * rows and two sums of a hash of every row (Spark's 64-bit xxHash and 32-bit Murmur3), so
     * independent of the rows' order and counting each duplicate. Equal fingerprints of the same
     * view mean the same rows but for a hash collision (about one chance in 2^64 per change).
     */
    public Map<String, String> viewFingerprints() {
      Dataset<Row> all = null;
      for (Map.Entry<String, Dataset<Row>> view : views.entrySet()) {
        Column[] columns =
            Arrays.stream(view.getValue().columns()).map(functions::col).toArray(Column[]::new);
        Dataset<Row> one =
            view.getValue()
                .agg(
                    functions.count(functions.lit(1)).cast("string").as("rows"),
                    functions
                        .sum(functions.xxhash64(columns).cast("decimal(38,0)"))
                        .cast("string")
                        .as("xx"),
                    functions
                        .sum(functions.hash(columns).cast("decimal(38,0)"))
                        .cast("string")
                        .as("mm"))
                .select(
                    functions.lit(view.getKey()).as("view"),
                    functions.concat_ws(
                        ":",
                        functions.col("rows"),
                        functions.coalesce(functions.col("xx"), functions.lit("0")),
                        functions.coalesce(functions.col("mm"), functions.lit("0"))));
        all = all == null ? one : all.union(one);
      }
      Map<String, String> out = new LinkedHashMap<>();
      if (all != null) {
        for (Row r : all.collectAsList()) { // one row per shared view
          out.put(r.getString(0), r.getString(1));
        }
      }
      return out;
    }

    /** Drops the temporary views (the clean tables' and the shared views'). */
    @Override
    public void close() {
      temporaryViewByName.values().forEach(view -> spark.catalog().dropTempView(view));
    }
  }

  /**
   * Computes each shared view once, in catalogue order, and binds its name to a temporary view of
   * its rows. The shared views are the area dimension (counties, areas, the areas of each village):
   * their rows grow with the division dictionaries, not with the source rows, and the statement
   * refers to them about forty times, each reference otherwise planning its own scans of every
   * clean table (the {@code counties} view reads all nine). Each view's rows are kept as one
   * partition: they are a few rows per division (a province's are some hundred thousand), and the
   * statement's every scan of a view would otherwise run one task per partition of the union behind
   * it (7 to 22 in the small landing's run, where one partition took the warm indicator stage from
   * 13.9 to 9.7 s, none of those tasks holding more than a handful of rows). The rows stay with the
   * executors ({@code localCheckpoint}); a run that loses one while the stage runs fails and leaves
   * the published tables as they were, as any failed run does.
   *
   * <p>Each view is cached and counted before it is checkpointed, so that the checkpoint carries
   * the view's real size and number of rows to the planner. Checkpointed straight away it carried
   * Spark's estimate of the query behind it, which multiplies the sizes of a join's sides: 71 GiB
   * for the Xing sample's 709 rows of {@code village_areas}. Spark then broadcast the other side of
   * each join with the views, a fact table of a county's persons, through the driver (112 MiB of
   * insurance rows for the Xing sample; docs/decisions.md, "What a broadcast may hold").
   */
  private void computeSharedViews(
      SparkSession spark,
      Map<String, String> temporaryViewByName,
      Map<String, String> temporaryViewBySource,
      Map<String, Dataset<Row>> computed) {
    String prefix = "ruralstats_view_" + UUID.randomUUID().toString().replace("-", "");
    List<CatalogueView> viewsSoFar = new ArrayList<>();
    for (CatalogueView view : catalogue.views()) {
      IndicatorCatalogue scope =
          new IndicatorCatalogue(catalogue.sources(), viewsSoFar, List.of(), List.of());
      Dataset<Row> rows;
      try {
        rows = spark.sql(IndicatorSql.withBindings(scope, temporaryViewByName, view.sql()));
      } catch (Exception e) {
        throw CatalogueDiagnosis.diagnose(catalogue, spark, temporaryViewBySource, e);
      }
      String name = prefix + "_" + view.name();
      Dataset<Row> cached = rows.coalesce(1).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        cached.count(); // the cache now knows the rows' size, and the checkpoint takes it over
        rows = cached.localCheckpoint(true);
      } finally {
        cached.unpersist();
      }
      rows.createOrReplaceTempView(name);
      computed.put(view.name(), rows);
      temporaryViewByName.put(view.name(), name);
      viewsSoFar.add(view);
    }
  }

  /**
   * The rows of one fact view over the clean tables, as the indicator statement sees them (for
   * tests of the view's grain and for inspecting a figure). Lazy, like {@link #compute}.
   *
   * @throws IllegalArgumentException when the fact is not declared, or as {@link #compute}
   */
  Dataset<Row> factRows(Map<String, Dataset<Row>> cleanTables, String factName) {
    FactView fact =
        catalogue
            .fact(factName)
            .orElseThrow(() -> new IllegalArgumentException("No fact view named " + factName));
    return overViews(
        cleanTables,
        (spark, temporaryViewBySource) ->
            spark.sql(IndicatorSql.withBindings(catalogue, temporaryViewBySource, fact.sql())));
  }

  /**
   * Binds each source's selected columns to a temporary view of a unique name (nothing collides
   * with the caller's own views), runs {@code query} with the views by source name (a map it may
   * add views of its own to), and drops every view of the map: once a statement is analysed its
   * Dataset holds the resolved plans, not the names.
   */
  private Dataset<Row> overViews(
      Map<String, Dataset<Row>> cleanTables,
      BiFunction<SparkSession, Map<String, String>, Dataset<Row>> query) {
    Map<String, Dataset<Row>> sources = selectSourceColumns(cleanTables);
    SparkSession spark = sources.values().iterator().next().sparkSession();
    Map<String, String> temporaryViewByName = new LinkedHashMap<>();
    try {
      bindSources(sources, temporaryViewByName);
      return query.apply(spark, temporaryViewByName);
    } finally {
      // the sources' views and those the query added (computed shared views)
      temporaryViewByName.values().forEach(view -> spark.catalog().dropTempView(view));
    }
  }

  /**
   * Registers each source's table as a temporary view of a unique name (nothing collides with the
   * caller's own views) and adds it to {@code temporaryViewByName}, by source name.
   */
  private static void bindSources(
      Map<String, Dataset<Row>> sources, Map<String, String> temporaryViewByName) {
    String prefix = "ruralstats_indicators_" + UUID.randomUUID().toString().replace("-", "");
    sources.forEach(
        (source, table) -> {
          String view = prefix + "_" + source;
          table.createOrReplaceTempView(view);
          temporaryViewByName.put(source, view);
        });
  }

  /**
   * The statement {@link #compute} runs, with each source bound to a fixed name: it changes when
   * the catalogue or the way it is turned into SQL changes, and only then.
   */
  public String definitionSql() {
    Map<String, String> fixedViews = new LinkedHashMap<>();
    catalogue.sources().keySet().forEach(source -> fixedViews.put(source, "source_" + source));
    return IndicatorSql.statement(catalogue, fixedViews);
  }

  private Map<String, Dataset<Row>> selectSourceColumns(Map<String, Dataset<Row>> cleanTables) {
    Map<String, Dataset<Row>> selected = new LinkedHashMap<>();
    SparkSession session = null;
    for (Map.Entry<String, Map<String, String>> source : catalogue.sources().entrySet()) {
      String name = source.getKey();
      Dataset<Row> table = cleanTables.get(name);
      if (table == null) {
        throw new IllegalArgumentException(
            "Clean table '"
                + name
                + "' is missing from the input (given: "
                + String.join(", ", cleanTables.keySet())
                + "); pass every clean table, an empty one with the clean schema when the source"
                + " delivered no rows");
      }
      if (session == null) {
        session = table.sparkSession();
      } else if (table.sparkSession() != session) {
        throw new IllegalArgumentException(
            "Clean table '"
                + name
                + "' belongs to another SparkSession; pass tables of one session");
      }
      List<Column> columns = new ArrayList<>();
      for (Map.Entry<String, String> column : source.getValue().entrySet()) {
        columns.add(checkedColumn(name, table, column.getKey(), column.getValue()));
      }
      selected.put(name, table.select(columns.toArray(Column[]::new)));
    }
    return selected;
  }

  private static Column checkedColumn(
      String source, Dataset<Row> table, String column, String typeName) {
    DataType expected = DataType.fromDDL(typeName);
    StructField field =
        Arrays.stream(table.schema().fields())
            .filter(f -> f.name().equals(column))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Clean table '"
                            + source
                            + "' has no column "
                            + column
                            + " ("
                            + expected.simpleString()
                            + "); its columns are "
                            + Arrays.toString(table.columns())
                            + ". The clean schema the indicators read is listed under sources in "
                            + IndicatorCatalogue.BUNDLED_RESOURCE));
    if (!field.dataType().equals(expected)) {
      throw new IllegalArgumentException(
          "Clean table '"
              + source
              + "' column "
              + column
              + " is of type "
              + field.dataType().simpleString()
              + ", expected "
              + expected.simpleString()
              + "; produce the clean schema listed under sources in "
              + IndicatorCatalogue.BUNDLED_RESOURCE);
    }
    return table.col(column);
  }
}
