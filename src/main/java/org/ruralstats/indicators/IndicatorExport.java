package org.ruralstats.indicators;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Formats the indicator table for its CSV export: every column a plain-number string, in the
 * export's column order. Writing (and the sort by {@link #SORT_COLUMNS}) is the CSV writer's job.
 */
public final class IndicatorExport {

  /** The export's columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "indicator_code",
          "area_code",
          "area_level",
          "year",
          "numerator",
          "denominator",
          "value",
          "prev_value",
          "yoy_change");

  /**
   * The export's sort order. Sorting the formatted (string) columns gives the same order as the
   * typed table: {@code year} always has four digits.
   */
  public static final List<String> SORT_COLUMNS = List.of("indicator_code", "area_code", "year");

  private IndicatorExport() {}

  /**
   * Formats an indicator table ({@link IndicatorTable#SCHEMA}, as from {@link
   * IndicatorCalculator#compute}) as STRING columns {@link #COLUMNS}:
   *
   * <ul>
   *   <li>count: numerator, value, prev_value and yoy_change as integers ({@code 210236});
   *   <li>amount: the same four with two decimals ({@code 313.00});
   *   <li>rate: numerator and denominator as integers, value, prev_value and yoy_change with two
   *       decimals ({@code 96.80});
   *   <li>null stays null (the writer writes an empty field); no thousands separators, no exponent.
   * </ul>
   *
   * @throws IllegalArgumentException when a column of the indicator table is missing
   */
  public static Dataset<Row> format(Dataset<Row> indicators) {
    List<String> present = Arrays.asList(indicators.columns());
    for (String column : List.of("indicator_code", "area_code", "area_level", "year", "kind")) {
      if (!present.contains(column)) {
        throw new IllegalArgumentException(
            "Cannot format the indicator export: the table has no column "
                + column
                + " (columns: "
                + present
                + "); pass the table produced by IndicatorCalculator.compute");
      }
    }
    Column kind = col("kind");
    Column count = kind.equalTo(IndicatorKind.COUNT.code());
    Column rate = kind.equalTo(IndicatorKind.RATE.code());
    return indicators.select(
        col("indicator_code").cast("string").as("indicator_code"),
        col("area_code").cast("string").as("area_code"),
        col("area_level").cast("string").as("area_level"),
        col("year").cast("string").as("year"),
        when(count.or(rate), integer("numerator"))
            .otherwise(twoDecimals("numerator"))
            .as("numerator"),
        integer("denominator").as("denominator"),
        when(count, integer("value")).otherwise(twoDecimals("value")).as("value"),
        when(count, integer("prev_value")).otherwise(twoDecimals("prev_value")).as("prev_value"),
        when(count, integer("yoy_change")).otherwise(twoDecimals("yoy_change")).as("yoy_change"));
  }

  /** A whole number as plain digits (a decimal's string form never uses an exponent). */
  private static Column integer(String column) {
    return col(column).cast("decimal(38,0)").cast("string");
  }

  /** A number with exactly two decimals as plain digits. */
  private static Column twoDecimals(String column) {
    return col(column).cast("decimal(38,2)").cast("string");
  }
}
