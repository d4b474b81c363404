package org.ruralstats.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ruralstats.indicators.CleanTables.amount;
import static org.ruralstats.indicators.CleanTables.date;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ruralstats.support.TestSpark;

/**
 * The calculator on one small hand-built county, computed once: a county, three townships and four
 * villages (V4 in T3 has rows only in the 2022 water survey), years 2022 to 2024. Every expected
 * figure below was worked out by hand from the rows in {@link #fixture()}; the comments say how.
 *
 * <p>Figures are asserted per indicator and year for all eight areas in the order {@link #AREAS}
 * (county, T1, T2, T3, V1, V2, V3, V4): counts as integers, amounts and rates with two decimals,
 * {@code -} for an empty value.
 */
class IndicatorCalculatorTest {

  static final String COUNTY = "141123000000";
  static final String T1 = "141123100000";
  static final String T2 = "141123101000";
  static final String T3 = "141123102000";
  static final String V1 = "141123100201"; // in T1
  static final String V2 = "141123100202"; // in T1
  static final String V3 = "141123101201"; // in T2
  static final String V4 = "141123102201"; // in T3; rows only in the 2022 water survey

  static final List<String> AREAS = List.of(COUNTY, T1, T2, T3, V1, V2, V3, V4);

  private static Map<String, Dataset<Row>> tables;
  private static Dataset<Row> result;
  private static Map<String, Row> byKey;

  @BeforeAll
  static void computeOnce() {
    tables = fixture().build();
    // A caller's own temporary view with a source's name must not be picked up by the catalogue's
    // SQL.
    TestSpark.session().sql("SELECT 'not the roster' AS junk").createOrReplaceTempView("roster");
    result = new IndicatorCalculator(IndicatorCatalogue.bundled()).compute(tables);
    byKey = new HashMap<>();
    for (Row row : result.collectAsList()) {
      String key = key(row.getString(0), row.getString(1), row.getInt(3));
      assertNull(byKey.put(key, row), "duplicate row " + key);
    }
  }

  @AfterAll
  static void dropCallersView() {
    TestSpark.session().catalog().dropTempView("roster");
  }

