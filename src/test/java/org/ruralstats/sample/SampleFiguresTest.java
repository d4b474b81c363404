package org.ruralstats.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ruralstats.sample.LandingReader.Row;

/**
 * Re-reads the generated files with an independent reader (decode, parse with commons-csv, apply
 * the rules of SOURCES.md, supersede) and recomputes the seed figures per INDICATORS.md.
 */
class SampleFiguresTest {

  private static final String LUOYUKOU = "141123105000";

  /** The figures of a year: the published ones for 2024, the generator's own for 2023. */
  static Map<String, Object> expected(int year) {
    Map<String, Object> m = new LinkedHashMap<>();
    boolean y24 = year == 2024;
    m.put("INS_REQUIRED", y24 ? 210236 : 209418);
    m.put("INS_ENROLLED", y24 ? 203510 : 201977);
    m.put("INS_COVERAGE", new BigDecimal(y24 ? "96.80" : "96.45"));
    m.put("INS_MONITORED_REQUIRED", y24 ? 4400 : 4012);
    m.put("INS_MONITORED_ENROLLED", y24 ? 4400 : 4009);
    m.put("INS_MONITORED_SUBSIDIZED", y24 ? 4400 : 4009);
    m.put("INS_MONITORED_UNMATCHED", y24 ? 0 : 3);
    m.put("INS_ALLEVIATED_REQUIRED", y24 ? 68228 : 67946);
    m.put("INS_ALLEVIATED_ENROLLED", y24 ? 68228 : 67946);
    m.put("INS_ALLEVIATED_SUBSIDIZED", y24 ? 68228 : 67946);
    m.put("INS_ALLEVIATED_UNMATCHED", 0);
    m.put("MON_HOUSEHOLDS", y24 ? 3021 : 2748);
    m.put("MON_PERSONS", y24 ? 6937 : 6305);
    m.put("MON_NEW_HOUSEHOLDS", y24 ? 367 : 341);
    m.put("MON_NEW_PERSONS", y24 ? 839 : 782);
    m.put("HOUSING_PLAN_TASKS", y24 ? 255 : 238);
    m.put("HOUSING_PLAN_COMPLETED", y24 ? 255 : 234);
    m.put("HOUSING_DYNAMIC_TASKS", y24 ? 181 : 164);
    m.put("WATER_MAINT_PROJECTS", y24 ? 44 : 41);
    m.put("WATER_MAINT_INVESTMENT_WAN", new BigDecimal(y24 ? "313.00" : "286.00"));
    m.put("WATER_MAINT_BENEFICIARIES", y24 ? 15654 : 14208);
    m.put("WATER_QUALITY_PROJECTS", y24 ? 5 : 4);
    m.put("WATER_QUALITY_INVESTMENT_WAN", new BigDecimal(y24 ? "2200.00" : "1850.00"));
    m.put("WATER_QUALITY_BENEFICIARIES", y24 ? 93601 : 81376);
    m.put("WATER_CONSOL_PROJECTS", y24 ? 26 : 22);
    m.put("WATER_CONSOL_INVESTMENT_WAN", new BigDecimal(y24 ? "1180.00" : "960.00"));
    m.put("WATER_CONSOL_BENEFICIARIES", y24 ? 16437 : 13904);
    m.put("EDU_PRESCHOOL_AID_TIMES", y24 ? 1480 : 1412);
    m.put("EDU_PRESCHOOL_AID_YUAN", new BigDecimal(y24 ? "740000.00" : "706000.00"));
    m.put("EDU_COMPULSORY_DROPOUTS", y24 ? 0 : 2);
    m.put("罗峪口镇 HOUSING_ROOMS", y24 ? 5578 : 5541);
    m.put("罗峪口镇 HOUSING_DANGEROUS", y24 ? 0 : 3);
    m.put("史家山村 MON_HOUSEHOLDS", y24 ? 12 : 11);
    return m;
  }

  private static Map<String, Object> computed(LandingReader data, int year) {
    return computed(data, year, LUOYUKOU, villageCode(data, "史家山村"));
  }

