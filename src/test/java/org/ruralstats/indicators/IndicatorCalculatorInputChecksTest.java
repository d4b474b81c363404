package org.ruralstats.indicators;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralstats.indicators.CalculatorFixture.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * What the calculator refuses, naming the culprit, with the clean tables of {@link
 * CalculatorFixture}: a missing clean table, a missing or mistyped column, an indicator or a fact
 * view whose SQL does not compile, and a catalogue without its built-in areas view.
 */
class IndicatorCalculatorInputChecksTest {

  @Test
  void missingCleanTableIsNamed() {
    Map<String, Dataset<Row>> withoutHousing = new LinkedHashMap<>(tables());
    withoutHousing.remove("housing");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new IndicatorCalculator(IndicatorCatalogue.bundled()).compute(withoutHousing));
    assertTrue(
        e.getMessage().startsWith("Clean table 'housing' is missing from the input"),
        e.getMessage());
  }

  @Test
  void missingOrMistypedColumnIsNamed() {
    Map<String, Dataset<Row>> input = new LinkedHashMap<>(tables());
    input.put("housing", tables().get("housing").drop("rooms"));
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> new IndicatorCalculator(IndicatorCatalogue.bundled()).compute(input));
    assertTrue(
        missing.getMessage().startsWith("Clean table 'housing' has no column rooms (int)"),
        missing.getMessage());

    input.put(
        "housing",
        tables()
            .get("housing")
            .withColumn("rooms", tables().get("housing").col("rooms").cast("string")));
    IllegalArgumentException mistyped =
        assertThrows(
            IllegalArgumentException.class,
            () -> new IndicatorCalculator(IndicatorCatalogue.bundled()).compute(input));
    assertTrue(
        mistyped
            .getMessage()
            .startsWith("Clean table 'housing' column rooms is of type string, expected int"),
        mistyped.getMessage());
  }

  @Test
  void indicatorWhoseSqlDoesNotCompileIsNamed() {
    IndicatorCatalogue bundled = IndicatorCatalogue.bundled();
    List<IndicatorDefinition> indicators = new ArrayList<>(bundled.indicators());
    IndicatorDefinition rooms = indicators.get(bundled.codes().indexOf("HOUSING_ROOMS"));
    indicators.set(
        bundled.codes().indexOf("HOUSING_ROOMS"),
        new IndicatorDefinition(
            rooms.code(),
            rooms.fact(),
            rooms.kind(),
            rooms.unit(),
            rooms.nameZh(),
            rooms.nameEn(),
            rooms.description(),
            "SUM(room_count)",
            null));
    IndicatorCatalogue broken =
        new IndicatorCatalogue(bundled.sources(), bundled.views(), bundled.facts(), indicators);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new IndicatorCalculator(broken).compute(tables()));
    assertTrue(
        e.getMessage()
            .startsWith(
                "Indicator catalogue, indicator HOUSING_ROOMS (fact housing): its numerator does"
                    + " not compile as an aggregate over the fact's columns [area_code,"
                    + " county_code, year, household_id, rooms, safety_grade, task_source,"
                    + " task_status, subsidy_amount]: "),
        e.getMessage());
  }

  @Test
  void factViewWhoseSqlDoesNotCompileIsNamed() {
    IndicatorCatalogue bundled = IndicatorCatalogue.bundled();
    List<FactView> facts = new ArrayList<>(bundled.facts());
    int survey = facts.indexOf(bundled.fact("water_survey").orElseThrow());
    FactView original = facts.get(survey);
    facts.set(
        survey,
        new FactView(
            original.name(),
            original.titleZh(),
            original.titleEn(),
            original.drivingSource(),
            original.description(),
            original.sql().replace("s.persons", "s.person_count"),
            original.grain()));
    IndicatorCatalogue broken =
        new IndicatorCatalogue(bundled.sources(), bundled.views(), facts, bundled.indicators());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new IndicatorCalculator(broken).compute(tables()));
    assertTrue(
        e.getMessage()
            .startsWith("Indicator catalogue, fact water_survey: its sql does not compile: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("person_count"), e.getMessage());
  }

  @Test
  void catalogueBuiltInCodeIsValidatedToo() {
    IndicatorCatalogue bundled = IndicatorCatalogue.bundled();
    IndicatorCatalogue noAreas =
        new IndicatorCatalogue(
            bundled.sources(),
            bundled.views().subList(1, 2),
            bundled.facts(),
            bundled.indicators());
    IndicatorCatalogueException e =
        assertThrows(IndicatorCatalogueException.class, () -> new IndicatorCalculator(noAreas));
    assertTrue(e.problems().get(0).startsWith("views: a view named areas"), e.getMessage());
  }
}