  static CleanTables fixture() {
    CleanTables t = CleanTables.builder();
    t.add("divisions", COUNTY, "兴县", "county", null)
        .add("divisions", T1, "蔚汾镇", "township", COUNTY)
        .add("divisions", T2, "魏家滩镇", "township", COUNTY)
        .add("divisions", T3, "瓦塘镇", "township", COUNTY)
        .add("divisions", V1, "西关村", "village", T1)
        .add("divisions", V2, "东关村", "village", T1)
        .add("divisions", V3, "南村", "village", T2)
        .add("divisions", V4, "北村", "village", T3);

    // roster: year, person, household, village, alleviated, monitor_type, identified, eliminated
    t.add("roster", 2023, "p1", "h1", V1, true, null, null, null, "run-1")
        .add("roster", 2023, "p2", "h1", V1, true, null, null, null, "run-1")
        .add(
            "roster",
            2023,
            "p10",
            "h5",
            V2,
            false,
            "marginal",
            date("2023-02-01"),
            date("2023-06-30"),
            "run-1")
        .add("roster", 2024, "p1", "h1", V1, true, null, null, null, "run-2")
        // p2 is in both groups; identified on the first day of 2024
        .add("roster", 2024, "p2", "h1", V1, true, "marginal", date("2024-01-01"), null, "run-2")
        .add("roster", 2024, "p6", "h2", V2, true, null, null, null, "run-2")
        .add("roster", 2024, "p8", "h6", V2, true, null, null, null, "run-2")
        // p4: identified on the last day of 2023, risk eliminated on the last day of 2024
        .add(
            "roster",
            2024,
            "p4",
            "h3",
            V3,
            false,
            "sudden_hardship",
            date("2023-12-31"),
            date("2024-12-31"),
            "run-2")
        .add("roster", 2024, "p7", "h4", V3, false, null, null, null, "run-2")
        // household h5 has monitored members in two villages: p9 in V1, p10 in V2
        .add(
            "roster",
            2024,
            "p9",
            "h5",
            V1,
            false,
            "unstable_alleviated",
            date("2022-05-01"),
            null,
            "run-2")
        .add(
            "roster",
            2024,
            "p10",
            "h5",
            V2,
            false,
            "marginal",
            date("2023-02-01"),
            date("2023-06-30"),
            "run-2");

    // insurance: year, person, village, required, enrolled, type, subsidy, enroll_date
    t.add("insurance", 2023, "p1", V1, true, true, "resident", amount("0.00"), null)
        .add("insurance", 2023, "p2", V1, true, false, null, amount("0.00"), null)
        .add("insurance", 2023, "p6", V2, true, true, "resident", amount("0.00"), null)
        .add("insurance", 2024, "p1", V1, true, true, "resident", amount("0.00"), null)
        .add("insurance", 2024, "p2", V1, true, false, null, amount("100.00"), null)
        .add("insurance", 2024, "p3", V2, true, true, "resident", amount("0.00"), null)
        .add("insurance", 2024, "p4", V3, false, true, "employee", amount("50.00"), null)
        .add("insurance", 2024, "p5", V3, true, true, "resident", amount("0.00"), null)
        // p8 is on the roster in V2 but insured in V3
        .add("insurance", 2024, "p8", V3, true, true, "resident", amount("0.00"), null)
        .add(
            "insurance",
            2024,
            "p9",
            V1,
            true,
            true,
            "resident",
            amount("80.00"),
            date("2024-01-05"));
    // p6 (alleviated) and p10 (monitored) have no insurance row of 2024: unmatched

    // housing (2024 only): year, household, village, rooms, grade, source, status, done, subsidy
    t.add("housing", 2024, "hA", V1, 3, "C", "plan", "completed", null, amount("12000.50"))
        .add("housing", 2024, "hB", V1, 4, "A", "plan", "in_progress", null, null)
        .add("housing", 2024, "hC", V2, 5, "D", "dynamic", "accepted", null, amount("8000.25"))
        .add("housing", 2024, "hE", V2, 6, "B", "dynamic", "not_started", null, amount("1000.00"))
        .add("housing", 2024, "hD", V3, 2, null, null, null, null, null);

    // water projects: id, year, type, status, investment
    t.add("water_projects", "W1", 2024, "maintenance", "completed", amount("100.50"))
        .add("water_projects", "W2", 2024, "maintenance", "planned", amount("20.00"))
        .add("water_projects", "W3", 2024, "consolidation", "in_progress", amount("300.00"))
        .add("water_projects", "W4", 2023, "quality_upgrade", "completed", amount("50.00"))
        .add("water_projects", "W5", 2024, "quality_upgrade", "completed", amount("75.25"));
    // W1 serves two townships (V1, V2 in T1; V3 in T2); W2 has no village rows; W9 is an orphan
    t.add("water_project_villages", "W1", V1, 100)
        .add("water_project_villages", "W1", V2, 50)
        .add("water_project_villages", "W1", V3, 30)
        .add("water_project_villages", "W3", V3, 200)
        .add("water_project_villages", "W4", V1, 10)
        .add("water_project_villages", "W5", V2, 40)
        .add("water_project_villages", "W9", V1, 999);

    // water survey (2024 only): year, household, village, persons, quantity, quality, convenience,
    // reliability
    // 2022: one-person households for the rounding cases: V1 1 safe of 8, V2 1 of 800, V3 2 of 3,
    // V4 23 of 160 (2023 has no survey rows)
    addSurvey2022(t, V1, 8, 1);
    addSurvey2022(t, V2, 800, 1);
    addSurvey2022(t, V3, 3, 2);
    addSurvey2022(t, V4, 160, 23);
    t.add("water_survey", 2024, "s1", V1, 4, true, true, true, true)
        .add("water_survey", 2024, "s2", V1, 3, true, false, true, true)
        .add("water_survey", 2024, "s4", V2, 2, true, true, true, false)
        .add("water_survey", 2024, "s3", V3, 5, true, true, true, true);

    // register (2024 only): year, student, village, stage, status
    t.add("education_students", 2024, "p1", V1, "primary", "enrolled")
        .add("education_students", 2024, "p2", V1, "junior", "dropped_out")
        .add("education_students", 2024, "p9", V2, "senior", "enrolled")
        .add("education_students", 2024, "st1", V3, "preschool", "enrolled")
        .add("education_students", 2024, "p4", V3, "junior", "suspended")
        .add("education_students", 2024, "p7", V3, "primary", "enrolled");

    // aid: payment, year, student, stage, aid type, amount, paid date
    t.add("education_aid", "pay1", 2024, "p1", "primary", "生活补助", amount("500.00"), null)
        .add("education_aid", "pay2", 2024, "p1", "primary", "生活补助", amount("250.00"), null)
        .add("education_aid", "pay3", 2024, "st1", "preschool", "学前教育资助", amount("1000.00"), null)
        // stX has no register row: county only
        .add("education_aid", "pay4", 2024, "stX", "preschool", "学前教育资助", amount("750.00"), null)
        .add("education_aid", "pay6", 2024, "p4", "junior", "生活补助", amount("200.00"), null)
        // p9 has no register row of 2023: county only, and not "aided" in 2024
        .add("education_aid", "pay5", 2023, "p9", "primary", "生活补助", amount("300.00"), null);
    return t;
  }