  /**
   * The figures of a county read from its landing folder; {@code luoyukou} and {@code sjs} are the
   * codes of the township and village whose own figures are reported as 罗峪口镇's and 史家山村's.
   */
  static Map<String, Object> computed(LandingReader data, int year, String luoyukou, String sjs) {
    Map<String, Object> m = new LinkedHashMap<>();
    long y = year;

    // Insurance: persons (distinct person_id) of the year.
    Map<String, Row> ins = new HashMap<>();
    for (Row r : data.rows("insurance")) {
      if ((Long) r.get("year") == y) {
        ins.put(r.str("person_id"), r);
      }
    }
    int required = 0;
    int enrolled = 0;
    for (Row r : ins.values()) {
      if (r.yes("required")) {
        required++;
        if (r.yes("enrolled")) {
          enrolled++;
        }
      }
    }
    m.put("INS_REQUIRED", required);
    m.put("INS_ENROLLED", enrolled);
    m.put("INS_COVERAGE", rate(enrolled, required));

    // Priority groups and monitoring, from the roster of the year.
    Set<String> alleviated = new HashSet<>();
    Set<String> monitored = new HashSet<>();
    Set<String> monHouseholds = new HashSet<>();
    Set<String> newPersons = new HashSet<>();
    Set<String> newHouseholds = new HashSet<>();
    Set<String> sjsHouseholds = new HashSet<>();
    for (Row r : data.rows("roster")) {
      if ((Long) r.get("year") != y) {
        continue;
      }
      String id = r.str("person_id");
      if (r.yes("is_alleviated")) {
        alleviated.add(id);
      }
      if (r.get("monitor_type") != null) {
        monitored.add(id);
        monHouseholds.add(r.str("household_id"));
        if (r.str("village_code").equals(sjs)) {
          sjsHouseholds.add(r.str("household_id"));
        }
        if (r.date("identified_date").getYear() == year) {
          newPersons.add(id);
          newHouseholds.add(r.str("household_id"));
        }
      }
    }
    group(m, "MONITORED", monitored, ins);
    group(m, "ALLEVIATED", alleviated, ins);
    m.put("MON_HOUSEHOLDS", monHouseholds.size());
    m.put("MON_PERSONS", monitored.size());
    m.put("MON_NEW_HOUSEHOLDS", newHouseholds.size());
    m.put("MON_NEW_PERSONS", newPersons.size());

    // Housing.
    int plan = 0;
    int planDone = 0;
    int dynamic = 0;
    int luoRooms = 0;
    int luoDangerous = 0;
    for (Row r : data.rows("housing")) {
      if ((Long) r.get("year") != y) {
        continue;
      }
      String status = r.str("task_status");
      boolean done = "completed".equals(status) || "accepted".equals(status);
      if ("plan".equals(r.get("task_source"))) {
        plan++;
        planDone += done ? 1 : 0;
      }
      if ("dynamic".equals(r.get("task_source"))) {
        dynamic++;
      }
      if (luoyukou.equals(data.villageTownship.get(r.str("village_code")))) {
        luoRooms += r.integer("rooms");
        String g = r.str("safety_grade");
        luoDangerous += "C".equals(g) || "D".equals(g) ? 1 : 0;
      }
    }
    m.put("HOUSING_PLAN_TASKS", plan);
    m.put("HOUSING_PLAN_COMPLETED", planDone);
    m.put("HOUSING_DYNAMIC_TASKS", dynamic);

    // Water projects of the year, beneficiaries from their village rows.
    Map<String, Integer> beneficiaries = new HashMap<>();
    for (Row r : data.rows("water_project_villages")) {
      beneficiaries.merge(r.str("project_id"), r.integer("beneficiaries"), Integer::sum);
    }
    for (String[] t :
        new String[][] {
          {"MAINT", "maintenance"}, {"QUALITY", "quality_upgrade"}, {"CONSOL", "consolidation"}
        }) {
      int n = 0;
      BigDecimal money = BigDecimal.ZERO.setScale(2);
      int people = 0;
      for (Row r : data.rows("water_projects")) {
        if ((Long) r.get("year") == y && t[1].equals(r.get("project_type"))) {
          n++;
          money = money.add(r.amount("investment_wan"));
          people += beneficiaries.getOrDefault(r.str("project_id"), 0);
        }
      }
      m.put("WATER_" + t[0] + "_PROJECTS", n);
      m.put("WATER_" + t[0] + "_INVESTMENT_WAN", money.setScale(2));
      m.put("WATER_" + t[0] + "_BENEFICIARIES", people);
    }

    // Education.
    int preTimes = 0;
    BigDecimal preYuan = BigDecimal.ZERO.setScale(2);
    for (Row r : data.rows("education_aid")) {
      if ((Long) r.get("year") == y && "preschool".equals(r.get("stage"))) {
        preTimes++;
        preYuan = preYuan.add(r.amount("amount"));
      }
    }
    int dropouts = 0;
    for (Row r : data.rows("education_students")) {
      String stage = r.str("stage");
      if ((Long) r.get("year") == y
          && (stage.equals("primary") || stage.equals("junior"))
          && r.get("status").equals("dropped_out")) {
        dropouts++;
      }
    }
    m.put("EDU_PRESCHOOL_AID_TIMES", preTimes);
    m.put("EDU_PRESCHOOL_AID_YUAN", preYuan.setScale(2));
    m.put("EDU_COMPULSORY_DROPOUTS", dropouts);
    m.put("罗峪口镇 HOUSING_ROOMS", luoRooms);
    m.put("罗峪口镇 HOUSING_DANGEROUS", luoDangerous);
    m.put("史家山村 MON_HOUSEHOLDS", sjsHouseholds.size());
    return m;
  }

