package org.ruralstats.indicators;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/** The published indicator table: its schema and column names, as produced by the calculator. */
public final class IndicatorTable {

  /** The type of every figure column: exact decimals with two places. */
  public static final DecimalType FIGURE = DataTypes.createDecimalType(38, 2);

  /**
   * indicator_code, area_code, area_level, year, numerator, denominator (null unless rate), value
   * (null for a rate whose denominator is 0), prev_value, yoy_change, kind ({@code
   * count|amount|rate}), unit. Nullability is not part of the contract: every field is declared
   * nullable; only the four figure columns named may be null.
   */
  public static final StructType SCHEMA =
      new StructType()
          .add("indicator_code", DataTypes.StringType)
          .add("area_code", DataTypes.StringType)
          .add("area_level", DataTypes.StringType)
          .add("year", DataTypes.IntegerType)
          .add("numerator", FIGURE)
          .add("denominator", FIGURE)
          .add("value", FIGURE)
          .add("prev_value", FIGURE)
          .add("yoy_change", FIGURE)
          .add("kind", DataTypes.StringType)
          .add("unit", DataTypes.StringType);

  /** The column names of {@link #SCHEMA}, in order. */
  public static final List<String> COLUMNS = List.of(SCHEMA.fieldNames());

  /** The key of a row: one row per indicator, area and year. */
  public static final List<String> KEY = List.of("indicator_code", "area_code", "year");

  private IndicatorTable() {}
}
