package org.ruralstats.jobs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.export.RejectsExport;
import org.ruralstats.ingest.LandingFolder;
import org.ruralstats.ingest.Pseudonymizer;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.support.TestIds;
import org.ruralstats.support.TestLanding;
import org.ruralstats.support.TestSpark;
import org.ruralstats.warehouse.Warehouse;

/**
 * The ingest stage on a landing folder of county folders: each county its own dictionary, keys,
 * ledger and rejects; counties arrive and fail independently; a mixed layout is refused.
 */
class SeveralCountiesIngestTest {
  private static final SourceContract CONTRACT = SourceContract.standard();
  private static final Pseudonymizer P =
      new Pseudonymizer("test-key-test-key-test-key-test-key".getBytes());
  private static final String A = "141123000000";
  private static final String B = "141124000000";
  private static final String VA = "141123100201";
  private static final String VB = "141124100201";
  private static final String ID1 = TestIds.id("19800101", 11);
  private static final String INS =
      "year,person_id,village_code,required,enrolled,insurance_type,subsidy_amount,enroll_date\n";
  private static final String HOUSING = "year,household_id,village_code,rooms\n";

  @TempDir Path tmp;
  private TestLanding landing;
  private Warehouse wh;
  private int runs;
  private final List<String> progress = new ArrayList<>();
  private final SparkSession spark = TestSpark.session();

  @BeforeEach
  void setUp() {
    landing = new TestLanding(tmp.resolve("landing"));
    landing.county(A).write("divisions", "2024-01-01.csv", TestLanding.dictionary(A, "兴县"));
    wh = new Warehouse(spark, tmp.resolve("warehouse").toString());
  }

  private IngestReport ingest() {
    runs++;
    return new IngestStage(wh, CONTRACT, P, String.format("run-%03d", runs), progress::add, 2)
        .run(new LandingFolder(spark, landing.root().toString(), CONTRACT.names()));
  }

  /** The rejects as {@code source/<county>/<file>:line:code}, sorted. */
  private List<String> rejects() {
    return wh
        .read(Warehouse.REJECTS)
        .select(
            col("source"),
            RejectsExport.fileName(col("county_code"), col("file")),
            col("line"),
            col("reason_code"))
        .orderBy("source", "file", "line")
        .collectAsList()
        .stream()
        .map(r -> r.getString(0) + "/" + r.getString(1) + ":" + r.get(2) + ":" + r.getString(3))
        .toList();
  }

  private List<String> clean(String source, String... columns) {
    return wh
        .read(Warehouse.clean(source))
        .selectExpr(columns)
        .orderBy(columns[0])
        .collectAsList()
        .stream()
        .map(Row::toString)
        .toList();
  }

  @Test
  void equalKeysInTwoCountiesAreTwoRowsAndACorrectionReplacesOnlyItsCounty() {
    landing.county(B).write("divisions", "2024-01-01.csv", TestLanding.dictionary(B, "临县"));
    landing.county(A).write("housing", "2024-12-31.csv", HOUSING + "2024,H1," + VA + ",3\n");
    landing.county(B).write("housing", "2024-12-31.csv", HOUSING + "2024,H1," + VB + ",4\n");
    landing
        .county(A)
        .write("insurance", "2024-12-31.csv", INS + "2024," + ID1 + "," + VA + ",1,1,,,\n");
    landing
        .county(B)
        .write("insurance", "2024-12-31.csv", INS + "2024," + ID1 + "," + VB + ",1,0,,,\n");
    ingest();
    assertEquals(
        List.of("[141123000000,H1,3]", "[141124000000,H1,4]"),
        clean("housing", "county_code", "household_id", "rooms"));
    assertEquals(
        2, wh.read(Warehouse.clean("insurance")).count(), "the same person in two counties");
    assertEquals(
        1,
        wh.read(Warehouse.clean("insurance")).select("person_key").distinct().count(),
        "one pseudonym: the same person");

    landing.county(B).write("housing", "2025-01-10.csv", HOUSING + "2024,H1," + VB + ",5\n");
    ingest();
    assertEquals(
        List.of("[141123000000,H1,3]", "[141124000000,H1,5]"),
        clean("housing", "county_code", "household_id", "rooms"));
  }