  private static void group(
      Map<String, Object> m, String g, Set<String> members, Map<String, Row> ins) {
    int required = 0;
    int enrolled = 0;
    int subsidized = 0;
    int unmatched = 0;
    for (String id : members) {
      Row r = ins.get(id);
      if (r == null) {
        unmatched++;
        required++;
      } else if (r.yes("required")) {
        required++;
        enrolled += r.yes("enrolled") ? 1 : 0;
        subsidized += r.amount("subsidy_amount").signum() > 0 ? 1 : 0;
      }
    }
    m.put("INS_" + g + "_REQUIRED", required);
    m.put("INS_" + g + "_ENROLLED", enrolled);
    m.put("INS_" + g + "_SUBSIDIZED", subsidized);
    m.put("INS_" + g + "_UNMATCHED", unmatched);
  }

  private static BigDecimal rate(int num, int den) {
    return BigDecimal.valueOf(100L * num).divide(BigDecimal.valueOf(den), 2, RoundingMode.HALF_UP);
  }

  private static String villageCode(LandingReader data, String name) {
    String found = null;
    for (Map.Entry<String, String> e : data.names.entrySet()) {
      if (e.getValue().equals(name) && data.villageTownship.containsKey(e.getKey())) {
        found = e.getKey();
      }
    }
    return found;
  }

  /** Compares every figure of the year and reports all differences at once. */
  private static void assertFigures(int year) {
    Map<String, Object> got = computed(SampleFixture.reader(), year);
    Map<String, Object> want = expected(year);
    List<String> wrong = new ArrayList<>();
    for (String k : want.keySet()) {
      if (!want.get(k).equals(got.get(k))) {
        wrong.add(k + ": expected " + want.get(k) + ", computed " + got.get(k));
      }
    }
    assertTrue(wrong.isEmpty(), year + " " + wrong);
  }

  @Test
  void figures2024AreThePublishedOnes() {
    assertFigures(2024);
  }

  @Test
  void figures2023AreTheChosenOnes() {
    assertFigures(2023);
  }

