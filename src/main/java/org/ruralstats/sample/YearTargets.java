package org.ruralstats.sample;

/**
 * The county figures the sample is built to reproduce for one year. The 2024 values are the
 * published figures of SEED_FIGURES.md; the 2023 values are this generator's own choice. They are
 * met by construction for every seed.
 *
 * @param year the year
 * @param insRequired INS_REQUIRED
 * @param insEnrolled INS_ENROLLED
 * @param monitoredInsuredRequired monitored persons whose insurance row says required = yes
 * @param monitoredUnmatched monitored persons without an insurance row (INS_MONITORED_UNMATCHED)
 * @param alleviatedRequired INS_ALLEVIATED_REQUIRED (no alleviated person is unmatched)
 * @param monHouseholds MON_HOUSEHOLDS
 * @param monPersons MON_PERSONS
 * @param monNewHouseholds MON_NEW_HOUSEHOLDS
 * @param monNewPersons MON_NEW_PERSONS
 * @param shijiashanMonHouseholds MON_HOUSEHOLDS of 史家山村
 * @param housingPlanTasks HOUSING_PLAN_TASKS
 * @param housingPlanCompleted HOUSING_PLAN_COMPLETED
 * @param housingDynamicTasks HOUSING_DYNAMIC_TASKS
 * @param luoyukouRooms HOUSING_ROOMS of 罗峪口镇
 * @param luoyukouDangerous HOUSING_DANGEROUS of 罗峪口镇
 * @param maint WATER_MAINT_*
 * @param quality WATER_QUALITY_*
 * @param consol WATER_CONSOL_*
 * @param preschoolAidTimes EDU_PRESCHOOL_AID_TIMES (each payment is {@link #PRESCHOOL_AID_YUAN})
 * @param compulsoryDropouts EDU_COMPULSORY_DROPOUTS
 */
public record YearTargets(
    int year,
    int insRequired,
    int insEnrolled,
    int monitoredInsuredRequired,
    int monitoredUnmatched,
    int alleviatedRequired,
    int monHouseholds,
    int monPersons,
    int monNewHouseholds,
    int monNewPersons,
    int shijiashanMonHouseholds,
    int housingPlanTasks,
    int housingPlanCompleted,
    int housingDynamicTasks,
    int luoyukouRooms,
    int luoyukouDangerous,
    Water maint,
    Water quality,
    Water consol,
    int preschoolAidTimes,
    int compulsoryDropouts) {

  /** Every preschool aid payment is 500 yuan (1480 × 500 = 740000). */
  public static final int PRESCHOOL_AID_YUAN = 500;

  /**
   * Water project figures of one type.
   *
   * @param projects number of projects
   * @param investmentCents total investment in 0.01 万元
   * @param beneficiaries total beneficiaries over the projects' village rows
   */
  public record Water(int projects, int investmentCents, int beneficiaries) {}

  /** INS_MONITORED_REQUIRED: insured required members plus unmatched members. */
  public int monitoredRequired() {
    return monitoredInsuredRequired + monitoredUnmatched;
  }

  /** The published 2024 figures. */
  public static final YearTargets Y2024 =
      new YearTargets(
          2024,
          210236,
          203510,
          4400,
          0,
          68228,
          3021,
          6937,
          367,
          839,
          12,
          255,
          255,
          181,
          5578,
          0,
          new Water(44, 31300, 15654),
          new Water(5, 220000, 93601),
          new Water(26, 118000, 16437),
          1480,
          0);

  /** The generator's 2023 figures: a little lower than 2024. */
  public static final YearTargets Y2023 =
      new YearTargets(
          2023,
          209418,
          201977,
          4009,
          3,
          67946,
          2748,
          6305,
          341,
          782,
          11,
          238,
          234,
          164,
          5541,
          3,
          new Water(41, 28600, 14208),
          new Water(4, 185000, 81376),
          new Water(22, 96000, 13904),
          1412,
          2);

  /** The targets of a year (2023 or 2024). */
  public static YearTargets of(int year) {
    return switch (year) {
      case 2023 -> Y2023;
      case 2024 -> Y2024;
      default -> throw new IllegalArgumentException("no sample year " + year);
    };
  }
}
