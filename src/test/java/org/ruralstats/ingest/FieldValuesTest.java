package org.ruralstats.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ruralstats.ingest.contract.ColumnSpec;
import org.ruralstats.ingest.contract.SourceContract;

class FieldValuesTest {
  private static final SourceContract C = SourceContract.standard();
  private static final Set<String> VILLAGES = Set.of("141123105201");

  private static ColumnSpec col(String source, String column) {
    return C.source(source).column(column).orElseThrow();
  }

  private static String norm(String source, String column, String value) throws FieldFault {
    return FieldValues.normalize(col(source, column), value, VILLAGES);
  }

  private static RejectCode fault(String source, String column, String value) {
    return assertThrows(FieldFault.class, () -> norm(source, column, value)).code();
  }

  @ParameterizedTest
  @CsvSource({
    "是,true",
    "否,false",
    "Y,true",
    "n,false",
    "1,true",
    "0,false",
    "TRUE,true",
    "False,false",
    "y,true",
    "N,false",
    "true,true",
    "FALSE,false"
  })
  void everyYesNoSpelling(String in, String out) throws Exception {
    assertEquals(out, norm("insurance", "required", in));
  }

  @Test
  void otherYesNoSpellingsAreBad() {
    assertEquals(RejectCode.INVALID_YES_NO, fault("insurance", "required", "yes"));
    assertEquals(RejectCode.INVALID_YES_NO, fault("insurance", "required", "对"));
    assertEquals(RejectCode.INVALID_YES_NO, fault("insurance", "required", "2"));
  }

  @ParameterizedTest
  @CsvSource({
    "2024-03-05,2024-03-05",
    "2024/03/05,2024-03-05",
    "20240305,2024-03-05",
    "2024-02-29,2024-02-29"
  })
  void everyDateSpelling(String in, String out) throws Exception {
    assertEquals(out, norm("insurance", "enroll_date", in));
  }

  @ParameterizedTest
  @CsvSource({
    "2024-02-30",
    "2023-02-29",
    "2024-13-01",
    "2024-3-5",
    "2024.03.05",
    "05/03/2024",
    "2024-03-05T00:00"
  })
  void badDates(String in) {
    assertEquals(RejectCode.INVALID_DATE, fault("insurance", "enroll_date", in));
  }

  @Test
  void years() throws Exception {
    assertEquals("2000", norm("insurance", "year", "2000"));
    assertEquals("2100", norm("insurance", "year", "2100"));
    assertEquals(RejectCode.INVALID_YEAR, fault("insurance", "year", "1999"));
    assertEquals(RejectCode.INVALID_YEAR, fault("insurance", "year", "2101"));
    assertEquals(RejectCode.INVALID_YEAR, fault("insurance", "year", "24"));
    assertEquals(RejectCode.INVALID_YEAR, fault("insurance", "year", "2024.0"));
  }

  @Test
  void integersAndTheirRanges() throws Exception {
    assertEquals("0", norm("housing", "rooms", "0"));
    assertEquals("99", norm("housing", "rooms", "+99"));
    assertEquals("7", norm("housing", "rooms", "007"));
    assertEquals(RejectCode.OUT_OF_RANGE, fault("housing", "rooms", "100"));
    assertEquals(RejectCode.OUT_OF_RANGE, fault("housing", "rooms", "-1"));
    assertEquals(RejectCode.INVALID_INTEGER, fault("housing", "rooms", "3.0"));
    assertEquals(RejectCode.INVALID_INTEGER, fault("housing", "rooms", "三"));
    assertEquals("1", norm("water_survey", "persons", "1"));
    assertEquals("30", norm("water_survey", "persons", "30"));
    assertEquals(RejectCode.OUT_OF_RANGE, fault("water_survey", "persons", "0"));
    assertEquals(RejectCode.OUT_OF_RANGE, fault("water_survey", "persons", "31"));
    assertEquals("0", norm("water_project_villages", "beneficiaries", "0"));
    assertEquals(RejectCode.OUT_OF_RANGE, fault("water_project_villages", "beneficiaries", "-3"));
    assertEquals(
        RejectCode.OUT_OF_RANGE,
        fault("water_project_villages", "beneficiaries", "99999999999999999999"));
  }

  @Test
  void amounts() throws Exception {
    assertEquals("500.00", norm("education_aid", "amount", "500"));
    assertEquals("500.50", norm("education_aid", "amount", "500.5"));
    assertEquals("0.01", norm("education_aid", "amount", "0.01"));
    assertEquals("0.00", norm("insurance", "subsidy_amount", "0"));
    assertEquals(RejectCode.OUT_OF_RANGE, fault("education_aid", "amount", "0"));
    assertEquals(RejectCode.OUT_OF_RANGE, fault("education_aid", "amount", "0.00"));
    for (String bad : new String[] {"-5", "+5", "1,000.00", "1e3", "5.123", ".5", "5.", "￥5"}) {
      assertEquals(RejectCode.INVALID_AMOUNT, fault("education_aid", "amount", bad), bad);
    }
  }

