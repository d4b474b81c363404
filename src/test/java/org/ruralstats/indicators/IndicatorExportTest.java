package org.ruralstats.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.ruralstats.support.TestSpark;

/** The CSV export formatting of indicator rows built by hand with the published schema. */
class IndicatorExportTest {

  private static final String COUNTY = "141123000000";

  @Test
  void formatsCountsAsIntegersAmountsAndRateValuesWithTwoDecimalsNullsAsNull() {
    List<Row> rows =
        List.of(
            indicator(
                "INS_REQUIRED",
                2024,
                "210236.00",
                null,
                "210236.00",
                "200000.00",
                "10236.00",
                "count",
                "人"),
            indicator("MON_HOUSEHOLDS", 2024, "3.00", null, "3.00", "5.00", "-2.00", "count", "户"),
            indicator("HOUSING_ROOMS", 2023, "0.00", null, "0.00", null, null, "count", "间"),
            indicator(
                "WATER_MAINT_INVESTMENT_WAN",
                2024,
                "313.00",
                null,
                "313.00",
                null,
                null,
                "amount",
                "万元"),
            indicator(
                "EDU_AID_YUAN",
                2024,
                "12345678901234.50",
                null,
                "12345678901234.50",
                "0.05",
                "12345678901234.45",
                "amount",
                "元"),
            indicator(
                "HOUSING_SUBSIDY_YUAN",
                2024,
                "0.00",
                null,
                "0.00",
                "100.10",
                "-100.10",
                "amount",
                "元"),
            indicator(
                "INS_COVERAGE",
                2024,
                "203510.00",
                "210236.00",
                "96.80",
                "95.00",
                "1.80",
                "rate",
                "%"),
            indicator(
                "WATER_SAFE_RATE", 2024, "1.00", "800.00", "0.13", "0.18", "-0.05", "rate", "%"),
            indicator(
                "HOUSING_PLAN_COMPLETION",
                2024,
                "0.00",
                "0.00",
                null,
                "100.00",
                null,
                "rate",
                "%"));
    Dataset<Row> formatted =
        IndicatorExport.format(TestSpark.session().createDataFrame(rows, IndicatorTable.SCHEMA));

    assertEquals(IndicatorExport.COLUMNS, List.of(formatted.columns()));
    for (StructField field : formatted.schema().fields()) {
      assertEquals(DataTypes.StringType, field.dataType(), field.name());
    }
    List<String> lines = new ArrayList<>();
    for (Row row : formatted.collectAsList()) {
      List<String> fields = new ArrayList<>();
      for (int i = 0; i < row.length(); i++) {
        fields.add(row.isNullAt(i) ? "<null>" : row.getString(i));
      }
      lines.add(String.join(",", fields));
    }
    assertEquals(
        List.of(
            "INS_REQUIRED," + COUNTY + ",county,2024,210236,<null>,210236,200000,10236",
            "MON_HOUSEHOLDS," + COUNTY + ",county,2024,3,<null>,3,5,-2",
            "HOUSING_ROOMS," + COUNTY + ",county,2023,0,<null>,0,<null>,<null>",
            "WATER_MAINT_INVESTMENT_WAN,"
                + COUNTY
                + ",county,2024,313.00,<null>,313.00,<null>,<null>",
            "EDU_AID_YUAN,"
                + COUNTY
                + ",county,2024,12345678901234.50,<null>,12345678901234.50,0.05,12345678901234.45",
            "HOUSING_SUBSIDY_YUAN," + COUNTY + ",county,2024,0.00,<null>,0.00,100.10,-100.10",
            "INS_COVERAGE," + COUNTY + ",county,2024,203510,210236,96.80,95.00,1.80",
            "WATER_SAFE_RATE," + COUNTY + ",county,2024,1,800,0.13,0.18,-0.05",
            "HOUSING_PLAN_COMPLETION," + COUNTY + ",county,2024,0,0,<null>,100.00,<null>"),
        lines);
  }

  @Test
  void refusesATableWithoutTheIndicatorColumns() {
    Dataset<Row> notIndicators = TestSpark.session().sql("SELECT 1 AS x");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> IndicatorExport.format(notIndicators));
    assertTrue(
        e.getMessage()
            .startsWith(
                "Cannot format the indicator export: the table has no column indicator_code"),
        e.getMessage());
  }

  private static Row indicator(
      String code,
      int year,
      String numerator,
      String denominator,
      String value,
      String prev,
      String yoy,
      String kind,
      String unit) {
    return RowFactory.create(
        code,
        COUNTY,
        "county",
        year,
        decimal(numerator),
        decimal(denominator),
        decimal(value),
        decimal(prev),
        decimal(yoy),
        kind,
        unit);
  }

  private static BigDecimal decimal(String text) {
    return text == null ? null : new BigDecimal(text);
  }
}
