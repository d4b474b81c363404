package org.ruralstats.sample;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.ruralstats.sample.CsvSink.GB18030;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ruralstats.sample.Geography.Village;

/**
 * Writes the housing safety files: the 2023 and 2024 rows of the households and the correction file
 * of January 2025.
 */
final class HousingFiles extends SourceFiles {

  // Canonical names and headers, in canonical field order (SOURCES.md).
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

  private static final String[][] TASK_SOURCE = {{"plan", "年度计划"}, {"dynamic", "动态新增"}};
  private static final String[][] TASK_STATUS = {
    {"not_started", "未开工"}, {"in_progress", "在建"}, {"completed", "已竣工"}, {"accepted", "已验收"}
  };

  HousingFiles(Plans plans, SplittableRandom r) {
    super(plans, r);
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

  void housing() {
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
}
