package org.ruralstats.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ruralstats.indicators.CalculatorFixture.V1;
import static org.ruralstats.indicators.CalculatorFixture.assertAreas;
import static org.ruralstats.indicators.CalculatorFixture.assertRateParts;
import static org.ruralstats.indicators.CalculatorFixture.value;

import org.junit.jupiter.api.Test;

/**
 * The insurance fact groups on the county of {@link CalculatorFixture}: persons within each area
 * ({@code insurance}), and the priority groups matched to their insurance rows ({@code
 * priority_insurance}: alleviated and monitored members, unmatched members, a member of both).
 */
class IndicatorCalculatorInsuranceTest {

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
}
