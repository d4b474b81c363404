package org.ruralstats.sample;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ruralstats.sample.Geography.Village;
import org.ruralstats.sample.Spell.YesNo;

/**
 * Writes the roster of alleviated and monitored persons: the 2023 file and the 2024 file (one task
 * each), with their bad rows and the 2024 file's outdated duplicate rows.
 */
final class RosterFiles extends SourceFiles {

  // Canonical names and headers, in canonical field order (SOURCES.md).
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

  RosterFiles(Plans plans, SplittableRandom r) {
    super(plans, r);
  }

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

  void roster2023() {
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

  void roster2024() {
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
      if (p.household.cohort == Household.Cohort.NEW24 && !p.household.alleviated) {
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
}
