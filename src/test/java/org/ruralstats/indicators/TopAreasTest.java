package org.ruralstats.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.ruralstats.support.TestSpark;

/**
 * The top areas of an indicator table on a handful of rows: the smallest level with exactly one
 * area holds every county; otherwise every province (or every county when no province is there).
 */
class TopAreasTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("indicator_code", DataTypes.StringType)
          .add("area_code", DataTypes.StringType)
          .add("area_level", DataTypes.StringType);

  /** Rows of two indicators for each "level:code" given, and one township row. */
  private static Dataset<Row> indicators(String... areas) {
    List<Row> rows = new ArrayList<>();
    for (String a : areas) {
      String[] p = a.split(":");
      rows.add(RowFactory.create("INS_REQUIRED", p[1], p[0]));
      rows.add(RowFactory.create("INS_COVERAGE", p[1], p[0]));
    }
    rows.add(RowFactory.create("INS_REQUIRED", "141123105000", "township"));
    return TestSpark.session().createDataFrame(rows, SCHEMA);
  }

  @Test
  void smallestLevelWithOneAreaElseEveryProvince() {
    assertEquals(List.of("141123000000"), TopAreas.of(indicators("county:141123000000")));
    assertEquals(
        List.of("141100000000"),
        TopAreas.of(
            indicators(
                "county:141123000000",
                "county:141122000000",
                "city:141100000000",
                "province:140000000000")));
    assertEquals(
        List.of("140000000000"),
        TopAreas.of(
            indicators(
                "county:141123000000",
                "county:140221000000",
                "city:141100000000",
                "city:140200000000",
                "province:140000000000")));
    assertEquals(
        List.of("130000000000", "140000000000"),
        TopAreas.of(
            indicators(
                "county:141123000000",
                "county:130102000000",
                "city:141100000000",
                "city:130100000000",
                "province:140000000000",
                "province:130000000000")));
    // no province level: every county, in code order
    assertEquals(
        List.of("141122000000", "141123000000"),
        TopAreas.of(indicators("county:141123000000", "county:141122000000")));
    assertEquals(List.of(), TopAreas.of(indicators()));
  }
}
