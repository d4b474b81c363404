package org.ruralstats.indicators;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ruralstats.support.TestSpark;

/**
 * Hand-built clean tables for tests: the fixed clean schema of every source (as the ingest produces
 * it, including columns the indicators do not read and, on the roster, a lineage column), and a
 * builder that turns literal rows into DataFrames with those explicit schemas.
 */
final class CleanTables {

  static final StructType DIVISIONS =
      new StructType()
          .add("county_code", StringType)
          .add("code", StringType)
          .add("name", StringType)
          .add("level", StringType)
          .add("parent_code", StringType);

  static final StructType ROSTER =
      new StructType()
          .add("county_code", StringType)
          .add("year", IntegerType)
          .add("person_key", StringType)
          .add("household_id", StringType)
          .add("village_code", StringType)
          .add("is_alleviated", BooleanType)
          .add("monitor_type", StringType)
          .add("identified_date", DateType)
          .add("risk_eliminated_date", DateType)
          .add("_run_id", StringType);

  static final StructType INSURANCE =
      new StructType()
          .add("county_code", StringType)
          .add("year", IntegerType)
          .add("person_key", StringType)
          .add("village_code", StringType)
          .add("required", BooleanType)
          .add("enrolled", BooleanType)
          .add("insurance_type", StringType)
          .add("subsidy_amount", DataTypes.createDecimalType(18, 2))
          .add("enroll_date", DateType);

  static final StructType HOUSING =
      new StructType()
          .add("county_code", StringType)
          .add("year", IntegerType)
          .add("household_id", StringType)
          .add("village_code", StringType)
          .add("rooms", IntegerType)
          .add("safety_grade", StringType)
          .add("task_source", StringType)
          .add("task_status", StringType)
          .add("completion_date", DateType)
          .add("subsidy_amount", DataTypes.createDecimalType(18, 2));

  static final StructType WATER_PROJECTS =
      new StructType()
          .add("county_code", StringType)
          .add("project_id", StringType)
          .add("year", IntegerType)
          .add("project_type", StringType)
          .add("status", StringType)
          .add("investment_wan", DataTypes.createDecimalType(18, 2));

  static final StructType WATER_PROJECT_VILLAGES =
      new StructType()
          .add("county_code", StringType)
          .add("project_id", StringType)
          .add("village_code", StringType)
          .add("beneficiaries", IntegerType);

  static final StructType WATER_SURVEY =
      new StructType()
          .add("county_code", StringType)
          .add("year", IntegerType)
          .add("household_id", StringType)
          .add("village_code", StringType)
          .add("persons", IntegerType)
          .add("quantity_ok", BooleanType)
          .add("quality_ok", BooleanType)
          .add("convenience_ok", BooleanType)
          .add("reliability_ok", BooleanType);

  static final StructType EDUCATION_STUDENTS =
      new StructType()
          .add("county_code", StringType)
          .add("year", IntegerType)
          .add("student_key", StringType)
          .add("village_code", StringType)
          .add("stage", StringType)
          .add("status", StringType);

  static final StructType EDUCATION_AID =
      new StructType()
          .add("county_code", StringType)
          .add("payment_id", StringType)
          .add("year", IntegerType)
          .add("student_key", StringType)
          .add("stage", StringType)
          .add("aid_type", StringType)
          .add("amount", DataTypes.createDecimalType(18, 2))
          .add("paid_date", DateType);

  static final Map<String, StructType> SCHEMAS = schemas();

  private final Map<String, List<Row>> rows = new LinkedHashMap<>();
  private String county = "";

  private CleanTables() {
    SCHEMAS.keySet().forEach(source -> rows.put(source, new ArrayList<>()));
  }

  /** A builder with every source present and empty. */
  static CleanTables builder() {
    return new CleanTables();
  }

  /**
   * The rows added from now on belong to this county folder (default {@code ""}: a one-county
   * landing folder).
   */
  CleanTables county(String code) {
    county = code;
    return this;
  }

  /**
   * Adds one row to a source, its values in the order of the source's schema (without the county
   * column, which is the current {@link #county}).
   */
  CleanTables add(String source, Object... values) {
    StructType schema = SCHEMAS.get(source);
    if (values.length + 1 != schema.size()) {
      throw new IllegalArgumentException(
          source + " row has " + values.length + " values, schema has " + (schema.size() - 1));
    }
    Object[] withCounty = new Object[values.length + 1];
    withCounty[0] = county;
    System.arraycopy(values, 0, withCounty, 1, values.length);
    rows.get(source).add(RowFactory.create(withCounty));
    return this;
  }

  /** The clean tables as DataFrames of the shared test session. */
  Map<String, Dataset<Row>> build() {
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    rows.forEach(
        (source, list) ->
            tables.put(source, TestSpark.session().createDataFrame(list, SCHEMAS.get(source))));
    return tables;
  }

  static Date date(String isoDate) {
    return isoDate == null ? null : Date.valueOf(isoDate);
  }

  static BigDecimal amount(String value) {
    return value == null ? null : new BigDecimal(value);
  }

  private static Map<String, StructType> schemas() {
    Map<String, StructType> schemas = new LinkedHashMap<>();
    schemas.put("divisions", DIVISIONS);
    schemas.put("roster", ROSTER);
    schemas.put("insurance", INSURANCE);
    schemas.put("housing", HOUSING);
    schemas.put("water_projects", WATER_PROJECTS);
    schemas.put("water_project_villages", WATER_PROJECT_VILLAGES);
    schemas.put("water_survey", WATER_SURVEY);
    schemas.put("education_students", EDUCATION_STUDENTS);
    schemas.put("education_aid", EDUCATION_AID);
    return schemas;
  }
}
