package org.ruralstats.ingest.contract;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** The value types a source column can have, as named in the source contract. */
public enum ColumnType {
  STRING(DataTypes.StringType),
  CODE12(DataTypes.StringType),
  YEAR(DataTypes.IntegerType),
  ID(DataTypes.StringType),
  VILLAGE_CODE(DataTypes.StringType),
  HOUSEHOLD_ID(DataTypes.StringType),
  YES_NO(DataTypes.BooleanType),
  DATE(DataTypes.DateType),
  INTEGER(DataTypes.IntegerType),
  AMOUNT(DataTypes.createDecimalType(18, 2)),
  ENUM(DataTypes.StringType);

  private final DataType cleanType;

  ColumnType(DataType cleanType) {
    this.cleanType = cleanType;
  }

  /** The Spark type of the column in the clean table. */
  public DataType cleanType() {
    return cleanType;
  }

  /** Parses the lower-case contract spelling, e.g. {@code yes_no}. */
  public static ColumnType fromContract(String name) {
    try {
      return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown column type '" + name + "' in the source contract");
    }
  }
}
