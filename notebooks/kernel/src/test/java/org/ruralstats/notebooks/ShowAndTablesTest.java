package org.ruralstats.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.config.SparkSessions;
import org.ruralstats.warehouse.RunHistory;
import org.ruralstats.warehouse.RunTransaction;
import org.ruralstats.warehouse.Warehouse;

/** The notebooks' helpers on real Spark and real Delta tables. */
class ShowAndTablesTest {
  private static SparkSession spark;

  @BeforeAll
  static void session() {
    spark = SparkSessions.create("notebook-helpers-test", 2);
    spark.sparkContext().setLogLevel("ERROR");
  }

  private static Dataset<Row> villages() {
    StructType schema =
        new StructType()
            .add("village", DataTypes.StringType)
            .add("note", DataTypes.StringType)
            .add("change", DataTypes.IntegerType);
    return spark.createDataFrame(
        List.of(
            RowFactory.create("甲村", "ok", 12),
            RowFactory.create("乙村", "id 11010519491231002X in a note", -5),
            RowFactory.create("<丙村>", null, 0)),
        schema);
  }

  @Test
  void aTableEscapesHtmlAndHidesIdNumbers() {
    DisplayData shown = Show.table(villages());
    String html = (String) shown.getData(MIMEType.TEXT_HTML);
    String text = (String) shown.getData(MIMEType.TEXT_PLAIN);
    assertTrue(html.contains("<th>village</th><th>note</th><th>change</th>"), html);
    assertTrue(html.contains("<td>&lt;丙村&gt;</td>"), html);
    assertTrue(html.contains("id &lt;ID number hidden&gt; in a note"), html);
    assertFalse(html.contains("11010519491231002X") || text.contains("11010519491231002X"));
    assertTrue(html.contains("3 rows"), html);
  }

  @Test
  void aTimestampIsShownInBeijingTimeWhateverTheSessionsZone() {
    StructType schema = new StructType().add("finished_at", DataTypes.TimestampType);
    Instant at = Instant.parse("2026-12-01T18:30:05.123Z"); // 02:30 the next day in Beijing
    String zone = spark.conf().get("spark.sql.session.timeZone");
    String java8 = spark.conf().get("spark.sql.datetime.java8API.enabled");
    try {
      spark.conf().set("spark.sql.session.timeZone", "America/Los_Angeles");
      for (String java8Api : List.of("false", "true")) { // collected as Timestamp, then Instant
        spark.conf().set("spark.sql.datetime.java8API.enabled", java8Api);
        Dataset<Row> runs =
            spark.createDataFrame(
                List.of(RowFactory.create(java8Api.equals("true") ? at : Timestamp.from(at))),
                schema);
        DisplayData shown = Show.table(runs);
        String html = (String) shown.getData(MIMEType.TEXT_HTML);
        String text = (String) shown.getData(MIMEType.TEXT_PLAIN);
        assertTrue(html.contains("<td>2026-12-02 02:30:05 北京时间</td>"), html);
        assertTrue(text.contains("2026-12-02 02:30:05 北京时间"), text);
      }
    } finally {
      spark.conf().set("spark.sql.session.timeZone", zone);
      spark.conf().set("spark.sql.datetime.java8API.enabled", java8);
    }
  }

  @Test
  void aBarChartHasOneBarPerRowAndNegativeBarsLeftOfZero() {
    DisplayData shown = Show.bars(villages(), "village", "change", "Change", 10);
    String svg = (String) shown.getData(MIMEType.IMAGE_SVG);
    assertEquals(3, svg.split("class=\"bar\"", -1).length - 1, svg);
    assertTrue(svg.contains("fill=\"#c0504d\""), "a negative bar is red: " + svg);
    assertTrue(svg.contains("&lt;丙村&gt;"), svg);
    assertFalse(svg.contains("11010519491231002X"));
  }

  @Test
  void tablesReadsThePublishedRunsVersionsNeverAnUnfinishedRunsOnes(@TempDir Path dir) {
    Warehouse w = new Warehouse(spark, dir.toString());
    RunTransaction tx = new RunTransaction(w, List.of(Warehouse.INDICATORS), RunHistory.newRunId());
    tx.begin();
    w.overwrite(Warehouse.INDICATORS, villages());
    tx.commit("fingerprint", 1, 0, 3, 0, null);
    // a run that never reached its commit point left a newer version behind
    w.overwrite(Warehouse.INDICATORS, villages().limit(1));
    Tables tables = Tables.open(w);
    assertEquals(3, tables.read(Warehouse.INDICATORS).count());
    assertEquals(1, tables.readVersion(Warehouse.INDICATORS, 1).count());
    assertEquals(2, tables.history(Warehouse.INDICATORS).count());
    assertEquals(List.of(Warehouse.INDICATORS, Warehouse.RUNS), tables.present());
    assertEquals(tx.runId(), tables.publishedRun());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> tables.read(Warehouse.REJECTS));
    assertTrue(e.getMessage().contains("No table quality/rejects"), e.getMessage());
  }

  @Test
  void aFolderWithoutARunIsRefusedWithWhatToDo(@TempDir Path dir) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Tables.open(new Warehouse(spark, dir.toString())));
    assertTrue(e.getMessage().contains("jobs/nightly.sh"), e.getMessage());
    assertTrue(e.getMessage().contains(Tables.WAREHOUSE_ENV), e.getMessage());
  }

  @Test
  void redactKeepsPseudonymsAndAreaCodes() {
    String ok = "3f9a0c1d2e3f4a5b6c7d8e9f00112233 141123100201";
    assertEquals(ok, Redact.ids(ok));
    assertTrue(Redact.hasId("x 110105194912310021 y"));
  }
}
