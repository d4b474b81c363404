package org.ruralstats.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralstats.indicators.CleanTables.amount;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.jobs.IndicatorPlan;
import org.ruralstats.jobs.IndicatorStage;
import org.ruralstats.support.TestSpark;
import org.ruralstats.warehouse.RunHistory;
import org.ruralstats.warehouse.Warehouse;

/**
 * The indicator stage after a change to some clean tables: it recomputes the fact groups that read
 * a changed table and nothing else, and the published table then equals a full computation over the
 * current tables; with no change it computes nothing; a change to the areas (a new county, here)
 * recomputes everything. Real Delta tables in a temporary folder, the three-county tables of {@link
 * SeveralCountiesIndicatorsTest}.
 */
class IncrementalIndicatorsTest {

  @TempDir Path dir;

  @Test
  void aChangedTableRecomputesTheGroupsThatReadItAndEqualsAFullComputation() {
    Warehouse wh = new Warehouse(TestSpark.session(), dir.toString());
    IndicatorStage stage = new IndicatorStage(wh, SourceContract.standard());
    SeveralCountiesIndicatorsTest.fixture().build().forEach((s, t) -> wh.overwrite(clean(s), t));

    IndicatorStage.Outcome first = stage.update(null, line -> {});
    assertTrue(first.plan().full(), first.plan().describe());
    RunHistory.Run published = published(wh, stage.inputs(), first.areaViews());
    long unchanged = wh.version(Warehouse.INDICATORS);
    IndicatorStage.Outcome nothing = stage.update(published, line -> {});
    assertTrue(nothing.plan().isNothing(), nothing.plan().describe());
    assertEquals(unchanged, wh.version(Warehouse.INDICATORS), "no new version");

    // P2 of county A enrolls: only the groups reading insurance are recomputed
    Dataset<Row> insurance = wh.read(clean("insurance"));
    wh.overwrite(
        clean("insurance"),
        insurance.withColumn(
            "enrolled",
            functions
                .when(functions.col("person_key").equalTo("P2"), true)
                .otherwise(functions.col("enrolled"))));
    List<String> otherGroups = rowsOf(wh.read(Warehouse.INDICATORS), false);
    List<String> said = new ArrayList<>();
    IndicatorStage.Outcome correction = stage.update(published, said::add);
    IndicatorPlan plan = correction.plan();
    assertFalse(plan.full(), plan.describe());
    assertEquals(List.of("insurance", "priority_insurance"), plan.facts(), plan.describe());
    assertEquals(List.of(plan.describe()), said, "the plan is reported before the computation");
    assertEquals(first.areaViews(), correction.areaViews(), "the same areas");
    assertEquals(unchanged + 1, wh.version(Warehouse.INDICATORS));
    assertEquals(fullComputation(wh), rowsOf(wh.read(Warehouse.INDICATORS), true));
    assertEquals(otherGroups, rowsOf(wh.read(Warehouse.INDICATORS), false));
    assertTrue(
        rowsOf(wh.read(Warehouse.INDICATORS), true).stream()
            .anyMatch(r -> r.startsWith("[INS_COVERAGE,141123000000,county,2024,2.00,2.00,")),
        "P2's enrollment reached the county's coverage rate");

    // a row of a county no table had before: the areas change, everything is recomputed
    published = published(wh, stage.inputs(), correction.areaViews());
    CleanTables extra =
        CleanTables.builder()
            .county("141125000000")
            .add("insurance", 2024, "P9", "141125100201", true, true, null, amount("0"), null);
    wh.append(clean("insurance"), extra.build().get("insurance"));
    IndicatorPlan areas = stage.update(published, line -> {}).plan();
    assertTrue(areas.full(), areas.describe());
    assertTrue(areas.describe().contains("counties"), areas.describe());
  }

  private static String clean(String source) {
    return Warehouse.clean(source);
  }

  /** A published run that recorded the current table versions and {@code inputs}. */
  private static RunHistory.Run published(Warehouse wh, String inputs, String areaViews) {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (String source : CleanTables.SCHEMAS.keySet()) {
      versions.put(clean(source), wh.version(clean(source)));
    }
    versions.put(Warehouse.INDICATORS, wh.version(Warehouse.INDICATORS));
    Instant now = Instant.now();
    return new RunHistory.Run(
        "R" + now.toEpochMilli(),
        now,
        now,
        RunHistory.PUBLISHED,
        "key",
        versions,
        0,
        0,
        0,
        0,
        null,
        inputs,
        areaViews);
  }

  /** The whole catalogue computed over the warehouse's current clean tables. */
  private static List<String> fullComputation(Warehouse wh) {
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    CleanTables.SCHEMAS.keySet().forEach(s -> tables.put(s, wh.read(clean(s))));
    return rowsOf(new IndicatorCalculator(IndicatorCatalogue.bundled()).compute(tables), true);
  }

  /**
   * The rows as sorted strings: all rows, or (with {@code insuranceGroups} false) those of the
   * groups that do not read insurance.
   */
  private static List<String> rowsOf(Dataset<Row> table, boolean insuranceGroups) {
    IndicatorCatalogue catalogue = IndicatorCatalogue.bundled();
    List<String> readingInsurance =
        CatalogueDependencies.withFacts(catalogue, List.of("insurance", "priority_insurance"))
            .codes();
    return table.collectAsList().stream()
        .filter(r -> insuranceGroups || !readingInsurance.contains(r.getString(0)))
        .map(Row::toString)
        .sorted()
        .toList();
  }
}
