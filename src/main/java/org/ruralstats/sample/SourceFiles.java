package org.ruralstats.sample;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.ruralstats.sample.CsvSink.GB18030;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.ruralstats.sample.CsvSink.Column;
import org.ruralstats.sample.EducationPlan.Payment;
import org.ruralstats.sample.EducationPlan.Student;
import org.ruralstats.sample.Geography.Township;
import org.ruralstats.sample.Geography.Village;
import org.ruralstats.sample.HousingPlan.Survey;
import org.ruralstats.sample.Population.Household;
import org.ruralstats.sample.Population.HousingYear;
import org.ruralstats.sample.Population.Insurance;
import org.ruralstats.sample.Population.Person;
import org.ruralstats.sample.Spell.YesNo;
import org.ruralstats.sample.WaterPlan.Project;
import org.ruralstats.sample.WaterPlan.Served;

/**
 * Turns the planned sample into the CSV files of the nine sources, each file with its own encoding,
 * header style, column order and value spellings, and with the bad rows placed in them.
 */
final class SourceFiles {

  static final String CRLF = "\r\n";
  static final String LF = "\n";

  // Canonical names and Chinese headers, in canonical field order (SOURCES.md).
  static final String[] DIV = {"code", "name", "level", "parent_code"};
  static final String[] ROSTER = {
    "year",
    "person_id",
    "household_id",
    "village_code",
    "is_alleviated",
    "monitor_type",
    "identified_date",
    "risk_eliminated_date"
  };
  static final String[] ROSTER_CN = {
    "年度", " 身份证号 ", "户编号", "村代码", "是否脱贫人口", "监测对象类别", "纳入监测日期", "风险消除日期"
  };
  static final String[] ROSTER_ODD = {
    "Year",
    "Person_ID",
    "HOUSEHOLD_ID",
    "Village_Code",
    "is_Alleviated",
    "MONITOR_TYPE",
    "Identified_Date",
    "risk_eliminated_DATE"
  };
  static final String[] INS = {
    "year",
    "person_id",
    "village_code",
    "required",
    "enrolled",
    "insurance_type",
    "subsidy_amount",
    "enroll_date"
  };
  static final String[] INS_CN = {"参保年度", "身份证号", "村代码", "是否应参保", "是否参保", "险种", "资助金额", "参保日期"};
  static final String[] INS_ODD = {
    "YEAR",
    "Person_Id",
    "VILLAGE_code",
    "Required",
    "ENROLLED",
    "Insurance_Type",
    "Subsidy_Amount",
    "enroll_DATE"
  };
  static final String[] HOUSING = {
    "year",
    "household_id",
    "village_code",
    "rooms",
    "safety_grade",
    "task_source",
    "task_status",
    "completion_date",
    "subsidy_amount"
  };
  static final String[] HOUSING_CN = {
    "年度", "户编号", "村代码", "房屋间数", "鉴定等级", "任务来源", "改造状态", "竣工日期", "补助资金"
  };
  static final String[] PROJ = {"project_id", "year", "project_type", "status", "investment_wan"};
  static final String[] PROJ_CN = {"项目编号", "年度", "项目类型", "建设状态", "投资(万元)"};
  static final String[] PV_CN = {"项目编号", "村代码", "受益人口"};
  static final String[] PV_ODD = {"Project_ID", "VILLAGE_CODE", "Beneficiaries"};
  static final String[] SURVEY_CN = {"年度", "户编号", "村代码", "户人口", "水量达标", "水质达标", "取水方便", "供水保证率达标"};
  static final String[] STUDENT = {"year", "student_id", "village_code", "stage", "status"};
  static final String[] STUDENT_CN = {"学年", "身份证号", "户籍村代码", "学段", "在校状态"};
  static final String[] STUDENT_ODD = {"YEAR", "Student_ID", "village_CODE", "Stage", "STATUS"};
  static final String[] AID_CN = {"发放编号", "学年", "身份证号", "学段", "资助项目", "金额", "发放日期"};

  static final String[][] STAGES = {
    {"preschool", "学前"},
    {"primary", "小学"},
    {"junior", "初中"},
    {"senior", "高中"},
    {"vocational", "中职"},
    {"higher", "高校"}
  };

  private final Population pop;
  private final HousingPlan housing;
  private final WaterPlan water;
  private final EducationPlan edu;
  private final SplittableRandom r;
  final List<CsvSink> sinks = new ArrayList<>();

  private SourceFiles(
      Population pop, HousingPlan housing, WaterPlan water, EducationPlan edu, SplittableRandom r) {
    this.pop = pop;
    this.housing = housing;
    this.water = water;
    this.edu = edu;
    this.r = r;
  }

