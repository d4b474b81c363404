package org.ruralstats.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.support.TestIds;
import scala.jdk.javaapi.CollectionConverters;

/** The contract's file-level and row-level rules, on the parser alone (no Spark needed). */
class SourceFileParserTest {
  private static final SourceContract C = SourceContract.standard();
  private static final String V1 = "141123105201";
  private static final Pseudonymizer P =
      new Pseudonymizer("0123456789abcdef0123456789abcdef".getBytes());
  private static final String ID1 = TestIds.id("19800101", 11);
  private static final String ID2 = TestIds.id("19900215", 22);

  private static List<Row> parse(String source, byte[] content, Set<String> known) {
    List<Row> out = new ArrayList<>();
    new SourceFileParser(C.source(source), Map.of("", Set.of(V1)), P, known)
        .parse("", "2024-12-31.csv", content)
        .forEachRemaining(out::add);
    return out;
  }

  private static List<Row> parse(String source, String text) {
    return parse(source, text.getBytes(StandardCharsets.UTF_8), Set.of());
  }

  private static Row fileRecord(List<Row> rows) {
    assertEquals("file", rows.get(0).getAs("kind"));
    return rows.get(0);
  }

  private static Map<String, String> values(Row r) {
    scala.collection.Map<String, String> m = r.getAs("values");
    return m == null ? null : CollectionConverters.asJava(m);
  }

  private static final String INSURANCE_HEADER =
      "year,person_id,village_code,required,enrolled,insurance_type,subsidy_amount,enroll_date\n";

  @Test
  void chineseHeadersInAnyOrderWithExtraColumnAndAbsentOptionalColumns() {
    String text = "备注,是否参保,身份证号,参保年度,村代码,是否应参保\n" + "note,是," + ID1 + ",2024," + V1 + ",Y\n";
    List<Row> rows = parse("insurance", text);
    assertEquals("processed", fileRecord(rows).getAs("file_status"));
    Map<String, String> v = values(rows.get(1));
    assertEquals("2024", v.get("year"));
    assertEquals("true", v.get("required"));
    assertEquals("true", v.get("enrolled"));
    assertEquals("0.00", v.get("subsidy_amount")); // empty = 0
    assertNull(v.get("enroll_date"));
    assertEquals(P.pseudonym(ID1), v.get("person_key"));
    assertFalse(v.containsValue(ID1));
    scala.collection.Map<String, String> raw = rows.get(1).getAs("fields");
    assertEquals("note", CollectionConverters.asJava(raw).get("备注"));
  }

  @Test
  void canonicalHeadersInAnyLetterCaseAndTrimmedValues() {
    String text =
        " YEAR ,Person_ID,village_code,REQUIRED,enrolled\n"
            + "\u30002024 ,"
            + ID1.toLowerCase()
            + "\t,"
            + V1
            + ",true , 0\u3000\n";
    Map<String, String> v = values(parse("insurance", text).get(1));
    assertEquals("2024", v.get("year"));
    assertEquals("false", v.get("enrolled"));
    assertEquals(P.pseudonym(ID1), v.get("person_key"));
  }

  @Test
  void lowerCaseXIsTheSameAsUpperCaseX() {
    String idX = "11010519491231002X";
    assertEquals(P.pseudonym(idX), P.pseudonym("11010519491231002x"));
  }

  @Test
  void gb18030AndUtf8WithBomDecodeToTheSameText() {
    String text = "参保年度,身份证号,村代码,是否应参保,是否参保,险种\n2024," + ID1 + "," + V1 + ",是,否,城乡居民\n";
    byte[] gb = text.getBytes(Charset.forName("GB18030"));
    byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
    List<Row> a = parse("insurance", gb, Set.of());
    List<Row> b = parse("insurance", bom, Set.of());
    assertEquals("GB18030", fileRecord(a).getAs("encoding"));
    assertEquals("UTF-8 (BOM)", fileRecord(b).getAs("encoding"));
    assertEquals(values(a.get(1)), values(b.get(1)));
    assertEquals("resident", values(a.get(1)).get("insurance_type"));
  }

  @Test
  void wholeFileRejections() {
    assertEquals("EMPTY_FILE", parse("insurance", "").get(0).getAs("reject_code"));
    assertEquals("EMPTY_FILE", parse("insurance", "\uFEFF\r\n\r\n").get(0).getAs("reject_code"));
    List<Row> missing = parse("insurance", "year,person_id,village_code,required\n");
    assertEquals("MISSING_COLUMN", missing.get(0).getAs("reject_code"));
    assertTrue(((String) missing.get(0).getAs("reject_reason")).contains("是否参保 (enrolled)"));
    List<Row> dup = parse("insurance", "year,person_id,身份证号,village_code,required,enrolled\n");
    assertEquals("DUPLICATE_COLUMN", dup.get(0).getAs("reject_code"));
    byte[] bad = {(byte) 0xff, (byte) 0xfe, 'a', ',', 'b', '\n'};
    assertEquals("BAD_ENCODING", parse("insurance", bad, Set.of()).get(0).getAs("reject_code"));
    for (List<Row> r : List.of(missing, dup)) {
      assertEquals(1, r.size());
      assertEquals("rejected", r.get(0).getAs("file_status"));
    }
  }