  private static void addSurvey2022(CleanTables t, String village, int households, int safe) {
    for (int i = 0; i < households; i++) {
      boolean ok = i < safe;
      t.add("water_survey", 2022, village + "-" + i, village, 1, true, ok, true, true);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // shape

  @Test
  void everyFactViewHoldsItsGrain() {
    List<Long> rowCounts = FactGrains.assertHeld(tables);
    // the fixture reaches every fact view, so each grain was tested on rows
    assertTrue(rowCounts.stream().allMatch(n -> n > 0), "rows per fact view: " + rowCounts);
  }

  @Test
  void everyIndicatorHasARowForEveryAreaAndEveryYearOfItsDrivingSource() {
    // years: insurance, roster (priority, monitoring), water_projects, education_aid: 2023 and
    // 2024; water_survey: 2022 and 2024; housing, education_students: 2024 only.
    // (3 + 12 + 10 + 9 + 4 + 5) indicators × 2 years + (10 + 6) × 1 = 102, × 8 areas
    assertEquals(816, byKey.size());
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
    List<String> names = Arrays.asList(result.columns());
    assertEquals(IndicatorTable.COLUMNS, names);
    for (StructField field : IndicatorTable.SCHEMA.fields()) {
      assertEquals(
          field.dataType(), result.schema().apply(field.name()).dataType(), field.name() + " type");
    }
    assertEquals(DataTypes.createDecimalType(38, 2), result.schema().apply("value").dataType());
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
            .filter(name -> name.startsWith("ruralstats_indicators_"))
            .toList();
    assertEquals(List.of(), leftovers);
    assertEquals("not the roster", TestSpark.sql("SELECT junk FROM roster").get(0).getString(0));
  }

  // ---------------------------------------------------------------------------------------------
  // insurance

  @Test
  void insuranceCountsPersonsWithinEachArea() {
    // 2024: V1 p1 p2 p9 required (p1 p9 enrolled); V2 p3; V3 p5 p8 (p4 not required)
    assertAreas("INS_REQUIRED", 2024, "6 4 2 0 3 1 2 0");
    assertAreas("INS_ENROLLED", 2024, "5 3 2 0 2 1 2 0");
    assertAreas("INS_COVERAGE", 2024, "83.33 75.00 100.00 - 66.67 100.00 100.00 -");
    assertRateParts("INS_COVERAGE", 2024, "5/6 3/4 2/2 0/0 2/3 1/1 2/2 0/0");
    // 2023: V1 p1 p2 (p1 enrolled); V2 p6
    assertAreas("INS_REQUIRED", 2023, "3 3 0 0 2 1 0 0");
    assertAreas("INS_COVERAGE", 2023, "66.67 66.67 - - 50.00 100.00 - -");
  }

  // ---------------------------------------------------------------------------------------------
  // priority groups

  @Test
  void alleviatedMembersAreMatchedToTheirInsuranceRowOfTheSameYear() {
    // alleviated 2024: V1 p1 (required, enrolled), p2 (required, not enrolled, subsidy 100);
    // V2 p6 (no insurance row of 2024: required, not enrolled, unmatched), p8 (insured in V3,
    // counted in V2 by the roster's village; required, enrolled, subsidy 0)
    assertAreas("INS_ALLEVIATED_REQUIRED", 2024, "4 4 0 0 2 2 0 0");
    assertAreas("INS_ALLEVIATED_ENROLLED", 2024, "2 2 0 0 1 1 0 0");
    assertAreas("INS_ALLEVIATED_COVERAGE", 2024, "50.00 50.00 - - 50.00 50.00 - -");
    assertRateParts("INS_ALLEVIATED_COVERAGE", 2024, "2/4 2/4 0/0 0/0 1/2 1/2 0/0 0/0");
    assertAreas("INS_ALLEVIATED_SUBSIDIZED", 2024, "1 1 0 0 1 0 0 0");
    assertAreas("INS_ALLEVIATED_SUBSIDY_RATE", 2024, "25.00 25.00 - - 50.00 0.00 - -");
    assertAreas("INS_ALLEVIATED_UNMATCHED", 2024, "1 1 0 0 0 1 0 0");
  }

  @Test
  void unmatchedMonitoredMemberCountsAsRequiredNotEnrolledNotSubsidized() {
    // monitored 2024: V1 p2 (required, not enrolled, subsidy 100), p9 (required, enrolled,
    // subsidy 80); V2 p10 (no row: required, unmatched, not subsidized); V3 p4 (not required,
    // so neither required nor subsidized although its subsidy is 50)
    assertAreas("INS_MONITORED_REQUIRED", 2024, "3 3 0 0 2 1 0 0");
    assertAreas("INS_MONITORED_ENROLLED", 2024, "1 1 0 0 1 0 0 0");
    assertAreas("INS_MONITORED_COVERAGE", 2024, "33.33 33.33 - - 50.00 0.00 - -");
    assertAreas("INS_MONITORED_SUBSIDIZED", 2024, "2 2 0 0 2 0 0 0");
    assertAreas("INS_MONITORED_SUBSIDY_RATE", 2024, "66.67 66.67 - - 100.00 0.00 - -");
    assertRateParts("INS_MONITORED_SUBSIDY_RATE", 2024, "2/3 2/3 0/0 0/0 2/2 0/1 0/0 0/0");
    assertAreas("INS_MONITORED_UNMATCHED", 2024, "1 1 0 0 0 1 0 0");
    // 2023: p10 monitored in V2 with no insurance row of 2023
    assertAreas("INS_MONITORED_REQUIRED", 2023, "1 1 0 0 0 1 0 0");
    assertAreas("INS_MONITORED_UNMATCHED", 2023, "1 1 0 0 0 1 0 0");
    assertAreas("INS_ALLEVIATED_REQUIRED", 2023, "2 2 0 0 2 0 0 0");
  }

  @Test
  void memberOfBothGroupsCountsInEach() {
    // p2 (V1) is alleviated and monitored: required in both groups, subsidized in both
    assertEquals("2", value("INS_ALLEVIATED_REQUIRED", V1, 2024));
    assertEquals("2", value("INS_MONITORED_REQUIRED", V1, 2024));
    assertEquals("1", value("INS_ALLEVIATED_SUBSIDIZED", V1, 2024));
    assertEquals("2", value("INS_MONITORED_SUBSIDIZED", V1, 2024));
  }

  // ---------------------------------------------------------------------------------------------
  // monitoring

  @Test
  void monitoringCountsPersonsAndHouseholds() {
    assertAreas("ALLEVIATED_PERSONS", 2024, "4 4 0 0 2 2 0 0");
    assertAreas("ALLEVIATED_HOUSEHOLDS", 2024, "3 3 0 0 1 2 0 0"); // V1 h1; V2 h2 h6
    assertAreas("MON_PERSONS", 2024, "4 3 1 0 2 1 1 0");
  }

  @Test
  void householdWithMembersInTwoVillagesCountsOnceInEachArea() {
    // h5: p9 in V1, p10 in V2 (both in T1). V1 = {h1, h5}, V2 = {h5}, T1 = {h1, h5} (not 3),
    // T2 = {h3}, county = {h1, h5, h3}
    assertAreas("MON_HOUSEHOLDS", 2024, "3 2 1 0 2 1 1 0");
  }

  @Test
  void monitoringDateRulesUseTheCalendarYearBoundaries() {
    // new in 2024: p2 (identified 2024-01-01); p4 (2023-12-31) is not
    assertAreas("MON_NEW_PERSONS", 2024, "1 1 0 0 1 0 0 0");
    assertAreas("MON_NEW_HOUSEHOLDS", 2024, "1 1 0 0 1 0 0 0");
    // eliminated in 2024: p4 (2024-12-31); p10 (2023-06-30) is not
    assertAreas("MON_ELIMINATED_PERSONS", 2024, "1 0 1 0 0 0 1 0");
    assertAreas("MON_ELIMINATED_HOUSEHOLDS", 2024, "1 0 1 0 0 0 1 0");
    // active at 2024-12-31: p2, p9 (no elimination date); not p4 (2024-12-31), not p10
    assertAreas("MON_ACTIVE_PERSONS", 2024, "2 2 0 0 2 0 0 0");
    // (MON_PERSONS - MON_ACTIVE_PERSONS) / MON_PERSONS
    assertAreas("MON_ELIMINATION_RATE", 2024, "50.00 33.33 100.00 - 0.00 100.00 100.00 -");
    assertRateParts("MON_ELIMINATION_RATE", 2024, "2/4 1/3 1/1 0/0 0/2 1/1 1/1 0/0");
    // 2023: p10 identified 2023-02-01 and eliminated 2023-06-30
    assertAreas("MON_NEW_PERSONS", 2023, "1 1 0 0 0 1 0 0");
    assertAreas("MON_ELIMINATED_PERSONS", 2023, "1 1 0 0 0 1 0 0");
    assertAreas("MON_ACTIVE_PERSONS", 2023, "0 0 0 0 0 0 0 0");
    assertAreas("MON_ELIMINATION_RATE", 2023, "100.00 100.00 - - - 100.00 - -");
  }

  // ---------------------------------------------------------------------------------------------
  // housing

  @Test
  void housingCountsHouseholdsRoomsTasksAndSubsidies() {
    assertAreas("HOUSING_HOUSEHOLDS", 2024, "5 4 1 0 2 2 1 0");
    assertAreas("HOUSING_ROOMS", 2024, "20 18 2 0 7 11 2 0");
    assertAreas("HOUSING_APPRAISED", 2024, "4 4 0 0 2 2 0 0");
    assertAreas("HOUSING_DANGEROUS", 2024, "2 2 0 0 1 1 0 0");
    assertAreas("HOUSING_PLAN_TASKS", 2024, "2 2 0 0 2 0 0 0");
    assertAreas("HOUSING_PLAN_COMPLETED", 2024, "1 1 0 0 1 0 0 0");
    assertAreas("HOUSING_PLAN_COMPLETION", 2024, "50.00 50.00 - - 50.00 - - -");
    assertAreas("HOUSING_DYNAMIC_TASKS", 2024, "2 2 0 0 0 2 0 0");
    assertAreas("HOUSING_DYNAMIC_COMPLETED", 2024, "1 1 0 0 0 1 0 0");
    // V3's only household has no subsidy amount: 0.00
    assertAreas(
        "HOUSING_SUBSIDY_YUAN", 2024, "21000.75 21000.75 0.00 0.00 12000.50 9000.25 0.00 0.00");
  }

  // ---------------------------------------------------------------------------------------------
  // water projects

  @Test
  void projectServingTwoTownshipsCountsOnceInEachAreaItServes() {
    // W1 (maintenance, 100.50 万元): V1 100, V2 50 (both T1), V3 30 (T2). W2 (maintenance,
    // 20.00 万元) has no village rows: county only.
    assertAreas("WATER_MAINT_PROJECTS", 2024, "2 1 1 0 1 1 1 0");
    assertAreas(
        "WATER_MAINT_INVESTMENT_WAN", 2024, "120.50 100.50 100.50 0.00 100.50 100.50 100.50 0.00");
    assertAreas("WATER_MAINT_BENEFICIARIES", 2024, "180 150 30 0 100 50 30 0");
  }

  @Test
  void orphanVillageRowCountsNowhere() {
    // W9 (not in water_projects) has a village row in V1 with 999 beneficiaries: V1 and the
    // county hold only the beneficiaries of listed projects (V1: W1 100 in 2024, W4 10 in 2023)
    assertAreas("WATER_MAINT_BENEFICIARIES", 2024, "180 150 30 0 100 50 30 0");
    assertAreas("WATER_QUALITY_BENEFICIARIES", 2024, "40 40 0 0 0 40 0 0");
    assertAreas("WATER_QUALITY_BENEFICIARIES", 2023, "10 10 0 0 10 0 0 0");
    assertAreas("WATER_CONSOL_BENEFICIARIES", 2024, "200 0 200 0 0 0 200 0");
  }

  @Test
  void otherProjectTypesAndYears() {
    assertAreas("WATER_QUALITY_PROJECTS", 2024, "1 1 0 0 0 1 0 0");
    assertAreas("WATER_QUALITY_INVESTMENT_WAN", 2024, "75.25 75.25 0.00 0.00 0.00 75.25 0.00 0.00");
    assertAreas("WATER_QUALITY_PROJECTS", 2023, "1 1 0 0 1 0 0 0");
    assertAreas("WATER_QUALITY_INVESTMENT_WAN", 2023, "50.00 50.00 0.00 0.00 50.00 0.00 0.00 0.00");
    assertAreas("WATER_CONSOL_PROJECTS", 2024, "1 0 1 0 0 0 1 0");
    assertAreas(
        "WATER_CONSOL_INVESTMENT_WAN", 2024, "300.00 0.00 300.00 0.00 0.00 0.00 300.00 0.00");
    assertAreas("WATER_MAINT_PROJECTS", 2023, "0 0 0 0 0 0 0 0");
  }

  // ---------------------------------------------------------------------------------------------
  // water survey

  @Test
  void waterSurveyCountsSafeHouseholdsAndPersons() {
    assertAreas("WATER_SURVEYED_HOUSEHOLDS", 2024, "4 3 1 0 2 1 1 0");
    assertAreas("WATER_SURVEYED_PERSONS", 2024, "14 9 5 0 7 2 5 0");
    assertAreas("WATER_SAFE_HOUSEHOLDS", 2024, "2 1 1 0 1 0 1 0");
    assertAreas("WATER_SAFE_PERSONS", 2024, "9 4 5 0 4 0 5 0");
    assertAreas("WATER_SAFE_RATE", 2024, "50.00 33.33 100.00 - 50.00 0.00 100.00 -");
  }

  @Test
  void ratesRoundHalfUpExactly() {
    // V1 1/8 = 12.5; V2 1/800 = 0.125; V3 2/3 = 66.666…; V4 23/160 = 14.375 (in binary floating
    // point 23.0 / 160 * 100 = 14.374999999999998, which would round to 14.37);
    // T1 2/808 = 0.2475…; county 27/971 = 2.7806…
    assertAreas("WATER_SAFE_RATE", 2022, "2.78 0.25 66.67 14.38 12.50 0.13 66.67 14.38");
    assertRateParts("WATER_SAFE_RATE", 2022, "27/971 2/808 2/3 23/160 1/8 1/800 2/3 23/160");
  }

  // ---------------------------------------------------------------------------------------------
  // education

  @Test
  void educationRegisterCountsStudentsAndPriorityAid() {
    assertAreas("EDU_STUDENTS", 2024, "6 3 3 0 2 1 3 0");
    assertAreas("EDU_COMPULSORY_STUDENTS", 2024, "4 2 2 0 2 0 2 0");
    assertAreas("EDU_COMPULSORY_DROPOUTS", 2024, "1 1 0 0 1 0 0 0");
    // priority: p1 p2 (V1), p9 (V2), p4 (V3); not st1 (not on the roster), not p7 (on the
    // roster in neither group)
    assertAreas("EDU_PRIORITY_STUDENTS", 2024, "4 3 1 0 2 1 1 0");
    // aided in 2024: p1 (two payments), p4; p9's payment is of 2023
    assertAreas("EDU_PRIORITY_AIDED", 2024, "2 1 1 0 1 0 1 0");
    assertAreas("EDU_PRIORITY_AID_COVERAGE", 2024, "50.00 33.33 100.00 - 50.00 0.00 100.00 -");
  }

  @Test
  void paymentWithoutRegisterRowCountsAtCountyLevelOnly() {
    // 2024: pay1 pay2 (V1), pay3 pay6 (V3), pay4 (stX, no register row: county only)
    assertAreas("EDU_AID_TIMES", 2024, "5 2 2 0 2 0 2 0");
    assertAreas("EDU_AID_YUAN", 2024, "2700.00 750.00 1200.00 0.00 750.00 0.00 1200.00 0.00");
    assertAreas("EDU_PRESCHOOL_AID_TIMES", 2024, "2 0 1 0 0 0 1 0");
    assertAreas("EDU_PRESCHOOL_AID_YUAN", 2024, "1750.00 0.00 1000.00 0.00 0.00 0.00 1000.00 0.00");
    // 2023: pay5 (p9 has a register row in V2 only for 2024: county only)
    assertAreas("EDU_AID_TIMES", 2023, "1 0 0 0 0 0 0 0");
    assertAreas("EDU_AID_YUAN", 2023, "300.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00");
  }

  // ---------------------------------------------------------------------------------------------
  // common rules

  @Test
  void areaWithNoRowsGetsZerosAndItsRatesAreEmpty() {
    for (String code : IndicatorCatalogue.bundled().codes()) {
      Row row = row(code, V4, 2024);
      assertEquals(0, ((BigDecimal) row.getAs("numerator")).signum(), code + " numerator");
      if ("rate".equals(row.getAs("kind"))) {
        assertEquals(0, ((BigDecimal) row.getAs("denominator")).signum(), code + " denominator");
        assertNull(row.getAs("value"), code + " value of 0/0");
      } else {
        assertEquals(0, ((BigDecimal) row.getAs("value")).signum(), code + " value");
      }
    }
  }

  @Test
  void zeroDenominatorGivesEmptyRateAndEmptyYoy() {
    Row row = row("INS_COVERAGE", V3, 2023); // no insurance rows in V3 in 2023
    assertEquals(new BigDecimal("0.00"), row.getAs("numerator"));
    assertEquals(new BigDecimal("0.00"), row.getAs("denominator"));
    assertNull(row.getAs("value"));
    // 2024 has a value, but the previous value is empty, so is the change
    assertYoy("INS_COVERAGE", V3, 2024, "100.00", "-", "-");
  }

  @Test
  void yearOverYearUsesThePreviousYearsPublishedValue() {
    // rounded values: 83.33 - 66.67 = 16.66 (the unrounded difference would round to 16.67)
    assertYoy("INS_COVERAGE", COUNTY, 2024, "83.33", "66.67", "16.66");
    assertYoy("INS_COVERAGE", T1, 2024, "75.00", "66.67", "8.33");
    assertYoy("INS_REQUIRED", COUNTY, 2024, "6", "3", "3");
    assertYoy("MON_PERSONS", COUNTY, 2024, "4", "1", "3");
    assertYoy("MON_ELIMINATION_RATE", COUNTY, 2024, "50.00", "100.00", "-50.00");
    assertYoy("WATER_QUALITY_PROJECTS", V1, 2024, "0", "1", "-1");
    assertYoy("WATER_QUALITY_INVESTMENT_WAN", V1, 2024, "0.00", "50.00", "-50.00");
    assertYoy("EDU_AID_TIMES", COUNTY, 2024, "5", "1", "4");
    assertYoy("EDU_AID_TIMES", V2, 2024, "0", "0", "0");
  }

  @Test
  void previousValueIsOfYearMinusOneNotOfThePreviousComputedYear() {
    // water_survey has 2022 and 2024 but not 2023: 2024 has no previous value
    assertYoy("WATER_SAFE_RATE", COUNTY, 2024, "50.00", "-", "-");
    assertYoy("WATER_SURVEYED_HOUSEHOLDS", V2, 2024, "1", "-", "-");
  }

  @Test
  void firstYearHasNoPreviousValue() {
    assertYoy("INS_COVERAGE", COUNTY, 2023, "66.67", "-", "-");
    assertYoy("EDU_AID_YUAN", COUNTY, 2023, "300.00", "-", "-");
    // housing exists for 2024 only
    assertYoy("HOUSING_ROOMS", T1, 2024, "18", "-", "-");
    assertYoy("HOUSING_PLAN_COMPLETION", COUNTY, 2024, "50.00", "-", "-");
  }

  @Test
  void exportFormatsTheComputedTable() {
    // formats the collected rows (so the computation is not run again)
    Dataset<Row> computed =
        TestSpark.session().createDataFrame(new ArrayList<>(byKey.values()), result.schema());
    Map<String, List<String>> csvRows = new LinkedHashMap<>();
    for (Row row :
        IndicatorExport.format(computed)
            .where(
                "(indicator_code IN ('INS_COVERAGE', 'EDU_AID_YUAN', 'MON_HOUSEHOLDS')"
                    + " AND area_code = '"
                    + COUNTY
                    + "' AND year = '2024') OR (indicator_code = 'INS_COVERAGE' AND area_code = '"
                    + V4
                    + "' AND year = '2024')")
            .collectAsList()) {
      List<String> fields = new ArrayList<>();
      for (int i = 0; i < row.length(); i++) {
        fields.add(row.isNullAt(i) ? "" : row.getString(i));
      }
      csvRows.put(row.getString(0) + " " + row.getString(1), fields);
    }
    assertEquals(
        List.of("INS_COVERAGE", COUNTY, "county", "2024", "5", "6", "83.33", "66.67", "16.66"),
        csvRows.get("INS_COVERAGE " + COUNTY));
    assertEquals(
        List.of("INS_COVERAGE", V4, "village", "2024", "0", "0", "", "", ""),
        csvRows.get("INS_COVERAGE " + V4));
    assertEquals(
        List.of(
            "EDU_AID_YUAN",
            COUNTY,
            "county",
            "2024",
            "2700.00",
            "",
            "2700.00",
            "300.00",
            "2400.00"),
        csvRows.get("EDU_AID_YUAN " + COUNTY));
    assertEquals(
        List.of("MON_HOUSEHOLDS", COUNTY, "county", "2024", "3", "", "3", "1", "2"),
        csvRows.get("MON_HOUSEHOLDS " + COUNTY));
  }

  // ---------------------------------------------------------------------------------------------
  // input checks

  @Test
  void missingCleanTableIsNamed() {
    Map<String, Dataset<Row>> withoutHousing = new LinkedHashMap<>(tables);
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
    Map<String, Dataset<Row>> input = new LinkedHashMap<>(tables);
    input.put("housing", tables.get("housing").drop("rooms"));
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> new IndicatorCalculator(IndicatorCatalogue.bundled()).compute(input));
    assertTrue(
        missing.getMessage().startsWith("Clean table 'housing' has no column rooms (int)"),
        missing.getMessage());

    input.put(
        "housing",
        tables
            .get("housing")
            .withColumn("rooms", tables.get("housing").col("rooms").cast("string")));
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
            IllegalArgumentException.class, () -> new IndicatorCalculator(broken).compute(tables));
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
            IllegalArgumentException.class, () -> new IndicatorCalculator(broken).compute(tables));
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

