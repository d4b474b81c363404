package org.ruralstats.sample;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.ruralstats.sample.CsvSink.GB18030;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ruralstats.sample.Geography.Village;
import org.ruralstats.sample.HousingPlan.Survey;
import org.ruralstats.sample.Spell.YesNo;
import org.ruralstats.sample.WaterPlan.Project;
import org.ruralstats.sample.WaterPlan.Served;

/**
 * Writes the drinking-water sources: the water projects, the villages each project serves and the
 * households' water survey (one task each, both years in each).
 */
final class WaterFiles extends SourceFiles {

  // Canonical names and headers, in canonical field order (SOURCES.md).
  static final String[] PROJ = {"project_id", "year", "project_type", "status", "investment_wan"};
  static final String[] PROJ_CN = {"项目编号", "年度", "项目类型", "建设状态", "投资(万元)"};
  static final String[] PV_CN = {"项目编号", "村代码", "受益人口"};
  static final String[] PV_ODD = {"Project_ID", "VILLAGE_CODE", "Beneficiaries"};
  static final String[] SURVEY_CN = {"年度", "户编号", "村代码", "户人口", "水量达标", "水质达标", "取水方便", "供水保证率达标"};

  private static final String[][] PROJECT_TYPE = {
    {WaterPlan.MAINT, "维修养护"}, {WaterPlan.QUALITY, "水质提升"}, {WaterPlan.CONSOL, "巩固提升"}
  };
  private static final String[][] PROJECT_STATUS = {
    {"planned", "计划"}, {"in_progress", "在建"}, {"completed", "完工"}
  };

  WaterFiles(Plans plans, SplittableRandom r) {
    super(plans, r);
  }

  // ---------------------------------------------------------------------------------------------
  // water projects and the villages they serve

  private String[] projectRow(Project p, String status, int cents, double labelShare) {
    return new String[] {
      p.id,
      String.valueOf(p.year),
      enumOf(PROJECT_TYPE, p.type, labelShare),
      enumOf(PROJECT_STATUS, status, labelShare),
      Spell.amount(cents, r)
    };
  }

  void waterProjects() {
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

  void waterVillages() {
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

  void waterSurvey() {
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
}
