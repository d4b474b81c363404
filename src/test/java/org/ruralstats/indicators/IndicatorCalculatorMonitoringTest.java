package org.ruralstats.indicators;

import static org.ruralstats.indicators.CalculatorFixture.assertAreas;
import static org.ruralstats.indicators.CalculatorFixture.assertRateParts;

import org.junit.jupiter.api.Test;

/**
 * The roster's monitoring fact groups ({@code monitoring}, {@code monitoring_households}) on the
 * county of {@link CalculatorFixture}: persons and households, a household in two villages, and the
 * date rules at the calendar year's boundaries.
 */
class IndicatorCalculatorMonitoringTest {

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
}