  /**
   * One task per group of files, each with its own random stream derived from the seed and the
   * task's name, so that the tasks may run in any order or in parallel and still give the same
   * bytes. Each task returns its files in a fixed order.
   */
  static List<Callable<List<CsvSink>>> tasks(
      Population pop, HousingPlan housing, WaterPlan water, EducationPlan edu, long seed) {
    Map<String, Consumer<SourceFiles>> bodies = new LinkedHashMap<>();
    bodies.put("divisions", SourceFiles::divisions);
    bodies.put("roster 2023", SourceFiles::roster2023);
    bodies.put("roster 2024", SourceFiles::roster2024);
    bodies.put("insurance 2023", SourceFiles::insurance2023);
    bodies.put("insurance 2024", SourceFiles::insurance2024);
    bodies.put("housing", SourceFiles::housing);
    bodies.put("water projects", SourceFiles::waterProjects);
    bodies.put("water project villages", SourceFiles::waterVillages);
    bodies.put("water survey", SourceFiles::waterSurvey);
    bodies.put("education students", SourceFiles::students);
    bodies.put("education aid", SourceFiles::aid);
    List<Callable<List<CsvSink>>> tasks = new ArrayList<>();
    for (Map.Entry<String, Consumer<SourceFiles>> e : bodies.entrySet()) {
      long taskSeed = seed * 0x9E3779B97F4A7C15L + e.getKey().hashCode();
      tasks.add(
          () -> {
            SourceFiles f =
                new SourceFiles(pop, housing, water, edu, new SplittableRandom(taskSeed));
            e.getValue().accept(f);
            return f.sinks;
          });
    }
    return tasks;
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  private CsvSink sink(
      String source, String name, Charset cs, boolean bom, String eol, List<Column> cols) {
    CsvSink s = new CsvSink(source, name, cs, bom, eol, cols);
    sinks.add(s);
    return s;
  }

  /** Columns: header texts by canonical field, output order; -1 = the extra column 备注. */
  private static List<Column> cols(String[] headers, int... order) {
    List<Column> out = new ArrayList<>();
    for (int f : order) {
      out.add(new Column(f < 0 ? "备注" : headers[f], f));
    }
    return out;
  }

  /** Rows to insert before the data row with a given index (or after the last). */
  private static final class Inserts {
    private final TreeMap<Integer, List<Runnable>> at = new TreeMap<>();

    void at(int index, Runnable row) {
      at.computeIfAbsent(index, k -> new ArrayList<>()).add(row);
    }

    void before(int index) {
      List<Runnable> list = at.remove(index);
      if (list != null) {
        list.forEach(Runnable::run);
      }
    }

    void rest() {
      while (!at.isEmpty()) {
        at.pollFirstEntry().getValue().forEach(Runnable::run);
      }
    }
  }

  private String stage(String code, double labelShare) {
    for (String[] s : STAGES) {
      if (s[0].equals(code)) {
        return Spell.label(s[0], s[1], labelShare, r);
      }
    }
    throw new IllegalArgumentException(code);
  }

  private static String pad6(int n) {
    String s = String.valueOf(n);
    return "000000".substring(Math.min(6, s.length())) + s;
  }

  /** The {@code i}-th village of the township that plays Xing County's {@code townshipCode}. */
  private Village village(String townshipCode, int i) {
    List<Village> vs = pop.geo.villagesOf(townshipCode);
    return vs.get(i % vs.size());
  }

  private String fakeHousehold(Village v, int n) {
    return "HH" + v.code + (9000 + n);
  }

  // ---------------------------------------------------------------------------------------------
  // divisions

  private void divisions() {
    CsvSink s = sink("divisions", "2023-12-31.csv", UTF_8, true, LF, cols(DIV, 0, 1, 2, 3));
    Geography geo = pop.geo;
    s.row(new String[] {geo.countyCode, geo.countyName, "县", ""}, null);
    for (Township t : pop.geo.townships) {
      double k = r.nextDouble();
      String level =
          k < 0.6 ? (t.isZhen() ? "镇" : "乡") : k < 0.7 ? "乡镇" : Spell.oddCase("township", r);
      s.row(new String[] {t.code, t.name, level, geo.countyCode}, null);
      for (Village v : t.villages) {
        String vl = r.nextDouble() < 0.7 ? "村" : Spell.oddCase("village", r);
        s.row(new String[] {v.code, v.name, vl, t.code}, null);
      }
    }
    s.bad(
        "parent_code " + geo.areaCode + "211000 is not in the dictionary",
        new String[] {geo.areaCode + "211201", "石家沟村", "村", geo.areaCode + "211000"},
        null);
    s.bad(
        geo.countyCode.equals(Geography.COUNTY_CODE)
            ? "a second county row (the dictionary describes exactly one county)"
            : "a second county row, naming "
                + geo.strayCounty[0]
                + " "
                + geo.strayCounty[1]
                + ", not this folder's county",
        new String[] {geo.strayCounty[0], geo.strayCounty[1], "县", ""},
        null);
  }

  // ---------------------------------------------------------------------------------------------
  // roster

  private String[] rosterRow(
      int year, Person p, YesNo[] yn, double lowerX, double labelShare, double[] dateW) {
    Household h = p.household;
    boolean mon = h.monitoredIn(year);
    return new String[] {
      String.valueOf(year),
      Spell.id(p.id, lowerX, r),
      h.id,
      h.village.code,
      Spell.yesNo(h.alleviated, r, yn),
      mon ? Spell.label(h.type.code, h.type.label, labelShare, r) : null,
      mon ? Spell.date(h.identified, r, dateW[0], dateW[1], dateW[2]) : null,
      mon ? Spell.date(h.eliminatedAsOf(year), r, dateW[0], dateW[1], dateW[2]) : null
    };
  }

  private void roster2023() {
    CsvSink s =
        sink(
                "roster",
                "2023-12-31.csv",
                UTF_8,
                false,
                CRLF,
                cols(ROSTER_CN, 0, 1, 2, 3, 4, 5, 6, 7))
            .pad(0.005, 0, r);
    YesNo[] yn = {YesNo.CN, YesNo.CN, YesNo.CN, YesNo.CN, YesNo.YN};
    double[] dates = {0.7, 0.3, 0};
    List<Person> rows = rosterPersons(2023);
    Inserts ins = new Inserts();
    Village v1 = village("141123202000", 3);
    ins.at(
        rows.size() / 4,
        () -> {
          String id = pop.freshId(LocalDate.of(1968, 4, 12), true);
          char wrong = id.charAt(17) == '1' ? '2' : '1';
          s.bad(
              "person_id check character is wrong",
              new String[] {
                "2023", id.substring(0, 17) + wrong, fakeHousehold(v1, 1), v1.code, "是", "", "", ""
              },
              null);
        });
    Village v2 = village("141123104000", 5);
    ins.at(
        rows.size() * 2 / 3,
        () ->
            s.bad(
                "risk_eliminated_date before identified_date",
                new String[] {
                  "2023",
                  pop.freshId(LocalDate.of(1975, 9, 3), false),
                  fakeHousehold(v2, 1),
                  v2.code,
                  "否",
                  "边缘易致贫户",
                  "2023-05-10",
                  "2023-03-01"
                },
                null));
    for (int i = 0; i < rows.size(); i++) {
      ins.before(i);
      s.row(rosterRow(2023, rows.get(i), yn, 0, 1.0, dates), null);
    }
    ins.rest();
  }

  private List<Person> rosterPersons(int year) {
    List<Person> rows = new ArrayList<>();
    for (Household h : pop.households) {
      if (h.onRoster(year)) {
        for (Person p : h.members) {
          if (p.in(year)) {
            rows.add(p);
          }
        }
      }
    }
    return rows;
  }

  private static final String[] MON_REMARKS = {
    "因病", "因灾", "因残", "因学", "缺劳力", "因病,缺劳力", "因意外事故", "产业失败"
  };

  private String rosterRemark(Household h, int year) {
    if (!h.monitoredIn(year)) {
      return null;
    }
    if (h.village == pop.geo.shijiashan) {
      return h.id.hashCode() % 2 == 0 ? "因病" : "因灾";
    }
    double k = r.nextDouble();
    if (k < 0.002) {
      return "户主外出务工\n家中留守老人";
    }
    if (k < 0.004) {
      return "\"三类户\"重点关注";
    }
    return k < 0.3 ? MON_REMARKS[r.nextInt(MON_REMARKS.length)] : null;
  }

  private void roster2024() {
    CsvSink s =
        sink(
            "roster",
            "2024-12-31.csv",
            UTF_8,
            true,
            LF,
            cols(ROSTER_ODD, 1, 0, 3, 2, 5, 4, -1, 6, 7));
    YesNo[] yn = {YesNo.DIGIT, YesNo.BOOL, YesNo.YN, YesNo.DIGIT};
    double[] dates = {0.25, 0.25, 0.5};
    List<Person> rows = rosterPersons(2024);
    Inserts ins = new Inserts();

    // Three persons of households identified in 2024 appear first in an outdated version (not yet
    // a monitoring object); their later row in the same file wins.
    int dup = 0;
    for (int idx = 0; idx < rows.size() && dup < 3; idx++) {
      Person p = rows.get(idx);
      if (p.household.cohort == Population.Cohort.NEW24 && !p.household.alleviated) {
        Household h = p.household;
        int at = Math.max(0, idx - 300);
        ins.at(
            at,
            () ->
                s.row(
                    new String[] {
                      "2024",
                      p.id,
                      h.id,
                      h.village.code,
                      Spell.yesNo(false, r, yn),
                      null,
                      null,
                      null
                    },
                    "待核实"));
        dup++;
      }
    }
    Village sjs = pop.geo.shijiashan;
    ins.at(
        rows.size() / 5,
        () ->
            s.bad(
                "identified_date 2024-02-30 is not a calendar date",
                new String[] {
                  "2024",
                  pop.freshId(LocalDate.of(1959, 11, 21), true),
                  fakeHousehold(sjs, 1),
                  sjs.code,
                  "0",
                  "Sudden_Hardship",
                  "2024-02-30",
                  ""
                },
                "因灾"));
    Village luo = village(Geography.LUOYUKOU_CODE, 4);
    ins.at(
        rows.size() * 2 / 5,
        () ->
            s.bad(
                "monitor_type set without identified_date",
                new String[] {
                  "2024",
                  pop.freshId(LocalDate.of(1981, 2, 14), false),
                  fakeHousehold(luo, 1),
                  luo.code,
                  "1",
                  "marginal",
                  "",
                  ""
                },
                null));
    Village v3 = village("141123207000", 2);
    ins.at(
        rows.size() * 3 / 5,
        () ->
            s.bad(
                "monitor_type 低保户 is not a known value",
                new String[] {
                  "2024",
                  pop.freshId(LocalDate.of(1949, 6, 30), true),
                  fakeHousehold(v3, 1),
                  v3.code,
                  "true",
                  "低保户",
                  "20240315",
                  ""
                },
                null));
    Village v4 = village("141123106000", 7);
    ins.at(
        rows.size() * 4 / 5,
        () ->
            s.bad(
                "household_id is empty",
                new String[] {
                  "2024", pop.freshId(LocalDate.of(1990, 10, 1), true), "", v4.code, "Y", "", "", ""
                },
                null));
    for (int i = 0; i < rows.size(); i++) {
      ins.before(i);
      Person p = rows.get(i);
      s.row(rosterRow(2024, p, yn, 0.4, 0.3, dates), rosterRemark(p.household, 2024));
    }
    ins.rest();
  }

  // ---------------------------------------------------------------------------------------------
  // insurance

  private String[] insRow(
      int year, Person p, Insurance in, YesNo[] yn, double labelShare, double[] dateW, double x) {
    return new String[] {
      String.valueOf(year),
      Spell.id(p.id, x, r),
      p.household.village.code,
      Spell.yesNo(in.required, r, yn),
      Spell.yesNo(in.enrolled, r, yn),
      in.enrolled
          ? (in.employee
              ? Spell.label("employee", "职工", labelShare, r)
              : Spell.label("resident", "城乡居民", labelShare, r))
          : null,
      in.subsidyCents > 0 ? Spell.amount(in.subsidyCents, r) : (r.nextInt(50) == 0 ? "0" : null),
      Spell.date(in.enrollDate, r, dateW[0], dateW[1], dateW[2])
    };
  }

  /** The 2024 insurance rows the correction file restates, with their earlier versions. */
  private final Map<Person, Insurance> insOriginals = new IdentityHashMap<>();

  private final List<Person> insCorrected = new ArrayList<>();
  private final List<Person> insCorrected2023 = new ArrayList<>();
  private Person insBadTarget;

  private void pickInsuranceCorrections() {
    List<Person> pool = new ArrayList<>(pop.persons);
    Population.shuffle(pool, r);
    int[] n = new int[6];
    int[] want = {12, 10, 8, 6, 4, 2};
    for (Person p : pool) {
      Insurance in = p.ins24;
      Household h = p.household;
      Insurance o = new Insurance();
      int kind = -1;
      if (in != null && h.monitoredIn(2024) && in.required) {
        if (n[0] < want[0]) {
          kind = 0;
          o.required = true;
        } else if (insBadTarget == null) {
          insBadTarget = p;
          continue;
        }
      } else if (in != null && !h.onRoster(2024) && in.required && in.enrolled && n[1] < want[1]) {
        kind = 1;
        o.required = true;
      } else if (in != null && !h.onRoster(2024) && in.required && !in.enrolled && n[2] < want[2]) {
        kind = 2;
        o.required = true;
        o.enrolled = true;
        o.enrollDate = LocalDate.of(2023, 11, 20);
      } else if (in != null
          && h.alleviated
          && !h.monitoredIn(2024)
          && in.required
          && n[3] < want[3]) {
        kind = 3;
        o.required = false;
        o.enrolled = true;
        o.subsidyCents = in.subsidyCents;
        o.enrollDate = in.enrollDate;
      } else if (in != null && !h.onRoster(2024) && n[4] < want[4]) {
        kind = 4;
        o = in;
      } else if (p.ins23 != null && in == null && n[5] < want[5]) {
        insCorrected2023.add(p);
        n[5]++;
        continue;
      }
      if (kind >= 0) {
        n[kind]++;
        insOriginals.put(p, o);
        insCorrected.add(p);
      }
    }
    if (insCorrected.size() != 40 || insCorrected2023.size() != 2 || insBadTarget == null) {
      throw new IllegalStateException("could not pick the insurance corrections");
    }
  }

  private void insurance2023() {
    // 2023: one file, Chinese headers, UTF-8 with BOM, CRLF.
    CsvSink s23 =
        sink(
            "insurance", "2023-12-31.csv", UTF_8, true, CRLF, cols(INS_CN, 0, 1, 2, 3, 4, 5, 6, 7));
    YesNo[] cn = {YesNo.CN};
    double[] iso = {1, 0, 0};
    List<Person> rows23 = new ArrayList<>();
    for (Person p : pop.persons) {
      if (p.ins23 != null) {
        rows23.add(p);
      }
    }
    Inserts i23 = new Inserts();
    Village v = village("141123203000", 6);
    i23.at(
        rows23.size() / 2,
        () -> {
          String body = pop.geo.areaCode + "19870231" + "123";
          s23.bad(
              "person_id birth date 19870231 does not exist",
              new String[] {
                "2023",
                body + ResidentId.checkChar(body),
                v.code,
                "是",
                "是",
                "城乡居民",
                "",
                "2022-10-09"
              },
              null);
        });
    for (int i = 0; i < rows23.size(); i++) {
      i23.before(i);
      Person p = rows23.get(i);
      s23.row(insRow(2023, p, p.ins23, cn, 1.0, iso, 0.1), null);
    }
    i23.rest();
  }

  private void insurance2024() {
    pickInsuranceCorrections();
    YesNo[] cn = {YesNo.CN};
    double[] iso = {1, 0, 0};
    // 2024: split into the towns' (镇) and the townships' (乡) extract.
    List<Person> part1 = new ArrayList<>();
    List<Person> part2 = new ArrayList<>();
    for (Person p : pop.persons) {
      if (p.ins24 != null) {
        (p.household.village.township.isZhen() ? part1 : part2).add(p);
      }
    }
    CsvSink s1 =
        sink(
            "insurance",
            "2024-12-31_part1.csv",
            UTF_8,
            false,
            LF,
            cols(INS, 0, 1, 2, 3, 4, 5, 6, 7));
    YesNo[] yn1 = {YesNo.YN, YesNo.DIGIT, YesNo.YN};
    double[] d1 = {0.5, 0, 0.5};
    Inserts i1 = new Inserts();
    Village va = village("141123101000", 9);
    i1.at(
        part1.size() / 3,
        () ->
            s1.bad(
                "required is empty",
                new String[] {
                  "2024",
                  pop.freshId(LocalDate.of(1988, 8, 8), false),
                  va.code,
                  "",
                  "Y",
                  "resident",
                  "",
                  "20231015"
                },
                null));
    Village vb = village(Geography.LUOYUKOU_CODE, 7);
    i1.at(
        part1.size() * 3 / 4,
        () ->
            s1.bad(
                "subsidy_amount -5 is not an amount",
                new String[] {
                  "2024",
                  pop.freshId(LocalDate.of(1942, 1, 25), true),
                  vb.code,
                  "1",
                  "1",
                  "RESIDENT",
                  "-5",
                  "2023-12-01"
                },
                null));
    for (int i = 0; i < part1.size(); i++) {
      i1.before(i);
      Person p = part1.get(i);
      Insurance in = insOriginals.getOrDefault(p, p.ins24);
      s1.row(insRow(2024, p, in, yn1, 0.0, d1, 0.0), null);
    }
    i1.rest();

    CsvSink s2 =
        sink(
            "insurance",
            "2024-12-31_part2.csv",
            UTF_8,
            false,
            CRLF,
            cols(INS_ODD, 2, 1, 0, 4, 3, 6, 5, 7, -1));
    YesNo[] yn2 = {YesNo.BOOL, YesNo.CN, YesNo.BOOL};
    double[] d2 = {0.2, 0.6, 0.2};
    Inserts i2 = new Inserts();
    Village vc = village("141123208000", 1);
    i2.at(
        part2.size() / 2,
        () ->
            s2.bad(
                "year 24 is not a four-digit year",
                new String[] {
                  "24",
                  pop.freshId(LocalDate.of(2001, 3, 17), true),
                  vc.code,
                  "true",
                  "false",
                  "",
                  "",
                  ""
                },
                null));
    for (int i = 0; i < part2.size(); i++) {
      i2.before(i);
      Person p = part2.get(i);
      Insurance in = insOriginals.getOrDefault(p, p.ins24);
      String remark = r.nextInt(400) == 0 ? "外出务工" : null;
      s2.row(insRow(2024, p, in, yn2, 0.2, d2, 0.2), remark);
    }
    i2.rest();

    // Correction file: GB18030, Chinese headers, no enroll_date column, a remark.
    CsvSink c =
        sink(
            "insurance",
            "2025-01-10.csv",
            GB18030,
            false,
            CRLF,
            cols(INS_CN, 0, 1, 2, 3, 4, 5, 6, -1));
    String[] remarks = {"补录", "参保状态更正", "资助身份认定后更正,补录资助金额", "\"应参保\"口径更正"};
    for (int i = 0; i < insCorrected.size(); i++) {
      Person p = insCorrected.get(i);
      if (i == insCorrected.size() / 2) {
        Person b = insBadTarget;
        c.bad(
            "required 是的 is not a yes/no value",
            new String[] {"2024", b.id, b.household.village.code, "是的", "否", "城乡居民", "", null},
            "待核实");
      }
      c.row(insRow(2024, p, p.ins24, cn, 1.0, iso, 0), remarks[i % remarks.length]);
    }
    for (Person p : insCorrected2023) {
      c.row(insRow(2023, p, p.ins23, cn, 1.0, iso, 0), "2023年度数据复核");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // housing

  private static final String[][] TASK_SOURCE = {{"plan", "年度计划"}, {"dynamic", "动态新增"}};
  private static final String[][] TASK_STATUS = {
    {"not_started", "未开工"}, {"in_progress", "在建"}, {"completed", "已竣工"}, {"accepted", "已验收"}
  };

  private String enumOf(String[][] table, String code, double labelShare) {
    if (code == null) {
      return null;
    }
    for (String[] e : table) {
      if (e[0].equals(code)) {
        return Spell.label(e[0], e[1], labelShare, r);
      }
    }
    throw new IllegalArgumentException(code);
  }

  private String[] housingRow(
      int year, Household h, HousingYear y, double labelShare, double[] dateW) {
    return new String[] {
      String.valueOf(year),
      h.id,
      h.village.code,
      String.valueOf(y.rooms),
      y.grade == null ? null : (r.nextInt(20) == 0 ? y.grade.toLowerCase() : y.grade),
      enumOf(TASK_SOURCE, y.taskSource, labelShare),
      enumOf(TASK_STATUS, y.taskStatus, labelShare),
      Spell.date(y.completion, r, dateW[0], dateW[1], dateW[2]),
      y.subsidyCents >= 0 ? Spell.amount(y.subsidyCents, r) : null
    };
  }

  private String housingRemark(HousingYear y) {
    if (y.taskSource == null) {
      return y.dangerous() ? "待改造" : null;
    }
    double k = r.nextDouble();
    if (k < 0.03) {
      return "原址重建\n（窑洞加固）";
    }
    if (k < 0.06) {
      return "鉴定为\"C级\"，已纳入台账";
    }
    if (k < 0.3) {
      return y.completion != null ? "已竣工,已入住" : "施工中";
    }
    return null;
  }

  private void housing() {
    CsvSink s23 =
        sink(
            "housing",
            "2023-12-31.csv",
            GB18030,
            false,
            CRLF,
            cols(HOUSING_CN, 0, 1, 2, 3, 4, 5, 6, 7, 8));
    double[] slash = {0, 1, 0};
    List<Household> rows23 = new ArrayList<>();
    List<Household> rows24 = new ArrayList<>();
    for (Household h : pop.households) {
      if (h.housing23 != null) {
        rows23.add(h);
      }
      if (h.housing24 != null) {
        rows24.add(h);
      }
    }
    Inserts i23 = new Inserts();
    Village va = village("141123209000", 3);
    i23.at(
        rows23.size() / 3,
        () ->
            s23.bad(
                "completion_date 2023/02/29 is not a calendar date",
                new String[] {
                  "2023",
                  fakeHousehold(va, 1),
                  va.code,
                  "3",
                  "B",
                  "动态新增",
                  "已竣工",
                  "2023/02/29",
                  "12000.00"
                },
                null));
    for (int i = 0; i < rows23.size(); i++) {
      i23.before(i);
      Household h = rows23.get(i);
      s23.row(housingRow(2023, h, h.housing23, 1.0, slash), null);
    }
    i23.rest();

    CsvSink s24 =
        sink(
                "housing",
                "2024-12-31.csv",
                GB18030,
                false,
                LF,
                cols(HOUSING_CN, 1, 2, 0, 3, 4, 8, 5, 6, 7, -1))
            .pad(0.003, 0.01, r);
    double[] mix = {0.5, 0.2, 0.3};
    Inserts i24 = new Inserts();
    Village luo = village(Geography.LUOYUKOU_CODE, 2);
    String unknownVillage = pop.geo.luoyukou.code.substring(0, 9) + "299";
    i24.at(
        rows24.size() / 4,
        () ->
            s24.bad(
                "village_code " + unknownVillage + " is not in the dictionary",
                new String[] {
                  "2024", fakeHousehold(luo, 1), unknownVillage, "40", "A", "", "", "", ""
                },
                null));
    Village vb = village("141123100000", 11);
    longHouseholdId(i24, s24, rows24.size() / 2, vb);
    Village vc = village("141123205000", 4);
    i24.at(
        rows24.size() * 3 / 4,
        () ->
            s24.bad(
                "rooms 三间 is not an integer; task_source set without task_status",
                new String[] {"2024", fakeHousehold(vc, 1), vc.code, "三间", "D", "年度计划", "", "", ""},
                "两处错误，只记一次"));
    for (int i = 0; i < rows24.size(); i++) {
      i24.before(i);
      Household h = rows24.get(i);
      HousingYear y = housing.originals24.getOrDefault(h, h.housing24);
      s24.row(housingRow(2024, h, y, 0.5, mix), housingRemark(y));
    }
    i24.rest();

    // Correction file: UTF-8, canonical headers.
    CsvSink c =
        sink(
            "housing",
            "2025-01-15.csv",
            UTF_8,
            false,
            LF,
            cols(HOUSING, 0, 1, 2, 3, 4, 5, 6, 7, 8, -1));
    for (int i = 0; i < housing.corrected.size(); i++) {
      Household h = housing.corrected.get(i);
      if (i == 7) {
        Household b = housing.rooms120;
        HousingYear y = b.housing24;
        String[] row = housingRow(2024, b, y, 0, new double[] {1, 0, 0});
        row[3] = "120";
        c.bad("rooms 120 is out of range 0–99", row, "复核更正");
      }
      c.row(housingRow(2024, h, h.housing24, 0, new double[] {1, 0, 0}), "复核更正");
    }
  }

  private void longHouseholdId(Inserts ins, CsvSink s, int at, Village v) {
    ins.at(
        at,
        () ->
            s.bad(
                "household_id longer than 64 characters",
                new String[] {
                  "2024",
                  "HH" + v.code + "-" + "0123456789".repeat(6) + "-REPEATED",
                  v.code,
                  "4",
                  "A",
                  "",
                  "",
                  "",
                  ""
                },
                null));
  }

  // ---------------------------------------------------------------------------------------------
  // water projects

  private static final String[][] PROJECT_TYPE = {
    {WaterPlan.MAINT, "维修养护"}, {WaterPlan.QUALITY, "水质提升"}, {WaterPlan.CONSOL, "巩固提升"}
  };
  private static final String[][] PROJECT_STATUS = {
    {"planned", "计划"}, {"in_progress", "在建"}, {"completed", "完工"}
  };

  private String[] projectRow(Project p, String status, int cents, double labelShare) {
    return new String[] {
      p.id,
      String.valueOf(p.year),
      enumOf(PROJECT_TYPE, p.type, labelShare),
      enumOf(PROJECT_STATUS, status, labelShare),
      Spell.amount(cents, r)
    };
  }

  private void waterProjects() {
    CsvSink s23 =
        sink("water_projects", "2023-12-31.csv", UTF_8, false, LF, cols(PROJ_CN, 0, 1, 2, 3, 4))
            .noFinalNewline();
    for (Project p : water.projects) {
      if (p.year == 2023) {
        String status = p.originalStatus != null ? p.originalStatus : p.status;
        int cents = p.originalCents >= 0 ? p.originalCents : p.investmentCents;
        s23.row(projectRow(p, status, cents, 1.0), null);
      }
    }
    CsvSink s24 =
        sink("water_projects", "2024-12-31.csv", UTF_8, true, CRLF, cols(PROJ, 0, 1, 2, 3, 4))
            .quoteAll();
    for (Project p : water.restated) {
      s24.row(projectRow(p, p.status, p.investmentCents, 0.0), null);
    }
    int n = 0;
    for (Project p : water.projects) {
      if (p.year == 2024) {
        if (n++ == 20) {
          s24.bad(
              "investment_wan 12.345 has three decimals",
              new String[] {"XXSL-2024-WX-45", "2024", "Maintenance", "Completed", "12.345"},
              null);
        }
        s24.row(projectRow(p, p.status, p.investmentCents, 0.0), null);
      }
    }
  }

  private void waterVillages() {
    CsvSink s23 =
        sink("water_project_villages", "2023-12-31.csv", UTF_8, true, CRLF, cols(PV_CN, 0, 1, 2));
    CsvSink s24 =
        sink("water_project_villages", "2024-12-31.csv", UTF_8, false, LF, cols(PV_ODD, 1, 0, 2));
    Project first24 = null;
    int n = 0;
    for (Project p : water.projects) {
      CsvSink s = p.year == 2023 ? s23 : s24;
      if (p.year == 2024 && first24 == null) {
        first24 = p;
      }
      for (Served v : p.villages) {
        if (p.year == 2024 && n++ == 60) {
          s24.row(
              new String[] {WaterPlan.ORPHAN_PROJECT, village("141123204000", 2).code, "420"},
              null);
          Project f = first24;
          Village other = null;
          for (Village cand : pop.geo.villages) {
            boolean used = false;
            for (Served sv : f.villages) {
              used |= sv.village() == cand;
            }
            if (!used) {
              other = cand;
              break;
            }
          }
          s24.bad("beneficiaries -30 is below 0", new String[] {f.id, other.code, "-30"}, null);
        }
        s.row(new String[] {p.id, v.village().code, String.valueOf(v.beneficiaries())}, null);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // water survey

  private String[] surveyRow(int year, Household h, Survey v, YesNo[] yn) {
    return new String[] {
      String.valueOf(year),
      h.id,
      h.village.code,
      String.valueOf(v.persons),
      Spell.yesNo(v.quantity, r, yn),
      Spell.yesNo(v.quality, r, yn),
      Spell.yesNo(v.convenience, r, yn),
      Spell.yesNo(v.reliability, r, yn)
    };
  }

  private void waterSurvey() {
    CsvSink s23 =
        sink(
            "water_survey",
            "2023-12-31.csv",
            GB18030,
            false,
            LF,
            cols(SURVEY_CN, 0, 1, 2, 3, 4, 5, 6, 7));
    YesNo[] cn = {YesNo.CN};
    List<Household> rows23 = new ArrayList<>();
    List<Household> rows24 = new ArrayList<>();
    for (Household h : pop.households) {
      if (housing.survey23.containsKey(h)) {
        rows23.add(h);
      }
      if (housing.survey24.containsKey(h)) {
        rows24.add(h);
      }
    }
    Inserts i23 = new Inserts();
    Village va = village("141123102000", 4);
    i23.at(
        rows23.size() * 3 / 5,
        () ->
            s23.bad(
                "persons 0 is out of range 1–30",
                new String[] {"2023", fakeHousehold(va, 1), va.code, "0", "是", "是", "是", "是"},
                null));
    for (int i = 0; i < rows23.size(); i++) {
      i23.before(i);
      Household h = rows23.get(i);
      s23.row(surveyRow(2023, h, housing.survey23.get(h), cn), null);
    }
    i23.rest();

    CsvSink s24 =
        sink(
            "water_survey",
            "2024-12-31.CSV",
            GB18030,
            false,
            CRLF,
            cols(SURVEY_CN, 1, 0, 2, 3, 7, 6, 5, 4));
    YesNo[] mix = {YesNo.BOOL, YesNo.YN, YesNo.DIGIT, YesNo.CN};
    Inserts i24 = new Inserts();
    Village vb = village("141123203000", 8);
    i24.at(
        rows24.size() / 3,
        () -> {
          String[] row = {"2024", fakeHousehold(vb, 1), vb.code, "3", "Y", "Y", "Y", "Y"};
          List<String> written = s24.layout(row, null);
          written.remove(written.size() - 1);
          s24.badRaw("7 fields where the header has 8", written);
        });
    i24.at(rows24.size() / 2, s24::blankLine);
    i24.at(
        rows24.size() * 2 / 3,
        () ->
            s24.bad(
                "village_code " + pop.geo.luoyukou.code + " is a township, not a village",
                new String[] {
                  "2024",
                  fakeHousehold(pop.geo.shijiashan, 2),
                  pop.geo.luoyukou.code,
                  "2",
                  "1",
                  "1",
                  "1",
                  "1"
                },
                null));
    for (int i = 0; i < rows24.size(); i++) {
      i24.before(i);
      Household h = rows24.get(i);
      s24.row(surveyRow(2024, h, housing.survey24.get(h), mix), null);
    }
    i24.rest();
  }

  // ---------------------------------------------------------------------------------------------
  // education

  private static final String[][] STUDENT_STATUS = {
    {"enrolled", "在校"}, {"dropped_out", "辍学"}, {"suspended", "休学"}
  };

  private String[] studentRow(Student st, double labelShare, double x) {
    return new String[] {
      String.valueOf(st.year()),
      Spell.id(st.person().id, x, r),
      st.person().household.village.code,
      stage(st.stage(), labelShare),
      enumOf(STUDENT_STATUS, st.status(), labelShare)
    };
  }

  private void students() {
    CsvSink s23 =
        sink(
            "education_students",
            "2023-12-31.csv",
            UTF_8,
            true,
            CRLF,
            cols(STUDENT_CN, 0, 1, 2, 3, 4));
    for (Student st : edu.students23) {
      s23.row(studentRow(st, 1.0, 0), null);
    }
    CsvSink s24 =
        sink(
            "education_students",
            "2024-12-31.csv",
            UTF_8,
            false,
            LF,
            cols(STUDENT_ODD, 3, 1, 0, 4, 2));
    List<Student> rows = edu.students24;
    Inserts ins = new Inserts();
    Village va = village("141123200000", 5);
    ins.at(
        rows.size() / 4,
        () ->
            s24.bad(
                "stage 幼儿园 is not a known value",
                new String[] {
                  "2024", pop.freshId(LocalDate.of(2020, 5, 6), false), va.code, "幼儿园", "在校"
                },
                null));
    Village vb = village("141123101000", 2);
    ins.at(
        rows.size() * 3 / 4,
        () ->
            s24.bad(
                "student_id has 17 characters",
                new String[] {
                  "2024",
                  pop.freshId(LocalDate.of(2012, 12, 12), true).substring(0, 17),
                  vb.code,
                  "Primary",
                  "enrolled"
                },
                null));
    for (int i = 0; i < rows.size(); i++) {
      ins.before(i);
      s24.row(studentRow(rows.get(i), 0.3, 0.3), null);
    }
    ins.rest();
  }

  private String[] aidRow(String id, Payment p, String aidType, double labelShare) {
    return new String[] {
      id,
      String.valueOf(p.year()),
      p.person().id,
      stage(p.stage(), labelShare),
      aidType,
      Spell.amount(p.cents(), r),
      Spell.date(p.paid(), r, 0.5, 0, 0.5)
    };
  }

  private void aid() {
    CsvSink s23 =
        sink(
            "education_aid",
            "2023-12-31.csv",
            GB18030,
            false,
            CRLF,
            cols(AID_CN, 0, 1, 2, 3, 4, 5));
    List<Payment> p23 = edu.payments23;
    for (int i = 0; i < p23.size(); i++) {
      Payment p = p23.get(i);
      String type = p.aidType();
      if (i == p23.size() / 3) {
        s23.bad(
            "amount 0 (aid amounts must be > 0)",
            new String[] {"ZZ2023-900001", "2023", p.person().id, "学前", "学前教育资助", "0", null},
            null);
      }
      if (i == 100) {
        type = type + ",秋季学期";
      } else if (i == 200) {
        type = type + "\n（秋季学期）";
      }
      s23.row(aidRow("ZZ2023-" + pad6(i + 1), p, type, 1.0), null);
    }

    CsvSink s24 =
        sink(
            "education_aid",
            "2024-12-31.csv",
            GB18030,
            false,
            LF,
            cols(AID_CN, 0, 1, 2, 3, 4, 5, 6));
    List<Payment> p24 = edu.payments24;
    Payment pre = null;
    for (Payment p : p24) {
      if (p.stage().equals(EducationPlan.PRESCHOOL)) {
        pre = p;
        break;
      }
    }
    for (int i = 0; i < p24.size(); i++) {
      Payment p = p24.get(i);
      String type = p.aidType();
      if (i == p24.size() / 5) {
        s24.bad(
            "amount 1,000.00 has a thousands separator",
            new String[] {
              "ZZ2024-900001", "2024", pre.person().id, "学前", "学前教育资助", "1,000.00", "2024-11-05"
            },
            null);
      }
      if (i == p24.size() * 2 / 5) {
        s24.bad(
            "aid_type is empty",
            new String[] {
              "ZZ2024-900002", "2024", p.person().id, "高中", "", "2000.00", "2024-10-15"
            },
            null);
      }
      if (i == p24.size() * 3 / 5) {
        List<String> written =
            s24.layout(
                new String[] {
                  "ZZ2024-900003",
                  "2024",
                  p.person().id,
                  "小学",
                  "家庭经济困难寄宿生生活补助",
                  "1000.00",
                  "20241020"
                },
                null);
        written.add("多余字段");
        s24.badRaw("8 fields where the header has 7", written);
      }
      if (i == 50) {
        type = "生活补助,秋季学期";
      } else if (i == 150) {
        type = "国家助学金\"一等\"";
      } else if (i == 250) {
        type = type + "\n（秋季学期）";
      } else if (i == 350) {
        type = "雨露计划\"职业教育\"补助,秋季";
      }
      s24.row(aidRow("ZZ2024-" + pad6(i + 1), p, type, 0.6), null);
    }
  }
}
