package org.ruralstats.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.ruralstats.indicators.CleanTables.amount;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calculator with two county folders of one city (兴县 A with two villages, 临县 B with one) and a
 * third county in another city of the same province (小店区 C, only in the insurance data of 2024):
 * city and province rows, a person counted once across counties, households, projects and payments
 * of equal ids kept apart, years per county. Every figure below is worked out by hand from the rows
 * in {@link #fixture()}.
 */
class SeveralCountiesIndicatorsTest {
  static final String A = "141123000000";
  static final String TA = "141123100000";
  static final String VA1 = "141123100201";
  static final String VA2 = "141123100202";
  static final String B = "141124000000";
  static final String TB = "141124100000";
  static final String VB = "141124100201";
  static final String C = "140105000000";
  static final String TC = "140105001000";
  static final String VC = "140105001201";
  static final String CITY = "141100000000";
  static final String CITY_C = "140100000000";
  static final String PROVINCE = "140000000000";

  private static Map<String, Dataset<Row>> tables;
  private static Map<String, Row> byKey;

  @BeforeAll
  static void computeOnce() {
    tables = fixture().build();
    List<Row> rows =
        new IndicatorCalculator(IndicatorCatalogue.bundled()).compute(tables).collectAsList();
    byKey = new HashMap<>();
    for (Row row : rows) {
      String key = row.getString(0) + "/" + row.getString(1) + "/" + row.getInt(3);
      assertNull(byKey.put(key, row), "duplicate row " + key);
    }
  }

  static CleanTables fixture() {
    CleanTables t = CleanTables.builder();
    t.county(A)
        .add("divisions", A, "兴县", "county", null)
        .add("divisions", TA, "蔚汾镇", "township", A)
        .add("divisions", VA1, "西关村", "village", TA)
        .add("divisions", VA2, "东关村", "village", TA)
        // P1 enrolled in A in 2023 and 2024; P2 required, not enrolled
        .add("insurance", 2023, "P1", VA1, true, true, null, amount("0"), null)
        .add("insurance", 2024, "P1", VA1, true, true, null, amount("0"), null)
        .add("insurance", 2024, "P2", VA2, true, false, null, amount("0"), null)
        .add("roster", 2024, "P1", "H1", VA1, false, "marginal", null, null, "r")
        .add("housing", 2024, "H1", VA1, 3, null, null, null, null, null)
        .add("water_projects", "WP1", 2024, "maintenance", "completed", amount("10.00"))
        .add("water_project_villages", "WP1", VA1, 100)
        // a payment whose student has no register row: the county, its city and province only
        .add("education_aid", "PAY1", 2024, "P4", "preschool", "学前教育资助", amount("500"), null);
    t.county(B)
        .add("divisions", B, "临县", "county", null)
        .add("divisions", TB, "临泉镇", "township", B)
        .add("divisions", VB, "城庄村", "village", TB)
        // P1 is on B's roll too (required, not enrolled there); P3 enrolled
        .add("insurance", 2024, "P1", VB, true, false, null, amount("0"), null)
        .add("insurance", 2024, "P3", VB, true, true, null, amount("0"), null)
        .add("roster", 2024, "P1", "H1", VB, false, "marginal", null, null, "r")
        .add("housing", 2024, "H1", VB, 4, null, null, null, null, null)
        .add("water_projects", "WP1", 2024, "maintenance", "completed", amount("20.00"))
        .add("water_project_villages", "WP1", VB, 50)
        .add("education_aid", "PAY1", 2024, "P4", "preschool", "学前教育资助", amount("500"), null);
    t.county(C)
        .add("divisions", C, "小店区", "county", null)
        .add("divisions", TC, "坞城街道", "township", C)
        .add("divisions", VC, "坞城社区", "village", TC)
        .add("insurance", 2024, "P1", VC, true, true, null, amount("0"), null);
    return t;
  }

  private static String value(String indicator, String area, int year) {
    Row r = byKey.get(indicator + "/" + area + "/" + year);
    if (r == null) {
      return "absent";
    }
    Object v = r.get(6);
    return v == null ? "-" : ((java.math.BigDecimal) v).stripTrailingZeros().toPlainString();
  }

  private static String level(String area) {
    return byKey.values().stream()
        .filter(r -> r.getString(1).equals(area))
        .map(r -> r.getString(2))
        .findFirst()
        .orElse("absent");
  }

  @Test
  void factViewsHoldTheirGrainWhenAPersonIsOnTwoCountiesRolls() {
    // P1's insurance rows of A and B meet in the province: one row of the insurance fact there
    FactGrains.assertHeld(tables);
  }

  @Test
  void citiesAndProvincesComeFromTheCountyCodes() {
    assertEquals("city", level(CITY));
    assertEquals("city", level(CITY_C));
    assertEquals("province", level(PROVINCE));
    assertEquals("county", level(B));
    Set<String> areas = new TreeSet<>();
    byKey.values().forEach(r -> areas.add(r.getString(1)));
    assertEquals(
        new TreeSet<>(List.of(A, TA, VA1, VA2, B, TB, VB, C, TC, VC, CITY, CITY_C, PROVINCE)),
        areas);
  }

  @Test
  void aPersonOnTwoCountiesRollsCountsOnceInTheCityAndProvince() {
    assertEquals("2", value("INS_REQUIRED", A, 2024));
    assertEquals("1", value("INS_ENROLLED", A, 2024));
    assertEquals("2", value("INS_REQUIRED", B, 2024));
    assertEquals("1", value("INS_ENROLLED", B, 2024));
    // city 吕梁市: P1, P2, P3 required; P1 (enrolled in A) and P3 enrolled
    assertEquals("3", value("INS_REQUIRED", CITY, 2024));
    assertEquals("2", value("INS_ENROLLED", CITY, 2024));
    assertEquals("66.67", value("INS_COVERAGE", CITY, 2024));
    // province 山西省: the same three persons (P1 also in C, enrolled there)
    assertEquals("3", value("INS_REQUIRED", PROVINCE, 2024));
    assertEquals("2", value("INS_ENROLLED", PROVINCE, 2024));
    assertEquals("1", value("INS_REQUIRED", CITY_C, 2024));
    // P1 is monitored in A and in B: one person, two households (H1 of A, H1 of B)
    assertEquals("1", value("MON_PERSONS", CITY, 2024));
    assertEquals("2", value("MON_HOUSEHOLDS", CITY, 2024));
  }

  @Test
  void householdsProjectsAndPaymentsOfEqualIdsInTwoCountiesAreKeptApart() {
    assertEquals("1", value("HOUSING_HOUSEHOLDS", A, 2024));
    assertEquals("2", value("HOUSING_HOUSEHOLDS", CITY, 2024));
    assertEquals("7", value("HOUSING_ROOMS", CITY, 2024));
    assertEquals("2", value("WATER_MAINT_PROJECTS", CITY, 2024));
    assertEquals("30", value("WATER_MAINT_INVESTMENT_WAN", CITY, 2024));
    assertEquals("150", value("WATER_MAINT_BENEFICIARIES", CITY, 2024));
    assertEquals("50", value("WATER_MAINT_BENEFICIARIES", B, 2024));
    assertEquals("100", value("WATER_MAINT_BENEFICIARIES", VA1, 2024));
    // PAY1 of A and PAY1 of B: two payments; each at its county, its city and province only
    assertEquals("1", value("EDU_AID_TIMES", A, 2024));
    assertEquals("0", value("EDU_AID_TIMES", TA, 2024));
    assertEquals("2", value("EDU_AID_TIMES", CITY, 2024));
    assertEquals("1000", value("EDU_AID_YUAN", PROVINCE, 2024));
  }

  @Test
  void eachCountyGetsItsOwnYearsAndACityTheYearsOfAnyOfItsCounties() {
    assertEquals("1", value("INS_REQUIRED", A, 2023));
    assertEquals("0", value("INS_REQUIRED", VA2, 2023));
    assertEquals("absent", value("INS_REQUIRED", B, 2023));
    assertEquals("absent", value("INS_REQUIRED", VB, 2023));
    assertEquals("1", value("INS_REQUIRED", CITY, 2023));
    assertEquals("absent", value("INS_REQUIRED", CITY_C, 2023));
    // 2024 in the city has 2023 to compare with
    Row city = byKey.get("INS_REQUIRED/" + CITY + "/2024");
    assertEquals(new java.math.BigDecimal("1.00"), city.get(7), "prev_value");
    assertEquals(new java.math.BigDecimal("2.00"), city.get(8), "yoy_change");
    // water projects only in 2024, housing only in 2024, education aid only in 2024
    assertEquals("absent", value("HOUSING_HOUSEHOLDS", CITY, 2023));
    assertEquals("absent", value("EDU_AID_TIMES", C, 2024));
  }
}