  // ---------------------------------------------------------------------------------------------
  // helpers

  private static String key(String code, String area, int year) {
    return code + "|" + area + "|" + year;
  }

  private static Row row(String code, String area, int year) {
    Row row = byKey.get(key(code, area, year));
    if (row == null) {
      throw new AssertionError("no row for " + key(code, area, year));
    }
    return row;
  }

  private static Set<Integer> yearsOf(String code) {
    Set<Integer> years = new TreeSet<>();
    for (Row row : byKey.values()) {
      if (row.getString(0).equals(code)) {
        years.add(row.getInt(3));
      }
    }
    return years;
  }

  /** A figure as the test writes it: counts without decimals, others with two, "-" for empty. */
  private static String render(Row row, String column) {
    BigDecimal figure = row.getAs(column);
    if (figure == null) {
      return "-";
    }
    return "count".equals(row.getAs("kind"))
        ? figure.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
        : figure.toPlainString();
  }

  private static String value(String code, String area, int year) {
    return render(row(code, area, year), "value");
  }

  private static void assertAreas(String code, int year, String expected) {
    String actual =
        AREAS.stream().map(area -> value(code, area, year)).collect(Collectors.joining(" "));
    assertEquals(expected, actual, code + " " + year + " (county T1 T2 T3 V1 V2 V3 V4)");
  }

  private static void assertRateParts(String code, int year, String expected) {
    String actual =
        AREAS.stream()
            .map(
                area -> {
                  Row row = row(code, area, year);
                  BigDecimal n = row.getAs("numerator");
                  BigDecimal d = row.getAs("denominator");
                  return n.setScale(0, RoundingMode.UNNECESSARY)
                      + "/"
                      + d.setScale(0, RoundingMode.UNNECESSARY);
                })
            .collect(Collectors.joining(" "));
    assertEquals(expected, actual, code + " " + year + " numerator/denominator");
  }

  private static void assertYoy(
      String code, String area, int year, String value, String prev, String yoy) {
    Row row = row(code, area, year);
    assertEquals(
        value + " " + prev + " " + yoy,
        render(row, "value") + " " + render(row, "prev_value") + " " + render(row, "yoy_change"),
        code + " " + area + " " + year + " value prev_value yoy_change");
  }
}
