package org.ruralstats.indicators;

import static org.ruralstats.indicators.CalculatorFixture.assertAreas;

import org.junit.jupiter.api.Test;

/**
 * The water fact groups on the county of {@link CalculatorFixture}: projects by type and year with
 * the villages they serve ({@code water_projects}: a project serving two townships, an orphan
 * village row), and the survey's safe households and persons ({@code water_survey}).
 */
class IndicatorCalculatorWaterTest {

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

  @Test
  void waterSurveyCountsSafeHouseholdsAndPersons() {
    assertAreas("WATER_SURVEYED_HOUSEHOLDS", 2024, "4 3 1 0 2 1 1 0");
    assertAreas("WATER_SURVEYED_PERSONS", 2024, "14 9 5 0 7 2 5 0");
    assertAreas("WATER_SAFE_HOUSEHOLDS", 2024, "2 1 1 0 1 0 1 0");
    assertAreas("WATER_SAFE_PERSONS", 2024, "9 4 5 0 4 0 5 0");
    assertAreas("WATER_SAFE_RATE", 2024, "50.00 33.33 100.00 - 50.00 0.00 100.00 -");
  }
}
