package org.ruralstats.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.ruralstats.indicators.CleanTables.amount;
import static org.ruralstats.indicators.CleanTables.date;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.ruralstats.support.TestSpark;

/**
 * The calculator on one small hand-built county, computed once per test JVM and shared by the
 * {@code IndicatorCalculator*Test} classes: a county, three townships and four villages (V4 in T3
 * has rows only in the 2022 water survey), years 2022 to 2024. Every expected figure in those
 * classes was worked out by hand from the rows in {@link #fixture()}; the tests' comments say how.
 *
 * <p>Figures are asserted per indicator and year for all eight areas in the order {@link #AREAS}
 * (county, T1, T2, T3, V1, V2, V3, V4): counts as integers, amounts and rates with two decimals,
 * {@code -} for an empty value.
 */
final class CalculatorFixture {

  static final String COUNTY = "141123000000";
  static final String T1 = "141123100000";
  static final String T2 = "141123101000";
  static final String T3 = "141123102000";
  static final String V1 = "141123100201"; // in T1
  static final String V2 = "141123100202"; // in T1
  static final String V3 = "141123101201"; // in T2
  static final String V4 = "141123102201"; // in T3; rows only in the 2022 water survey

  static final List<String> AREAS = List.of(COUNTY, T1, T2, T3, V1, V2, V3, V4);

  /**
   * The clean tables, the calculator's result and its rows, collected, by indicator|area|year; and
   * what a caller's own view named {@code roster} held once the rows were collected.
   */
  private record Computed(
      Map<String, Dataset<Row>> tables,
      Dataset<Row> result,
      Map<String, Row> byKey,
      String callersRoster) {}

  private static Computed computed;
  private static Throwable failure;

  private CalculatorFixture() {}

  /** The county's clean tables, as DataFrames of the shared session. */
  static Map<String, Dataset<Row>> tables() {
    return computed().tables();
  }

  /** The calculator's result over {@link #tables()} (its rows are collected in {@link #byKey}). */
  static Dataset<Row> result() {
    return computed().result();
  }

  /**
   * What a caller's own temporary view named {@code roster}, made before the computation, held once
   * the result's rows were collected (the view is dropped then).
   */
  static String callersRosterAfterComputing() {
    return computed().callersRoster();
  }

  /** The result's rows by indicator, area and year. */
  static Map<String, Row> byKey() {
    return computed().byKey();
  }

  /** Builds the tables and computes the catalogue over them, if no test has yet. */
  static void computeOnce() {
    computed();
  }

  /**
   * Builds the tables and computes the catalogue over them, on first use; a failure is kept and
   * rethrown to every later caller rather than computed again.
   */
  private static synchronized Computed computed() {
    if (computed == null) {
      if (failure != null) {
        throw new IllegalStateException("computing the county failed before", failure);
      }
      try {
        computed = compute();
      } catch (RuntimeException | Error e) {
        failure = e;
        throw e;
      }
    }
    return computed;
  }

  private static Computed compute() {
    Map<String, Dataset<Row>> tables = fixture().build();
    // A caller's own temporary view with a source's name must not be picked up by the catalogue's
    // SQL, nor replaced or dropped by it (IndicatorCalculatorShapeTest).
    TestSpark.session().sql("SELECT 'not the roster' AS junk").createOrReplaceTempView("roster");
    Dataset<Row> result = new IndicatorCalculator(IndicatorCatalogue.bundled()).compute(tables);
    Map<String, Row> byKey = new HashMap<>();
    for (Row row : result.collectAsList()) {
      String key = key(row.getString(0), row.getString(1), row.getInt(3));
      assertNull(byKey.put(key, row), "duplicate row " + key);
    }
    String callersRoster = TestSpark.sql("SELECT junk FROM roster").get(0).getString(0);
    TestSpark.session().catalog().dropTempView("roster");
    return new Computed(tables, result, byKey, callersRoster);
  }

  /** The county's rows; the comments say what each case is for. */
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
  // helpers of the test classes

  private static String key(String code, String area, int year) {
    return code + "|" + area + "|" + year;
  }

  static Row row(String code, String area, int year) {
    Row row = byKey().get(key(code, area, year));
    if (row == null) {
      throw new AssertionError("no row for " + key(code, area, year));
    }
    return row;
  }

  static Set<Integer> yearsOf(String code) {
    Set<Integer> years = new TreeSet<>();
    for (Row row : byKey().values()) {
      if (row.getString(0).equals(code)) {
        years.add(row.getInt(3));
      }
    }
    return years;
  }

  /** A figure as the tests write it: counts without decimals, others with two, "-" for empty. */
  private static String render(Row row, String column) {
    BigDecimal figure = row.getAs(column);
    if (figure == null) {
      return "-";
    }
    return "count".equals(row.getAs("kind"))
        ? figure.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
        : figure.toPlainString();
  }

  static String value(String code, String area, int year) {
    return render(row(code, area, year), "value");
  }

  static void assertAreas(String code, int year, String expected) {
    String actual =
        AREAS.stream().map(area -> value(code, area, year)).collect(Collectors.joining(" "));
    assertEquals(expected, actual, code + " " + year + " (county T1 T2 T3 V1 V2 V3 V4)");
  }

  static void assertRateParts(String code, int year, String expected) {
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

  static void assertYoy(String code, String area, int year, String value, String prev, String yoy) {
    Row row = row(code, area, year);
    assertEquals(
        value + " " + prev + " " + yoy,
        render(row, "value") + " " + render(row, "prev_value") + " " + render(row, "yoy_change"),
        code + " " + area + " " + year + " value prev_value yoy_change");
  }
}
