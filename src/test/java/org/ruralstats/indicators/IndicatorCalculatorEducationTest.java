package org.ruralstats.indicators;

import static org.ruralstats.indicators.CalculatorFixture.assertAreas;

import org.junit.jupiter.api.Test;

/**
 * The education fact groups on the county of {@link CalculatorFixture}: the register's students and
 * priority aid ({@code education_register}), and aid payments, one without a register row ({@code
 * education_aid}).
 */
class IndicatorCalculatorEducationTest {

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
}
