package org.ruralstats.sample;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.ruralstats.sample.CsvSink.GB18030;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.ruralstats.sample.EducationPlan.Payment;
import org.ruralstats.sample.EducationPlan.Student;
import org.ruralstats.sample.Geography.Village;

/**
 * Writes the education sources: the students of both school years and the aid payments (one task
 * each).
 */
final class EducationFiles extends SourceFiles {

  // Canonical names and headers, in canonical field order (SOURCES.md).
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

  private static final String[][] STUDENT_STATUS = {
    {"enrolled", "在校"}, {"dropped_out", "辍学"}, {"suspended", "休学"}
  };

  EducationFiles(Plans plans, SplittableRandom r) {
    super(plans, r);
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

  private String[] studentRow(Student st, double labelShare, double x) {
    return new String[] {
      String.valueOf(st.year()),
      Spell.id(st.person().id, x, r),
      st.person().household.village.code,
      stage(st.stage(), labelShare),
      enumOf(STUDENT_STATUS, st.status(), labelShare)
    };
  }

  void students() {
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

  void aid() {
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
