package org.ruralstats.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.ingest.LandingFolder;
import org.ruralstats.ingest.Pseudonymizer;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.support.TestIds;
import org.ruralstats.support.TestLanding;
import org.ruralstats.support.TestSpark;
import org.ruralstats.warehouse.Warehouse;

/** The ingest stage on real Delta tables: supersession, re-delivery, rejections, orphans. */
class IngestStageTest {
  private static final SourceContract CONTRACT = SourceContract.standard();
  private static final Pseudonymizer P =
      new Pseudonymizer("test-key-test-key-test-key-test-key".getBytes());
  private static final String ID1 = TestIds.id("19800101", 11);
  private static final String ID2 = TestIds.id("19900215", 22);
  private static final String ID3 = TestIds.id("20100601", 33);
  private static final String INS =
      "year,person_id,village_code,required,enrolled,insurance_type,subsidy_amount,enroll_date\n";

  @TempDir Path tmp;
  private TestLanding landing;
  private Warehouse wh;
  private int runs;
  private final SparkSession spark = TestSpark.session();

  @BeforeEach
  void setUp() {
    landing = new TestLanding(tmp.resolve("landing")).withDivisions();
    wh = new Warehouse(spark, tmp.resolve("warehouse").toString());
  }

  private IngestReport ingest() {
    runs++;
    List<String> progress = new ArrayList<>();
    IngestReport r =
        new IngestStage(wh, CONTRACT, P, String.format("run-%03d", runs), progress::add, 2)
            .run(new LandingFolder(spark, landing.root().toString(), CONTRACT.names()));
    return r;
  }

  private static String ins(String id, String village, String required, String enrolled) {
    return "2024," + id + "," + village + "," + required + "," + enrolled + ",,,\n";
  }

  private Map<String, String> villageByPerson() {
    Map<String, String> out = new TreeMap<>();
    for (Row r : wh.read(Warehouse.clean("insurance")).collectAsList()) {
      out.put(r.getAs("person_key"), r.getAs("village_code") + "/" + r.getAs("enrolled"));
    }
    return out;
  }

  private List<String> rejects() {
    List<String> out = new ArrayList<>();
    for (Row r : wh.read(Warehouse.REJECTS).orderBy("source", "file", "line").collectAsList()) {
      out.add(
          r.getAs("source")
              + "/"
              + r.getAs("file")
              + ":"
              + r.getAs("line")
              + ":"
              + r.getAs("reason_code"));
    }
    return out;
  }

  private Map<String, Long> versions() {
    Map<String, Long> v = new TreeMap<>();
    for (String t : IngestStage.tables(CONTRACT)) {
      v.put(t, wh.version(t));
    }
    return v;
  }

  @Test
  void newestValidVersionWinsAcrossFilesWithinAFileAndAcrossRuns() {
    landing
        .write(
            "insurance",
            "2024-06-30.csv",
            INS
                + ins(ID1, TestLanding.V1, "1", "0")
                + ins(ID2, TestLanding.V1, "1", "1")
                + ins(ID1, TestLanding.V2, "1", "1")) // later row of the same file wins
        .write(
            "insurance",
            "2024-12-31.csv",
            INS
                + ins(ID2, TestLanding.V3, "1", "1") // later file wins
                + ins(ID1, "141123999999", "1", "0")); // rejected: replaces nothing
    IngestReport report = ingest();
    assertEquals(
        Map.of(
            P.pseudonym(ID1), TestLanding.V2 + "/true", P.pseudonym(ID2), TestLanding.V3 + "/true"),
        villageByPerson());
    assertEquals(List.of("insurance/2024-12-31.csv:3:UNKNOWN_VILLAGE"), rejects());
    assertEquals(1, report.rowsRejected());
    assertEquals(6 + 5, report.rowsRead()); // divisions + insurance data rows

    // a new name is always a newer extract, even when it sorts first
    landing.write("insurance", "2024-01-15.csv", INS + ins(ID2, TestLanding.V1, "1", "0"));
    ingest();
    assertEquals(TestLanding.V1 + "/false", villageByPerson().get(P.pseudonym(ID2)));
  }

  @Test
  void reDeliveryChangesNothingAndAChangedFileIsProcessedAgain() {
    landing.write(
        "insurance",
        "2024-12-31.csv",
        INS + ins(ID1, TestLanding.V1, "1", "1") + ins(ID2, TestLanding.V1, "maybe", "1"));
    ingest();
    Map<String, Long> before = versions();
    IngestReport again = ingest();
    assertEquals(before, versions(), "a run with nothing new writes nothing");
    assertEquals(0, again.filesProcessed());
    assertEquals(List.of("insurance/2024-12-31.csv:3:INVALID_YES_NO"), rejects());

    // same name, changed content: processed again; its old rejects are replaced by the new ones
    landing.write(
        "insurance",
        "2024-12-31.csv",
        INS
            + ins(ID1, TestLanding.V2, "1", "0")
            + ins(ID2, TestLanding.V1, "1", "1")
            + "2024,"
            + ID3
            + ","
            + TestLanding.V1
            + ",1,1,,-1,\n");
    IngestReport changed = ingest();
    assertEquals(1, changed.filesProcessed());
    assertEquals(List.of("insurance/2024-12-31.csv:4:INVALID_AMOUNT"), rejects());
    assertEquals(
        Map.of(
            P.pseudonym(ID1),
            TestLanding.V2 + "/false",
            P.pseudonym(ID2),
            TestLanding.V1 + "/true"),
        villageByPerson());
    assertEquals(
        3,
        wh.read(Warehouse.FILE_LEDGER).count(),
        "ledger: divisions, and two versions of the insurance file");
  }