  @Test
  void subsidyRatesAreFullIn2024() {
    Map<String, Object> got = computed(SampleFixture.reader(), 2024);
    for (String g : new String[] {"MONITORED", "ALLEVIATED"}) {
      assertEquals(
          new BigDecimal("100.00"),
          rate(
              (Integer) got.get("INS_" + g + "_SUBSIDIZED"),
              (Integer) got.get("INS_" + g + "_REQUIRED")),
          g);
    }
  }

  @Test
  void countyHasFifteenTownshipsAndLuoyukouTenVillages() {
    LandingReader data = SampleFixture.reader();
    Set<String> townships = new HashSet<>(data.villageTownship.values());
    assertEquals(15, townships.size());
    long luo = data.villageTownship.values().stream().filter(LUOYUKOU::equals).count();
    assertEquals(10, luo);
    assertEquals("西关村", data.names.get("141123100201"));
    assertEquals("141123100000", data.villageTownship.get("141123100201"));
    assertEquals(LUOYUKOU, data.villageTownship.get(villageCode(data, "史家山村")));
    for (String v : data.villageTownship.keySet()) {
      int block = Integer.parseInt(v.substring(9));
      assertTrue(block >= 200 && block <= 399, v);
    }
  }

  @Test
  void waterHasAnOrphanRowAndAProjectWithoutVillages() {
    LandingReader data = SampleFixture.reader();
    Set<String> projects = new HashSet<>();
    for (Row r : data.rows("water_projects")) {
      projects.add(r.str("project_id"));
    }
    Set<String> served = new HashSet<>();
    int orphans = 0;
    for (Row r : data.rows("water_project_villages")) {
      served.add(r.str("project_id"));
      orphans += projects.contains(r.str("project_id")) ? 0 : 1;
    }
    assertEquals(1, orphans);
    projects.removeAll(served);
    assertTrue(projects.size() >= 1, "a project without village rows");
  }

  @Test
  void educationPriorityFiguresAreNonTrivial() {
    LandingReader data = SampleFixture.reader();
    for (long year : new long[] {2023, 2024}) {
      Set<String> roster = new HashSet<>();
      for (Row r : data.rows("roster")) {
        if ((Long) r.get("year") == year
            && (r.yes("is_alleviated") || r.get("monitor_type") != null)) {
          roster.add(r.str("person_id"));
        }
      }
      Set<String> aided = new HashSet<>();
      int paymentsOffRegister = 0;
      Set<String> register = new HashSet<>();
      for (Row r : data.rows("education_students")) {
        if ((Long) r.get("year") == year) {
          register.add(r.str("student_id"));
        }
      }
      for (Row r : data.rows("education_aid")) {
        if ((Long) r.get("year") == year) {
          aided.add(r.str("student_id"));
          paymentsOffRegister += register.contains(r.str("student_id")) ? 0 : 1;
        }
      }
      int priority = 0;
      int priorityAided = 0;
      for (String s : register) {
        if (roster.contains(s)) {
          priority++;
          priorityAided += aided.contains(s) ? 1 : 0;
        }
      }
      assertTrue(priority > 1000, "EDU_PRIORITY_STUDENTS " + year + ": " + priority);
      assertTrue(
          priorityAided > priority / 2 && priorityAided < priority,
          "EDU_PRIORITY_AIDED " + year + ": " + priorityAided + " of " + priority);
      assertTrue(
          paymentsOffRegister > 0 && paymentsOffRegister < 20,
          "payments off the register " + year + ": " + paymentsOffRegister);
    }
  }

  @Test
  void every2023SourceIsALittleSmallerThan2024() {
    LandingReader data = SampleFixture.reader();
    for (String source :
        new String[] {
          "roster", "insurance", "housing", "water_survey", "education_students", "education_aid"
        }) {
      int[] n = new int[2];
      for (Row r : data.rows(source)) {
        long year = (Long) r.get("year");
        n[(int) (year - 2023)]++;
      }
      assertTrue(n[0] > 0 && n[0] < n[1], source + ": 2023 " + n[0] + ", 2024 " + n[1]);
      assertTrue(n[0] > n[1] * 0.9, source + " 2023 is only a little smaller");
    }
  }
}
