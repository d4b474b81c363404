package org.ruralstats.indicators;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes the one Spark SQL statement that computes the indicator table from a catalogue. The
 * catalogue's plain names (sources, shared views) are bound in a WITH clause to the temporary views
 * the calculator registered (a shared view not computed beforehand is bound to its SQL); the names
 * this class adds all start with an underscore, which no catalogue name may.
 *
 * <pre>
 * WITH &lt;source&gt; AS (SELECT * FROM &lt;temporary view&gt;), …   -- the clean tables
 *      &lt;view&gt; AS (SELECT * FROM &lt;its computed rows&gt;), …    -- areas, village_areas, …
 *      _years  AS (SELECT DISTINCT driving_source, county_code, year …), -- each county's years
 *      _spine  AS (areas ⋈ _years on the county),                -- an area: its counties' years
 *      _fact_F AS (&lt;fact sql&gt;),                               -- per fact view F:
 *      _totals_F AS (SELECT area_code, year, &lt;aggregates&gt; FROM _fact_F GROUP BY area_code, year),
 *      _long_F AS (SELECT …, stack(…) FROM _spine LEFT JOIN _totals_F … WHERE driving_source = …),
 *      _long   AS (_long_F1 UNION ALL _long_F2 …),
 *      _valued AS (… value …)
 * SELECT …, prev_value (the value of year − 1), yoy_change FROM _valued
 * </pre>
 */
final class IndicatorSql {

  static final String FIGURE = "DECIMAL(38,2)";

  private IndicatorSql() {}

  /**
   * The WITH-clause entries binding each source to its temporary view and each shared view to its
   * temporary view when it has one (its rows computed beforehand), else to its SQL, comma-separated
   * (no leading {@code WITH}).
   */
  static String bindings(IndicatorCatalogue catalogue, Map<String, String> temporaryViewByName) {
    List<String> entries = new ArrayList<>();
    for (String source : catalogue.sources().keySet()) {
      entries.add(source + " AS (SELECT * FROM " + temporaryViewByName.get(source) + ")");
    }
    for (CatalogueView view : catalogue.views()) {
      String computed = temporaryViewByName.get(view.name());
      entries.add(
          view.name()
              + " AS (\n"
              + (computed == null ? view.sql().strip() : "SELECT * FROM " + computed)
              + "\n)");
    }
    return String.join(",\n", entries);
  }

  /**
   * A query over the catalogue's names: {@code WITH <bindings> SELECT * FROM (<query>)}, the
   * bindings as {@link #bindings} gives them.
   */
  static String withBindings(
      IndicatorCatalogue catalogue, Map<String, String> temporaryViewByName, String query) {
    return "WITH "
        + bindings(catalogue, temporaryViewByName)
        + "\nSELECT * FROM (\n"
        + query.strip()
        + "\n)";
  }

  /**
   * The whole computation as one statement, over the temporary views of the sources and of any
   * shared views computed beforehand ({@link #bindings}).
   */
  static String statement(IndicatorCatalogue catalogue, Map<String, String> temporaryViewByName) {
    List<String> entries = new ArrayList<>();
    entries.add(bindings(catalogue, temporaryViewByName));

    Set<String> drivingSources = new LinkedHashSet<>();
    catalogue.facts().forEach(fact -> drivingSources.add(fact.drivingSource()));
    entries.add(
        "_years AS (\n  SELECT DISTINCT driving_source, county_code, year FROM (\n"
            + drivingSources.stream()
                .map(
                    source ->
                        "    SELECT "
                            + literal(source)
                            + " AS driving_source, county_code, year FROM "
                            + source)
                .collect(Collectors.joining("\n    UNION ALL\n"))
            + "\n  )\n)");
    entries.add(
        "_spine AS (\n"
            + "  -- an area gets the years of the counties it covers\n"
            + "  SELECT DISTINCT a.area_code, a.area_level, y.driving_source, y.year\n"
            + "  FROM "
            + IndicatorCatalogue.AREAS_VIEW
            + " a JOIN _years y ON y.county_code = a.county_code\n)");

    List<String> longNames = new ArrayList<>();
    for (FactView fact : catalogue.facts()) {
      List<IndicatorDefinition> indicators = catalogue.indicatorsOf(fact.name());
      entries.add("_fact_" + fact.name() + " AS (\n" + fact.sql().strip() + "\n)");
      entries.add(totals(catalogue, fact, indicators));
      entries.add(longForm(fact, indicators));
      longNames.add("_long_" + fact.name());
    }
    entries.add(
        "_long AS (\n"
            + longNames.stream()
                .map(name -> "  SELECT * FROM " + name)
                .collect(Collectors.joining("\n  UNION ALL\n"))
            + "\n)");
    entries.add(
        "_valued AS (\n"
            + "  SELECT indicator_code, area_code, area_level, year, numerator, denominator,\n"
            + "         CASE WHEN kind = 'rate' THEN "
            + ratePercent("numerator", "denominator")
            + " ELSE numerator END AS value,\n"
            + "         kind, unit\n"
            + "  FROM _long\n)");

    return "WITH "
        + String.join(",\n", entries)
        + "\nSELECT indicator_code, area_code, area_level, year, numerator, denominator, value,\n"
        + "       prev_value, CAST(value - prev_value AS "
        + FIGURE
        + ") AS yoy_change, kind, unit\n"
        + "FROM (\n"
        + "  SELECT *,\n"
        + "         -- the value of exactly year - 1 (a RANGE frame, not the previous row)\n"
        + "         FIRST(value) OVER (PARTITION BY indicator_code, area_code ORDER BY year\n"
        + "                            RANGE BETWEEN 1 PRECEDING AND 1 PRECEDING) AS prev_value\n"
        + "  FROM _valued\n"
        + ")";
  }