  @Test
  void aFileRejectedAsAWholeStandsRejectedUntilReplacedAndNeverStopsTheOthers() {
    landing
        .write("insurance", "2024-12-31.csv", INS + ins(ID1, TestLanding.V1, "1", "1"))
        .write("roster", "2024-12-31.csv", "year,person_id,village_code\n2024," + ID1 + ",x\n")
        .write("housing", "2024-12-31.csv", new byte[] {(byte) 0xff, (byte) 0xff, 0x41});
    IngestReport first = ingest();
    assertEquals(2, first.standingRejectedFiles().size());
    assertEquals(
        List.of(
            "housing/2024-12-31.csv:null:BAD_ENCODING",
            "roster/2024-12-31.csv:null:MISSING_COLUMN"),
        rejects());
    assertEquals(1, wh.read(Warehouse.clean("insurance")).count(), "the other sources load");

    IngestReport second = ingest();
    assertEquals(2, second.standingRejectedFiles().size(), "the alert lasts");

    landing.delete("housing", "2024-12-31.csv");
    landing.write(
        "roster",
        "2024-12-31.csv",
        "年度,身份证号,户编号,村代码,是否脱贫人口\n2024," + ID1 + ",H1," + TestLanding.V1 + ",是\n");
    IngestReport third = ingest();
    assertTrue(third.standingRejectedFiles().isEmpty());
    assertEquals(List.of("housing/2024-12-31.csv:null:BAD_ENCODING"), rejects());
    assertEquals(1, wh.read(Warehouse.clean("roster")).count());
  }

  @Test
  void anOrphanVillageRowWaitsForItsProject() {
    landing.write(
        "water_project_villages",
        "2024-12-31.csv",
        "项目编号,村代码,受益人口\nP1," + TestLanding.V1 + ",120\nP9," + TestLanding.V2 + ",80\n");
    landing.write(
        "water_projects",
        "2024-12-31.csv",
        "project_id,year,project_type,status,investment_wan\nP1,2024,维修养护,完工,12.5\n");
    IngestReport first = ingest();
    assertEquals(1, first.orphans());
    assertEquals("P9", wh.read(Warehouse.ORPHANS).first().getAs("project_id"));
    assertEquals(2, wh.read(Warehouse.clean("water_project_villages")).count(), "kept");
    assertTrue(rejects().isEmpty(), "an orphan is not a reject");

    landing.write(
        "water_projects",
        "2025-01-10.csv",
        "project_id,year,project_type,status,investment_wan\nP9,2024,水质提升,在建,30\n");
    IngestReport second = ingest();
    assertEquals(0, second.orphans());
    assertEquals(0, wh.read(Warehouse.ORPHANS).count());
  }

  @Test
  void divisionRulesAcrossRows() {
    landing.write(
        "divisions",
        "2024-02-01.csv",
        "区划代码,名称,级别,上级代码\n"
            + "141124000000,临县,县,\n" // 2: a second county
            + "141123106000,蔡家会镇,镇,141124000000\n" // 3: township under the wrong county
            + "141123106201,某村,村,141123106000\n" // 4: village under a rejected township
            + "141123105203,新村,村,"
            + TestLanding.T1
            + "\n" // 5: fine
            + "141123105204,错村,村,"
            + TestLanding.V1
            + "\n"); // 6: parent is a village
    ingest();
    assertEquals(
        List.of(
            "divisions/2024-02-01.csv:2:SECOND_COUNTY",
            "divisions/2024-02-01.csv:3:INVALID_PARENT",
            "divisions/2024-02-01.csv:4:INVALID_PARENT",
            "divisions/2024-02-01.csv:6:INVALID_PARENT"),
        rejects());
    assertEquals(7, wh.read(Warehouse.clean("divisions")).count());
    // villages are checked against the dictionary as it stands after all division files
    landing.write("insurance", "2024-12-31.csv", INS + ins(ID1, "141123105203", "1", "1"));
    ingest();
    assertEquals(1, wh.read(Warehouse.clean("insurance")).count());
  }

  @Test
  void gb18030FilesAndNoIdNumberOutsideTheRawZone() {
    landing.write(
        "education_students",
        "2024-09-01.csv",
        "学年,身份证号,户籍村代码,学段,在校状态\n2024,"
            + ID3.toLowerCase()
            + ","
            + TestLanding.V1
            + ",小学,在校\n2024,"
            + TestIds.withWrongCheck(ID2)
            + ","
            + TestLanding.V1
            + ",初中,辍学\n",
        Charset.forName("GB18030"));
    landing.write(
        "education_aid",
        "2024-12-31.csv",
        "发放编号,学年,身份证号,学段,资助项目,金额\nA1,2024," + ID3 + ",小学,生活补助,625.5\n");
    ingest();
    Row student = wh.read(Warehouse.clean("education_students")).first();
    assertEquals("primary", student.getAs("stage"));
    assertEquals(P.pseudonym(ID3), student.getAs("student_key"));
    assertEquals(
        P.pseudonym(ID3), wh.read(Warehouse.clean("education_aid")).first().getAs("student_key"));
    for (String table : IngestStage.tables(CONTRACT)) {
      if (table.equals(Warehouse.RAW_ROWS) || !wh.exists(table)) {
        continue;
      }
      Dataset<Row> t = wh.read(table);
      String text = t.toJSON().collectAsList().toString();
      for (String id : List.of(ID1, ID2, ID3, TestIds.withWrongCheck(ID2))) {
        assertFalse(text.contains(id.substring(0, 17)), "ID number in " + table);
      }
    }
    assertEquals(
        1,
        wh.read(Warehouse.RAW_ROWS)
            .filter(col("file").equalTo("2024-09-01.csv").and(col("line").equalTo(3)))
            .count(),
        "the raw zone keeps the rejected row as delivered");
  }
}
