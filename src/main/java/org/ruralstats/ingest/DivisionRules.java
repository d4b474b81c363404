package org.ruralstats.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;

/**
 * The division dictionary's rules across rows, per county folder ({@code county_code}): each
 * dictionary describes exactly one county; a township's parent is that county; a village's parent
 * is a township of the same dictionary as it stands once all division files of the run are loaded.
 * The county of a county folder is the folder's code (a county row naming another county is bad
 * input); in a one-county landing folder it is the county already in the dictionary, else the first
 * county row of the run (a second county row is bad input). Rows breaking the rules are turned into
 * rejects; everything else passes unchanged.
 */
public final class DivisionRules {
  private DivisionRules() {}

  /**
   * Applies the rules.
   *
   * @param parsed parsed records of the run's division files ({@link ParsedRecords#SCHEMA})
   * @param existing the clean division table before the run (county_code, code, level, ...)
   * @return {@code parsed} with the offending rows rejected
   */
  public static Dataset<Row> apply(Dataset<Row> parsed, Dataset<Row> existing) {
    Dataset<Row> rows =
        parsed
            .filter(col("kind").equalTo(ParsedRecords.KIND_ROW).and(col("values").isNotNull()))
            .select(
                col("county_code").as("s"),
                col("file_name").as("f"),
                col("line").as("l"),
                col("values").getItem("code").as("code"),
                col("values").getItem("level").as("level"),
                col("values").getItem("parent_code").as("parent"));

    // The county of each dictionary (s = its county folder, "" in a one-county landing folder).
    Dataset<Row> existingCounty =
        existing
            .filter(col("level").equalTo("county"))
            .groupBy(col("county_code").as("s"))
            .agg(functions.max("code").as("old_county"));
    Dataset<Row> firstNewCounty =
        rows.filter(col("level").equalTo("county"))
            .filter(col("s").equalTo(LandingFolder.ONE_COUNTY).or(col("code").equalTo(col("s"))))
            .withColumn(
                "_n", row_number().over(Window.partitionBy("s").orderBy(col("f"), col("l"))))
            .filter(col("_n").equalTo(1))
            .select(col("s"), col("code").as("new_county"));
    Dataset<Row> county =
        rows.select("s")
            .distinct()
            .join(existingCounty, "s", "left")
            .join(firstNewCounty, "s", "left")
            .select(col("s"), coalesce(col("old_county"), col("new_county")).as("county_code"));

    Column oneCounty = col("s").equalTo(LandingFolder.ONE_COUNTY);
    Column c = col("county_code");
    Column fault1 =
        when(
                col("level").equalTo("county").and(col("parent").isNotNull()),
                lit("INVALID_PARENT|级别 (level)|a county row has no parent code; leave 上级代码 empty"))
            .when(
                col("level")
                    .equalTo("county")
                    .and(not(oneCounty))
                    .and(col("code").notEqual(col("s"))),
                concat(
                    lit("WRONG_COUNTY|区划代码 (code)|this is the folder of county "),
                    col("s"),
                    lit(
                        ", so its dictionary describes exactly that county; move the file to the"
                            + " folder of county "),
                    col("code"),
                    lit(" or correct the code")))
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
    Dataset<Row> checked1 = rows.join(county, "s").withColumn("fault", fault1);

    Dataset<Row> townships =
        existing
            .filter(col("level").equalTo("township"))
            .select(col("county_code").as("t_s"), col("code").as("t_code"))
            .union(
                checked1
                    .filter(col("level").equalTo("township").and(col("fault").isNull()))
                    .select(col("s").as("t_s"), col("code").as("t_code")))
            .distinct();
    Dataset<Row> checked2 =
        checked1
            .join(
                townships,
                col("s").equalTo(col("t_s")).and(col("parent").equalTo(col("t_code"))),
                "left")
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
            .select(col("s"), col("f"), col("l"), col("fault"));

    Dataset<Row> joined =
        parsed.join(
            checked2,
            parsed
                .col("county_code")
                .equalTo(col("s"))
                .and(parsed.col("file_name").equalTo(col("f")))
                .and(parsed.col("line").equalTo(col("l"))),
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

  private static Column not(Column c) {
    return functions.not(c);
  }
}