  /**
   * The SQL of a rate's value: 100 × numerator / denominator rounded half-up to two decimals,
   * exactly, as {@code DECIMAL(38,2)}; null when the denominator is 0.
   *
   * <p>With x = 10000 × n / d (the value in hundredths), half-up rounding is floor(x + 1/2) =
   * floor((20000 n + d) / (2 d)) for n, d ≥ 0, computed by Spark's exact integral division {@code
   * div} on decimals: no binary floating point, no intermediate rounding.
   */
  static String ratePercent(String numerator, String denominator) {
    return String.format(
        Locale.ROOT,
        "CAST(CAST((%1$s * 20000 + %2$s) div (NULLIF(%2$s, 0) * 2) AS DECIMAL(38,0)) / 100 AS %3$s)",
        numerator,
        denominator,
        FIGURE);
  }

  /** Every indicator of the fact as aggregates n0, d0, n1, … in one GROUP BY. */
  private static String totals(
      IndicatorCatalogue catalogue, FactView fact, List<IndicatorDefinition> indicators) {
    List<String> aggregates = new ArrayList<>();
    for (int i = 0; i < indicators.size(); i++) {
      IndicatorDefinition indicator = indicators.get(i);
      aggregates.add(
          "    -- "
              + indicator.code()
              + "\n"
              + aggregate(catalogue.numeratorSql(indicator), "n" + i));
      if (indicator.kind() == IndicatorKind.RATE) {
        aggregates.add(aggregate(catalogue.denominatorSql(indicator), "d" + i));
      }
    }
    return "_totals_"
        + fact.name()
        + " AS (\n  SELECT area_code, year,\n"
        + String.join(",\n", aggregates)
        + "\n  FROM _fact_"
        + fact.name()
        + "\n  GROUP BY area_code, year\n)";
  }

  /** An aggregate expression in parentheses (a trailing comment in it cannot swallow the alias). */
  private static String aggregate(String expression, String alias) {
    return "    (" + expression.strip() + "\n    ) AS " + alias;
  }

  /** One row per indicator, area and year of the driving source: the spine left-joined. */
  private static String longForm(FactView fact, List<IndicatorDefinition> indicators) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < indicators.size(); i++) {
      IndicatorDefinition indicator = indicators.get(i);
      String denominator =
          indicator.kind() == IndicatorKind.RATE
              ? figure("t.d" + i)
              : "CAST(NULL AS " + FIGURE + ")";
      rows.add(
          "      "
              + literal(indicator.code())
              + ", "
              + literal(indicator.kind().code())
              + ", "
              + literal(indicator.unit())
              + ", "
              + figure("t.n" + i)
              + ", "
              + denominator);
    }
    return "_long_"
        + fact.name()
        + " AS (\n  SELECT s.area_code, s.area_level, s.year,\n    stack("
        + indicators.size()
        + ",\n"
        + String.join(",\n", rows)
        + "\n    ) AS (indicator_code, kind, unit, numerator, denominator)\n"
        + "  FROM _spine s\n  LEFT JOIN _totals_"
        + fact.name()
        + " t ON t.area_code = s.area_code AND t.year = s.year\n"
        + "  WHERE s.driving_source = "
        + literal(fact.drivingSource())
        + "\n)";
  }

  /** An aggregate as a published figure: an area with no rows (or only empty amounts) gets 0. */
  private static String figure(String aggregate) {
    return "COALESCE(CAST(" + aggregate + " AS " + FIGURE + "), CAST(0 AS " + FIGURE + "))";
  }

  /** A Spark SQL string literal. */
  static String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
