package org.ruralstats.indicators;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Holds every fact view of the bundled catalogue to its declared grain on a set of clean tables.
 */
final class FactGrains {

  private FactGrains() {}

  /**
   * Computes each fact view over the tables and fails naming the fact and up to three grain values
   * shared by several rows.
   *
   * @return the number of rows of each fact view, in catalogue order, for the caller to check the
   *     tables exercised the views
   */
  static List<Long> assertHeld(Map<String, Dataset<Row>> tables) {
    IndicatorCatalogue catalogue = IndicatorCatalogue.bundled();
    IndicatorCalculator calculator = new IndicatorCalculator(catalogue);
    List<Long> rowCounts = new ArrayList<>();
    for (FactView fact : catalogue.facts()) {
      Dataset<Row> rows = calculator.factRows(tables, fact.name());
      List<String> columns = Arrays.asList(rows.columns());
      assertTrue(
          columns.containsAll(fact.grain()),
          "fact " + fact.name() + ": grain " + fact.grain() + " not among its columns " + columns);
      Column[] grain = fact.grain().stream().map(c -> col(c)).toArray(Column[]::new);
      List<Row> shared =
          rows.groupBy(grain).count().filter(col("count").gt(1)).limit(3).collectAsList();
      assertEquals(
          List.of(),
          shared,
          "fact " + fact.name() + ": several rows share a value of its grain " + fact.grain());
      rowCounts.add(rows.count());
    }
    return rowCounts;
  }
}