  @Test
  void enumsByChineseLabelOrCodeInAnyCase() throws Exception {
    assertEquals("quality_upgrade", norm("water_projects", "project_type", "水质提升"));
    assertEquals("quality_upgrade", norm("water_projects", "project_type", "Quality_Upgrade"));
    assertEquals("county", norm("divisions", "level", "区"));
    assertEquals("township", norm("divisions", "level", "街道"));
    assertEquals("village", norm("divisions", "level", "社区"));
    assertEquals("C", norm("housing", "safety_grade", "c"));
    assertEquals("D", norm("housing", "safety_grade", "整栋危房"));
    assertEquals("dropped_out", norm("education_students", "status", "辍学"));
    assertEquals(RejectCode.INVALID_ENUM, fault("water_projects", "project_type", "水质提升工程"));
    assertEquals(RejectCode.INVALID_ENUM, fault("housing", "safety_grade", "E"));
  }

  @Test
  void villageCodesAndHouseholdIds() throws Exception {
    assertEquals("141123105201", norm("roster", "village_code", "141123105201"));
    assertEquals(RejectCode.UNKNOWN_VILLAGE, fault("roster", "village_code", "141123105299"));
    assertEquals(RejectCode.INVALID_CODE, fault("roster", "village_code", "14112310520"));
    assertEquals("x".repeat(64), norm("roster", "household_id", "x".repeat(64)));
    assertEquals(RejectCode.TOO_LONG, fault("roster", "household_id", "x".repeat(65)));
    assertEquals("户".repeat(64), norm("roster", "household_id", "户".repeat(64)));
  }

  /**
   * The value checks are plain character loops (the per-row path); they accept exactly what the
   * contract's patterns describe. Held here against those patterns as regular expressions, on
   * strings built from the characters that matter (digits, signs, separators, a full-width digit).
   */
  @Test
  void acceptsExactlyWhatTheContractsPatternsDescribe() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    char[] others = {'+', '-', '.', '/', 'x', '３'};
    java.util.regex.Pattern code12 = java.util.regex.Pattern.compile("[0-9]{12}");
    java.util.regex.Pattern year = java.util.regex.Pattern.compile("[0-9]{4}");
    java.util.regex.Pattern integer = java.util.regex.Pattern.compile("[+-]?[0-9]+");
    java.util.regex.Pattern amount = java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]{1,2})?");
    java.util.regex.Pattern date =
        java.util.regex.Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}/[0-9]{2}/[0-9]{2}|[0-9]{8}");
    java.util.Set<String> samples = new java.util.TreeSet<>();
    for (int i = 0; i < 200_000; i++) {
      int length = 1 + rnd.nextInt(13);
      StringBuilder b = new StringBuilder();
      for (int k = 0; k < length; k++) {
        // mostly digits, so that whole valid values come up too
        b.append(
            rnd.nextInt(4) == 0
                ? others[rnd.nextInt(others.length)]
                : (char) ('0' + rnd.nextInt(10)));
      }
      samples.add(b.toString());
    }
    samples.addAll(
        java.util.List.of(
            "2024-03-05", "2024/03/05", "2024-03/05", "20240305", "+7", "-", "5.", ".5", "5.12"));
    int accepted = 0;
    for (String v : samples) {
      assertEquals(
          code12.matcher(v).matches(), thrown(() -> norm("divisions", "code", v)) == null, v);
      assertEquals(
          year.matcher(v).matches() && Integer.parseInt(v) >= 2000 && Integer.parseInt(v) <= 2100,
          thrown(() -> norm("insurance", "year", v)) == null,
          v);
      boolean isInteger = integer.matcher(v).matches();
      assertEquals(
          isInteger,
          code(thrown(() -> norm("water_project_villages", "beneficiaries", v)))
              != RejectCode.INVALID_INTEGER,
          v);
      boolean isAmount = amount.matcher(v).matches();
      assertEquals(
          isAmount,
          code(thrown(() -> norm("insurance", "subsidy_amount", v))) != RejectCode.INVALID_AMOUNT,
          v);
      // a date-shaped value is accepted, or refused only as no real calendar date
      FieldFault dateFault = thrown(() -> FieldValues.date(v));
      assertEquals(
          date.matcher(v).matches(),
          dateFault == null || dateFault.getMessage().contains("real calendar"),
          v);
      accepted += isInteger ? 1 : 0;
    }
    assertTrue(accepted > 1000, "valid values came up: " + accepted);
  }

  private interface Check {
    void run() throws FieldFault;
  }

  /** The fault a check throws, or null when the value passes. */
  private static FieldFault thrown(Check c) {
    try {
      c.run();
      return null;
    } catch (FieldFault f) {
      return f;
    }
  }

  private static RejectCode code(FieldFault f) {
    return f == null ? null : f.code();
  }

  @Test
  void trimsUnicodeWhitespaceIncludingFullWidthSpace() {
    assertEquals("是", FieldValues.trim("\u3000 是\t\u00a0"));
    assertEquals("", FieldValues.trim("\u3000\u3000"));
  }
}
