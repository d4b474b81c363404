package org.ruralstats.sample;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.ruralstats.sample.CsvSink.GB18030;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ruralstats.sample.Geography.Village;
import org.ruralstats.sample.Spell.YesNo;

/**
 * Writes the medical insurance files: the 2023 file, and the 2024 extract in two parts with the
 * correction file that restates some of its rows (one task per year).
 */
final class InsuranceFiles extends SourceFiles {

  // Canonical names and headers, in canonical field order (SOURCES.md).
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

  InsuranceFiles(Plans plans, SplittableRandom r) {
    super(plans, r);
  }

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
    Draws.shuffle(pool, r);
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

  void insurance2023() {
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

  void insurance2024() {
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
}