  @Test
  void aCountyRowNamingAnotherCountyIsRejectedAndVillageCodesAreCheckedPerCounty() {
    // B's folder holds A's dictionary: its county row names another county
    landing.county(B).write("divisions", "2024-01-01.csv", TestLanding.dictionary(A, "兴县"));
    // A village of A delivered in B's folder is not a village of B's dictionary
    landing
        .county(B)
        .write("insurance", "2024-12-31.csv", INS + "2024," + ID1 + "," + VA + ",1,1,,,\n");
    landing
        .county(A)
        .write("insurance", "2024-12-31.csv", INS + "2024," + ID1 + "," + VA + ",1,1,,,\n");
    ingest();
    assertEquals(
        List.of(
            "divisions/141124000000/2024-01-01.csv:2:WRONG_COUNTY",
            "divisions/141124000000/2024-01-01.csv:3:INVALID_PARENT",
            "divisions/141124000000/2024-01-01.csv:4:INVALID_PARENT",
            "insurance/141124000000/2024-12-31.csv:2:UNKNOWN_VILLAGE"),
        rejects());
    assertEquals(List.of("[141123000000]"), clean("insurance", "county_code"));
    assertEquals(3, wh.read(Warehouse.clean("divisions")).count(), "A's dictionary only");
  }

  @Test
  void aCountyArrivingInALaterRunIsLoadedAndTheOthersAreNotTouched() {
    landing
        .county(A)
        .write("insurance", "2024-12-31.csv", INS + "2024," + ID1 + "," + VA + ",1,1,,,\n");
    ingest();
    landing.county(B).write("divisions", "2024-01-01.csv", TestLanding.dictionary(B, "临县"));
    landing
        .county(B)
        .write("insurance", "2024-12-31.csv", INS + "2024," + ID1 + "," + VB + ",1,1,,,\n");
    IngestReport second = ingest();
    assertEquals(2, second.filesProcessed(), "only B's two files are new");
    assertEquals(List.of("[141123000000]", "[141124000000]"), clean("insurance", "county_code"));
    assertEquals(4, wh.read(Warehouse.FILE_LEDGER).count());
  }

  @Test
  void aWholeFileRejectionInOneCountyNeverTouchesAnother() throws IOException {
    landing.county(B).write("divisions", "2024-01-01.csv", TestLanding.dictionary(B, "临县"));
    landing.county(A).write("insurance", "2024-12-31.csv", "year,person_id\n2024," + ID1 + "\n");
    landing.county(B).write("insurance", "2024-12-31.csv", INS + "2024,bad-id," + VB + ",1,1,,,\n");
    IngestReport first = ingest();
    assertEquals(1, first.standingRejectedFiles().size());
    assertEquals(A, first.standingRejectedFiles().get(0).county());
    assertEquals(
        List.of(
            "insurance/141123000000/2024-12-31.csv:null:MISSING_COLUMN",
            "insurance/141124000000/2024-12-31.csv:2:INVALID_ID"),
        rejects());
    // B's file of the same name is corrected: A's rejection stands, B's rejects are replaced
    landing
        .county(B)
        .write("insurance", "2024-12-31.csv", INS + "2024," + ID1 + "," + VB + ",1,1,,,\n");
    IngestReport second = ingest();
    assertEquals(List.of("insurance/141123000000/2024-12-31.csv:null:MISSING_COLUMN"), rejects());
    assertEquals(1, second.standingRejectedFiles().size());
    assertEquals(List.of("[141124000000]"), clean("insurance", "county_code"));
    Files.delete(landing.county(A).root().resolve("insurance/2024-12-31.csv"));
    assertTrue(ingest().standingRejectedFiles().isEmpty());
  }

  @Test
  void aLandingFolderWithBothLayoutsIsRefusedAndOtherFoldersAreNoticed() throws IOException {
    Files.createDirectories(landing.root().resolve("notes"));
    LandingFolder ok = new LandingFolder(spark, landing.root().toString(), CONTRACT.names());
    assertEquals(List.of(A), ok.counties());
    assertTrue(ok.notices().get(0).contains("notes/"), ok.notices().toString());

    landing.write("insurance", "2024-12-31.csv", INS);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new LandingFolder(spark, landing.root().toString(), CONTRACT.names()));
    assertTrue(e.getMessage().contains("both source folders (insurance/)"), e.getMessage());
    assertTrue(e.getMessage().contains("county folders (141123000000/)"), e.getMessage());
  }

  @Test
  void aWarehouseKeepsTheLayoutItWasBuiltFrom() {
    ingest();
    TestLanding flat = new TestLanding(tmp.resolve("flat")).withDivisions();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new IngestStage(wh, CONTRACT, P, "run-x", progress::add, 2)
                    .run(
                        new LandingFolder(
                            spark, flat.root().toString(), Set.copyOf(CONTRACT.names()))));
    assertTrue(e.getMessage().contains("built from county folders"), e.getMessage());
  }
}
