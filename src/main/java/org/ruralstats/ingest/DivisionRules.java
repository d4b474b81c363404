package org.ruralstats.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The division dictionary's rules across rows: it describes exactly one county (a second county row
 * is bad input); a township's parent is the county; a village's parent is a township of the
 * dictionary as it stands once all division files of the run are loaded. Rows breaking them are
 * turned into rejects; everything else passes unchanged.
 */
public final class DivisionRules {
  private DivisionRules() {}

  /**
   * Applies the rules.
   *
   * @param parsed parsed records of the run's division files ({@link ParsedRecords#SCHEMA})
   * @param existing the clean division table before the run (code, level, parent_code, ...)
   * @return {@code parsed} with the offending rows rejected
   */
  public static Dataset<Row> apply(Dataset<Row> parsed, Dataset<Row> existing) {
    Dataset<Row> rows =
        parsed
            .filter(col("kind").equalTo(ParsedRecords.KIND_ROW).and(col("values").isNotNull()))
            .select(
                col("file_name").as("f"),
                col("line").as("l"),
                col("values").getItem("code").as("code"),
                col("values").getItem("level").as("level"),
                col("values").getItem("parent_code").as("parent"));

    // The county: the one already in the dictionary, else the first county row of the run.
    Dataset<Row> existingCounty =
        existing.filter(col("level").equalTo("county")).select(col("code").as("county"));
    Dataset<Row> firstNewCounty =
        rows.filter(col("level").equalTo("county"))
            .orderBy(col("f"), col("l"))
            .limit(1)
            .select(col("code").as("new_county"));
    Dataset<Row> county =
        existingCounty
            .agg(functions.max("county").as("county"))
            .crossJoin(firstNewCounty.agg(functions.max("new_county").as("new_county")))
            .select(coalesce(col("county"), col("new_county")).as("county_code"));

    Column c = col("county_code");
    Column fault1 =
        when(
                col("level").equalTo("county").and(col("parent").isNotNull()),
                lit("INVALID_PARENT|级别 (level)|a county row has no parent code; leave 上级代码 empty"))
            .when(
                col("level").equalTo("county").and(col("code").notEqual(c)),
                concat(
                    lit("SECOND_COUNTY|级别 (level)|the dictionary already describes county "),
                    c,
                    lit("; it describes exactly one county, so a second county row is bad input")))
            .when(
                col("level")
                    .equalTo("township")
                    .and(col("parent").isNull().or(c.isNull()).or(col("parent").notEqual(c))),
                concat(
                    lit(
                        "INVALID_PARENT|上级代码 (parent_code)|the parent of a township must be the"
                            + " county code"),
                    when(c.isNotNull(), concat(lit(" "), c)).otherwise(lit(" (no county row)")),
                    when(col("parent").isNotNull(), concat(lit(", not "), col("parent")))
                        .otherwise(lit(", not empty"))));
    Dataset<Row> checked1 = rows.crossJoin(county).withColumn("fault", fault1);

    Dataset<Row> townships =
        existing
            .filter(col("level").equalTo("township"))
            .select(col("code").as("t_code"))
            .union(
                checked1
                    .filter(col("level").equalTo("township").and(col("fault").isNull()))
                    .select(col("code").as("t_code")))
            .distinct();
    Dataset<Row> checked2 =
        checked1
            .join(townships, col("parent").equalTo(col("t_code")), "left")
            .withColumn(
                "fault",
                when(
                        col("fault")
                            .isNull()
                            .and(col("level").equalTo("village"))
                            .and(col("t_code").isNull()),
                        concat(
                            lit(
                                "INVALID_PARENT|上级代码 (parent_code)|the parent of a village must"
                                    + " be a township of the dictionary, "),
                            coalesce(col("parent"), lit("an empty code")),
                            lit(" is not")))
                    .otherwise(col("fault")))
            .filter(col("fault").isNotNull())
            .select(col("f"), col("l"), col("fault"));

    Dataset<Row> joined =
        parsed.join(
            checked2,
            parsed.col("file_name").equalTo(col("f")).and(parsed.col("line").equalTo(col("l"))),
            "left");
    Column bad = col("fault").isNotNull();
    Column[] parts = {
      functions.split(col("fault"), "\\|", 3).getItem(0),
      functions.split(col("fault"), "\\|", 3).getItem(1),
      functions.split(col("fault"), "\\|", 3).getItem(2)
    };
    return joined
        .withColumn("values", when(bad, lit(null)).otherwise(col("values")))
        .withColumn("reject_code", when(bad, parts[0]).otherwise(col("reject_code")))
        .withColumn("reject_column", when(bad, parts[1]).otherwise(col("reject_column")))
        .withColumn(
            "reject_reason",
            when(bad, concat(parts[1], lit(": "), parts[2])).otherwise(col("reject_reason")))
        .select(
            java.util.Arrays.stream(ParsedRecords.SCHEMA.fieldNames())
                .map(n -> col(n))
                .toArray(Column[]::new));
  }
}
