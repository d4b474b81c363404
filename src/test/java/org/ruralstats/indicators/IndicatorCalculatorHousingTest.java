package org.ruralstats.indicators;

import static org.ruralstats.indicators.CalculatorFixture.assertAreas;

import org.junit.jupiter.api.Test;

/**
 * The {@code housing} fact group on the county of {@link CalculatorFixture}: households, rooms,
 * appraisals, plan and dynamic tasks, subsidies.
 */
class IndicatorCalculatorHousingTest {

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
}
