package org.ruralstats.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralstats.indicators.CalculatorFixture.COUNTY;
import static org.ruralstats.indicators.CalculatorFixture.T1;
import static org.ruralstats.indicators.CalculatorFixture.T2;
import static org.ruralstats.indicators.CalculatorFixture.V4;
import static org.ruralstats.indicators.CalculatorFixture.byKey;
import static org.ruralstats.indicators.CalculatorFixture.result;
import static org.ruralstats.indicators.CalculatorFixture.row;
import static org.ruralstats.indicators.CalculatorFixture.tables;
import static org.ruralstats.indicators.CalculatorFixture.yearsOf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Statistics;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.support.TestSpark;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The shape of the calculator's result on the county of {@link CalculatorFixture}: every fact view
 * holds its grain, every indicator has a row per area and year of its driving source, the published
 * schema with the levels, kinds and units, the temporary views (the catalogue's dropped, the
 * caller's untouched), and the shared views' size as the planner sees it.
 */
class IndicatorCalculatorShapeTest {

  /**
   * Computes the county, if no class has yet: the check of the temporary views is of the state
   * after the computation.
   */
  @BeforeAll
  static void computeOnce() {
    CalculatorFixture.computeOnce();
  }

  @Test
  void everyFactViewHoldsItsGrain() {
    List<Long> rowCounts = FactGrains.assertHeld(tables());
    // the fixture reaches every fact view, so each grain was tested on rows
    assertTrue(rowCounts.stream().allMatch(n -> n > 0), "rows per fact view: " + rowCounts);
  }

  @Test
  void everyIndicatorHasARowForEveryAreaAndEveryYearOfItsDrivingSource() {
    // years: insurance, roster (priority, monitoring), water_projects, education_aid: 2023 and
    // 2024; water_survey: 2022 and 2024; housing, education_students: 2024 only.
    // (3 + 12 + 10 + 9 + 4 + 5) indicators × 2 years + (10 + 6) × 1 = 102, × 8 areas
    assertEquals(816, byKey().size());
    assertEquals(Set.of(2023, 2024), yearsOf("INS_REQUIRED"));
    assertEquals(Set.of(2023, 2024), yearsOf("INS_MONITORED_UNMATCHED"));
    assertEquals(Set.of(2023, 2024), yearsOf("MON_PERSONS"));
    assertEquals(Set.of(2024), yearsOf("HOUSING_ROOMS"));
    assertEquals(Set.of(2023, 2024), yearsOf("WATER_MAINT_PROJECTS"));
    assertEquals(Set.of(2022, 2024), yearsOf("WATER_SAFE_RATE"));
    assertEquals(Set.of(2024), yearsOf("EDU_STUDENTS"));
    assertEquals(Set.of(2023, 2024), yearsOf("EDU_AID_TIMES"));
  }

  @Test
  void resultHasThePublishedSchemaAndLevelsKindsUnits() {
    List<String> names = Arrays.asList(result().columns());
    assertEquals(IndicatorTable.COLUMNS, names);
    for (StructField field : IndicatorTable.SCHEMA.fields()) {
      assertEquals(
          field.dataType(),
          result().schema().apply(field.name()).dataType(),
          field.name() + " type");
    }
    assertEquals(DataTypes.createDecimalType(38, 2), result().schema().apply("value").dataType());
    Row coverage = row("INS_COVERAGE", COUNTY, 2024);
    assertEquals("county", coverage.getAs("area_level"));
    assertEquals("rate", coverage.getAs("kind"));
    assertEquals("%", coverage.getAs("unit"));
    assertEquals("township", row("INS_COVERAGE", T2, 2024).getAs("area_level"));
    assertEquals("village", row("INS_COVERAGE", V4, 2024).getAs("area_level"));
    Row rooms = row("HOUSING_ROOMS", T1, 2024);
    assertEquals("count", rooms.getAs("kind"));
    assertEquals("间", rooms.getAs("unit"));
    assertNull(rooms.getAs("denominator"), "a count has no denominator");
    Row investment = row("WATER_MAINT_INVESTMENT_WAN", COUNTY, 2024);
    assertEquals("amount", investment.getAs("kind"));
    assertEquals("万元", investment.getAs("unit"));
    assertNull(investment.getAs("denominator"), "an amount has no denominator");
  }

  @Test
  void catalogueTemporaryViewsAreDroppedAndTheCallersViewIsUntouched() {
    List<String> leftovers =
        Arrays.stream(TestSpark.session().sqlContext().tableNames())
            .filter(
                name ->
                    name.startsWith("ruralstats_indicators_")
                        || name.startsWith("ruralstats_view_"))
            .toList();
    assertEquals(List.of(), leftovers);
    assertEquals("not the roster", CalculatorFixture.callersRosterAfterComputing());
  }

  /**
   * The planner sees each shared view at its real size: the number of its rows, not Spark's
   * estimate of the query behind it (for the Xing sample 71 GiB for the 709 rows of {@code
   * village_areas}), which made Spark broadcast a county's fact rows through the driver instead of
   * the views.
   */
  @Test
  void thePlannerSeesEachSharedViewAtItsRealSize(@TempDir Path dir) {
    IndicatorCatalogue catalogue = IndicatorCatalogue.bundled();
    // read from files, as the job reads its clean tables (Spark knows an in-memory table's size)
    Map<String, Dataset<Row>> files = new LinkedHashMap<>();
    tables()
        .forEach(
            (source, rows) -> {
              String path = dir.resolve(source).toString();
              rows.write().parquet(path);
              files.put(source, TestSpark.session().read().parquet(path));
            });
    try (IndicatorCalculator.Prepared prepared =
        new IndicatorCalculator(catalogue).prepare(files)) {
      LogicalPlan plan =
          prepared
              .compute(catalogue.facts().stream().map(FactView::name).toList())
              .queryExecution()
              .optimizedPlan();
      List<LogicalRDD> views = new ArrayList<>();
      CollectionConverters.asJava(plan.collectLeaves())
          .forEach(
              leaf -> {
                if (leaf instanceof LogicalRDD rdd) {
                  views.add(rdd);
                }
              });
      assertFalse(views.isEmpty(), "the statement reads the computed shared views");
      Set<Long> sizes = new TreeSet<>();
      for (LogicalRDD view : views) {
        Statistics stats = view.stats();
        assertTrue(
            stats.rowCount().isDefined(),
            "a view's statistics count its rows: " + stats.simpleString());
        long rows = stats.rowCount().get().longValue();
        long counted = view.rdd().count();
        assertEquals(counted, rows, "rows the planner sees");
        assertTrue(
            stats.sizeInBytes().longValue() <= 1_000L * Math.max(rows, 1),
            "a view's size is its rows' (" + stats.simpleString() + ")");
        sizes.add(rows);
      }
      assertTrue(sizes.size() > 1, "more than one view is read: " + sizes);
    }
  }
}
