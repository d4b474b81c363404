package org.ruralstats.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.ruralstats.indicators.CalculatorFixture.COUNTY;
import static org.ruralstats.indicators.CalculatorFixture.T1;
import static org.ruralstats.indicators.CalculatorFixture.V1;
import static org.ruralstats.indicators.CalculatorFixture.V2;
import static org.ruralstats.indicators.CalculatorFixture.V3;
import static org.ruralstats.indicators.CalculatorFixture.V4;
import static org.ruralstats.indicators.CalculatorFixture.assertAreas;
import static org.ruralstats.indicators.CalculatorFixture.assertRateParts;
import static org.ruralstats.indicators.CalculatorFixture.assertYoy;
import static org.ruralstats.indicators.CalculatorFixture.byKey;
import static org.ruralstats.indicators.CalculatorFixture.result;
import static org.ruralstats.indicators.CalculatorFixture.row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.ruralstats.support.TestSpark;

/**
 * Rules common to every fact group, on the county of {@link CalculatorFixture}: rates rounded half
 * up exactly, zeros and empty rates for an area without rows or a zero denominator, the previous
 * year's value and the change, and the export of the computed table.
 */
class IndicatorCalculatorRulesTest {

  @Test
  void ratesRoundHalfUpExactly() {
    // V1 1/8 = 12.5; V2 1/800 = 0.125; V3 2/3 = 66.666…; V4 23/160 = 14.375 (in binary floating
    // point 23.0 / 160 * 100 = 14.374999999999998, which would round to 14.37);
    // T1 2/808 = 0.2475…; county 27/971 = 2.7806…
    assertAreas("WATER_SAFE_RATE", 2022, "2.78 0.25 66.67 14.38 12.50 0.13 66.67 14.38");
    assertRateParts("WATER_SAFE_RATE", 2022, "27/971 2/808 2/3 23/160 1/8 1/800 2/3 23/160");
  }

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
        TestSpark.session().createDataFrame(new ArrayList<>(byKey().values()), result().schema());
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
}