  @Test
  void aFileAlreadyProcessedWithTheSameContentIsNotProcessedAgain() {
    byte[] content = (INSURANCE_HEADER + "2024," + ID1 + "," + V1 + ",1,1,,,\n").getBytes();
    String identity =
        SourceFileParser.fileIdentity("", "2024-12-31.csv", SourceFileParser.sha256(content));
    List<Row> rows = parse("insurance", content, Set.of(identity));
    assertEquals(1, rows.size());
    assertEquals("unchanged", rows.get(0).getAs("file_status"));
    assertEquals(2, parse("insurance", content, Set.of()).size());
  }

  @Test
  void rowFaultsAreRejectedOnceWithLineColumnAndEveryFault() {
    String text =
        INSURANCE_HEADER
            + "2024,"
            + ID1
            + ","
            + V1
            + ",1,1,,,\n" // 2 ok
            + "2024,"
            + TestIds.withWrongCheck(ID2)
            + ",141123999999,maybe,1,,,\n" // 3: 3 faults
            + "2024,"
            + ID2
            + ","
            + V1
            + ",1\n" // 4 too few fields
            + "2024,,"
            + V1
            + ",1,1,,,\n" // 5 missing id
            + "2024,"
            + ID2
            + ","
            + V1
            + ",1,1,,1000.00,2024-02-30\n"; // 6 bad date
    List<Row> rows = parse("insurance", text);
    assertEquals(6, rows.size());
    assertNull(rows.get(1).getAs("reject_code"));
    Row three = rows.get(2);
    assertEquals(3, (int) three.getAs("line"));
    assertEquals("INVALID_ID", three.getAs("reject_code"));
    assertEquals("person_id", three.getAs("reject_column"));
    String reason = three.getAs("reject_reason");
    assertTrue(reason.contains("village_code: village code 141123999999"), reason);
    assertTrue(reason.contains("required:"), reason);
    assertFalse(reason.contains(ID2.substring(0, 17)), "no ID number in a reason");
    assertEquals("FIELD_COUNT", rows.get(3).getAs("reject_code"));
    assertEquals("MISSING_VALUE", rows.get(4).getAs("reject_code"));
    assertEquals("INVALID_DATE", rows.get(5).getAs("reject_code"));
    assertEquals("enroll_date", rows.get(5).getAs("reject_column"));
  }

  @Test
  void anIdNumberInTheWrongColumnIsNotRepeatedInTheReason() {
    String text = INSURANCE_HEADER + "2024," + V1 + "," + ID1 + ",1,1,,,\n"; // swapped
    Row row = parse("insurance", text).get(1);
    assertEquals("INVALID_ID", row.getAs("reject_code"));
    String reason = row.getAs("reject_reason");
    assertTrue(reason.contains("village_code: '<ID number hidden>' is not a 12-digit"), reason);
    assertFalse(reason.contains(ID1), reason);
  }

  @Test
  void rosterRules() {
    String h =
        "year,person_id,household_id,village_code,is_alleviated,monitor_type,identified_date,"
            + "risk_eliminated_date\n";
    String ok1 = "2024," + ID1 + ",H1," + V1 + ",是,边缘易致贫户,2024/03/01,20240901\n";
    String noDate = "2024," + ID2 + ",H1," + V1 + ",否,marginal,,\n";
    String before = "2024," + ID2 + ",H1," + V1 + ",否,MARGINAL,2024-03-01,2024-02-01\n";
    String longHh = "2024," + ID2 + "," + "h".repeat(65) + "," + V1 + ",否,,,\n";
    List<Row> rows = parse("roster", h + ok1 + noDate + before + longHh);
    assertEquals("marginal", values(rows.get(1)).get("monitor_type"));
    assertEquals("2024-09-01", values(rows.get(1)).get("risk_eliminated_date"));
    assertEquals("RULE_VIOLATION", rows.get(2).getAs("reject_code"));
    assertEquals("identified_date", rows.get(2).getAs("reject_column"));
    assertEquals("RULE_VIOLATION", rows.get(3).getAs("reject_code"));
    assertEquals("risk_eliminated_date", rows.get(3).getAs("reject_column"));
    assertEquals("TOO_LONG", rows.get(4).getAs("reject_code"));
  }

  @Test
  void housingTaskStatusIsRequiredWithATaskSource() {
    String h = "year,household_id,village_code,rooms,task_source,task_status\n";
    List<Row> rows =
        parse(
            "housing",
            h
                + "2024,H1,"
                + V1
                + ",3,plan,\n"
                + "2024,H2,"
                + V1
                + ",3,,\n"
                + "2024,H3,"
                + V1
                + ",120,动态新增,已竣工\n");
    assertEquals("RULE_VIOLATION", rows.get(1).getAs("reject_code"));
    assertNull(rows.get(2).getAs("reject_code"));
    assertEquals("OUT_OF_RANGE", rows.get(3).getAs("reject_code"));
  }

  @Test
  void aidAmountMustBePositive() {
    String h = "payment_id,year,student_id,stage,aid_type,amount\n";
    List<Row> rows =
        parse(
            "education_aid",
            h
                + "P1,2024,"
                + ID1
                + ",学前,\"学前教育资助, 春季\",500\n"
                + "P2,2024,"
                + ID1
                + ",preschool,生活补助,0\n");
    assertEquals("学前教育资助, 春季", values(rows.get(1)).get("aid_type"));
    assertEquals(P.pseudonym(ID1), values(rows.get(1)).get("student_key"));
    assertEquals("OUT_OF_RANGE", rows.get(2).getAs("reject_code"));
  }
}
