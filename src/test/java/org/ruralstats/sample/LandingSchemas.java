package org.ruralstats.sample;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The landing sources of SOURCES.md written as data, for {@link LandingReader}: per source, its
 * columns (canonical and Chinese header names, value type, whether optional, an enumeration's codes
 * and labels, an integer's range) and the columns of its key.
 */
final class LandingSchemas {

  enum Type {
    YEAR,
    ID,
    STRING,
    HOUSEHOLD,
    VILLAGE,
    YESNO,
    DATE,
    INT,
    AMOUNT,
    ENUM,
    CODE12
  }

  record Col(
      String name,
      String chinese,
      Type type,
      boolean optional,
      Map<String, String> labels,
      long min,
      long max) {}

  record Schema(String source, List<Col> cols, List<String> key) {}

  private LandingSchemas() {}

  private static Col c(String name, String chinese, Type type) {
    return new Col(name, chinese, type, false, null, 0, 0);
  }

  private static Col opt(String name, String chinese, Type type) {
    return new Col(name, chinese, type, true, null, 0, 0);
  }

  private static Col range(String name, String chinese, long min, long max) {
    return new Col(name, chinese, Type.INT, false, null, min, max);
  }

  private static Col en(String name, String chinese, boolean optional, String... codeLabel) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < codeLabel.length; i += 2) {
      m.put(codeLabel[i].toLowerCase(Locale.ROOT), codeLabel[i]);
      if (codeLabel[i + 1] != null) {
        for (String label : codeLabel[i + 1].split("/")) {
          m.put("\0" + label, codeLabel[i]);
        }
      }
    }
    return new Col(name, chinese, Type.ENUM, optional, m, 0, 0);
  }

  static final String[] STAGES = {
    "preschool",
    "学前",
    "primary",
    "小学",
    "junior",
    "初中",
    "senior",
    "高中",
    "vocational",
    "中职",
    "higher",
    "高校"
  };

  static final List<Schema> SCHEMAS =
      List.of(
          new Schema(
              "divisions",
              List.of(
                  c("code", "区划代码", Type.CODE12),
                  c("name", "名称", Type.STRING),
                  en(
                      "level",
                      "级别",
                      false,
                      "county",
                      "县/区/市",
                      "township",
                      "乡/镇/街道/乡镇",
                      "village",
                      "村/社区/居委会"),
                  opt("parent_code", "上级代码", Type.CODE12)),
              List.of("code")),
          new Schema(
              "roster",
              List.of(
                  c("year", "年度", Type.YEAR),
                  c("person_id", "身份证号", Type.ID),
                  c("household_id", "户编号", Type.HOUSEHOLD),
                  c("village_code", "村代码", Type.VILLAGE),
                  c("is_alleviated", "是否脱贫人口", Type.YESNO),
                  en(
                      "monitor_type",
                      "监测对象类别",
                      true,
                      "unstable_alleviated",
                      "脱贫不稳定户",
                      "marginal",
                      "边缘易致贫户",
                      "sudden_hardship",
                      "突发严重困难户"),
                  opt("identified_date", "纳入监测日期", Type.DATE),
                  opt("risk_eliminated_date", "风险消除日期", Type.DATE)),
              List.of("year", "person_id")),
          new Schema(
              "insurance",
              List.of(
                  c("year", "参保年度", Type.YEAR),
                  c("person_id", "身份证号", Type.ID),
                  c("village_code", "村代码", Type.VILLAGE),
                  c("required", "是否应参保", Type.YESNO),
                  c("enrolled", "是否参保", Type.YESNO),
                  en("insurance_type", "险种", true, "resident", "城乡居民", "employee", "职工"),
                  opt("subsidy_amount", "资助金额", Type.AMOUNT),
                  opt("enroll_date", "参保日期", Type.DATE)),
              List.of("year", "person_id")),
          new Schema(
              "housing",
              List.of(
                  c("year", "年度", Type.YEAR),
                  c("household_id", "户编号", Type.HOUSEHOLD),
                  c("village_code", "村代码", Type.VILLAGE),
                  range("rooms", "房屋间数", 0, 99),
                  en("safety_grade", "鉴定等级", true, "A", null, "B", null, "C", null, "D", null),
                  en("task_source", "任务来源", true, "plan", "年度计划", "dynamic", "动态新增"),
                  en(
                      "task_status",
                      "改造状态",
                      true,
                      "not_started",
                      "未开工",
                      "in_progress",
                      "在建",
                      "completed",
                      "已竣工",
                      "accepted",
                      "已验收"),
                  opt("completion_date", "竣工日期", Type.DATE),
                  opt("subsidy_amount", "补助资金", Type.AMOUNT)),
              List.of("year", "household_id")),
          new Schema(
              "water_projects",
              List.of(
                  c("project_id", "项目编号", Type.STRING),
                  c("year", "年度", Type.YEAR),
                  en(
                      "project_type",
                      "项目类型",
                      false,
                      "maintenance",
                      "维修养护",
                      "quality_upgrade",
                      "水质提升",
                      "consolidation",
                      "巩固提升"),
                  en(
                      "status",
                      "建设状态",
                      false,
                      "planned",
                      "计划",
                      "in_progress",
                      "在建",
                      "completed",
                      "完工"),
                  c("investment_wan", "投资(万元)", Type.AMOUNT)),
              List.of("project_id")),
          new Schema(
              "water_project_villages",
              List.of(
                  c("project_id", "项目编号", Type.STRING),
                  c("village_code", "村代码", Type.VILLAGE),
                  range("beneficiaries", "受益人口", 0, Long.MAX_VALUE)),
              List.of("project_id", "village_code")),
          new Schema(
              "water_survey",
              List.of(
                  c("year", "年度", Type.YEAR),
                  c("household_id", "户编号", Type.HOUSEHOLD),
                  c("village_code", "村代码", Type.VILLAGE),
                  range("persons", "户人口", 1, 30),
                  c("quantity_ok", "水量达标", Type.YESNO),
                  c("quality_ok", "水质达标", Type.YESNO),
                  c("convenience_ok", "取水方便", Type.YESNO),
                  c("reliability_ok", "供水保证率达标", Type.YESNO)),
              List.of("year", "household_id")),
          new Schema(
              "education_students",
              List.of(
                  c("year", "学年", Type.YEAR),
                  c("student_id", "身份证号", Type.ID),
                  c("village_code", "户籍村代码", Type.VILLAGE),
                  en("stage", "学段", false, STAGES),
                  en(
                      "status",
                      "在校状态",
                      false,
                      "enrolled",
                      "在校",
                      "dropped_out",
                      "辍学",
                      "suspended",
                      "休学")),
              List.of("year", "student_id")),
          new Schema(
              "education_aid",
              List.of(
                  c("payment_id", "发放编号", Type.STRING),
                  c("year", "学年", Type.YEAR),
                  c("student_id", "身份证号", Type.ID),
                  en("stage", "学段", false, STAGES),
                  c("aid_type", "资助项目", Type.STRING),
                  c("amount", "金额", Type.AMOUNT),
                  opt("paid_date", "发放日期", Type.DATE)),
              List.of("payment_id")));
}
