package org.ruralstats.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Finds the catalogue entry at fault when the indicator statement does not compile. */
final class CatalogueDiagnosis {

  private CatalogueDiagnosis() {}

  /**
   * The statement failed to compile: finds the catalogue entry at fault by compiling the pieces one
   * by one (shared views, then fact views, then each indicator's expressions over its fact view)
   * and throws an error naming it; returns a general error when no single piece fails. Runs only on
   * failure; compiling is analysis only, no Spark job.
   */
  static IllegalArgumentException diagnose(
      IndicatorCatalogue catalogue,
      SparkSession spark,
      Map<String, String> temporaryViewBySource,
      Exception failure) {
    List<CatalogueView> viewsSoFar = new ArrayList<>();
    for (CatalogueView view : catalogue.views()) {
      IndicatorCatalogue earlier =
          new IndicatorCatalogue(catalogue.sources(), viewsSoFar, List.of(), List.of());
      String where = "view " + view.name();
      Dataset<Row> rows =
          compile(
              spark,
              temporaryViewBySource,
              earlier,
              view.sql(),
              where + ": its sql does not compile",
              failure);
      if (view.name().equals(IndicatorCatalogue.AREAS_VIEW)) {
        requireColumns(rows, where, failure, "area_code", "area_level", "county_code");
      }
      viewsSoFar.add(view);
    }
    for (FactView fact : catalogue.facts()) {
      String where = "fact " + fact.name();
      Dataset<Row> rows =
          compile(
              spark,
              temporaryViewBySource,
              catalogue,
              fact.sql(),
              where + ": its sql does not compile",
              failure);
      requireColumns(rows, where, failure, "area_code", "year");
      for (IndicatorDefinition indicator : catalogue.indicatorsOf(fact.name())) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("numerator", catalogue.numeratorSql(indicator));
        if (indicator.denominator() != null) {
          parts.put("denominator", catalogue.denominatorSql(indicator));
        }
        for (Map.Entry<String, String> part : parts.entrySet()) {
          String aggregate =
              "SELECT area_code, year, (\n"
                  + part.getValue()
                  + "\n) AS figure FROM (\n"
                  + fact.sql().strip()
                  + "\n) GROUP BY area_code, year";
          compile(
              spark,
              temporaryViewBySource,
              catalogue,
              aggregate,
              "indicator "
                  + indicator.code()
                  + " (fact "
                  + fact.name()
                  + "): its "
                  + part.getKey()
                  + " does not compile as an aggregate over the fact's columns "
                  + Arrays.toString(rows.columns()),
              failure);
        }
      }
    }
    return new IllegalArgumentException(
        "Indicator catalogue: the indicator statement does not compile: "
            + firstLine(failure.getMessage()),
        failure);
  }

  /** Compiles a query over the catalogue's names, or throws {@code problem} and Spark's reason. */
  private static Dataset<Row> compile(
      SparkSession spark,
      Map<String, String> temporaryViewBySource,
      IndicatorCatalogue scope,
      String query,
      String problem,
      Exception failure) {
    String sql = IndicatorSql.withBindings(scope, temporaryViewBySource, query);
    try {
      return spark.sql(sql);
    } catch (Exception e) {
      IllegalArgumentException error =
          new IllegalArgumentException(
              "Indicator catalogue, " + problem + ": " + firstLine(e.getMessage()), e);
      error.addSuppressed(failure);
      throw error;
    }
  }

  private static void requireColumns(
      Dataset<Row> rows, String where, Exception failure, String... names) {
    List<String> present = Arrays.asList(rows.columns());
    for (String name : names) {
      if (!present.contains(name)) {
        throw new IllegalArgumentException(
            "Indicator catalogue, "
                + where
                + ": its sql gives no column "
                + name
                + " (it gives "
                + present
                + "); the calculator needs "
                + String.join(" and ", names),
            failure);
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
