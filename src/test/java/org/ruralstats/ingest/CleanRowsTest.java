package org.ruralstats.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.ingest.contract.SourceSpec;
import org.ruralstats.support.TestSpark;

/** {@link CleanRows#newestPerKey} on a handful of rows: the grain of a clean table. */
class CleanRowsTest {
  private final SparkSession spark = TestSpark.session();
  private final SourceSpec roster = SourceContract.standard().source("roster");
  private final StructType schema = CleanRows.schema(roster);

  /** A roster row with only its key and lineage set. */
  private Row row(String county, int year, String person, String file, int line) {
    Object[] v = new Object[schema.size()];
    v[schema.fieldIndex(CleanRows.COUNTY)] = county;
    v[schema.fieldIndex("year")] = year;
    v[schema.fieldIndex("person_key")] = person;
    v[schema.fieldIndex(CleanRows.FILE)] = file;
    v[schema.fieldIndex(CleanRows.LINE)] = line;
    v[schema.fieldIndex(CleanRows.RUN_ID)] = "run";
    return RowFactory.create(v);
  }

  @Test
  void oneRowPerCountyAndKeyFromTheLatestFileAndWithinItTheLastLine() {
    List<Row> rows = new ArrayList<>();
    rows.add(row("", 2024, "p1", "2024-12-31.csv", 5));
    rows.add(row("", 2024, "p1", "2025-01-20.csv", 2));
    rows.add(row("", 2024, "p1", "2025-01-20.csv", 9)); // the newest of p1 in 2024
    rows.add(row("", 2024, "p1", "2025-01-02.csv", 30));
    rows.add(row("", 2024, "p2", "2024-12-31.csv", 3));
    rows.add(row("", 2023, "p1", "2024-12-31.csv", 4)); // another year: another key
    rows.add(row("141102000000", 2024, "p1", "2024-12-31.csv", 1)); // another county
    rows.add(row("141102000000", 2024, "p1", "2024-12-31.csv", 0));
    Dataset<Row> result = CleanRows.newestPerKey(roster, spark.createDataFrame(rows, schema));
    assertEquals(schema, result.schema(), "the clean table's columns, no helper column");
    List<Row> newest = result.collectAsList();
    TreeSet<String> seen = new TreeSet<>();
    for (Row r : newest) {
      seen.add(
          r.getAs(CleanRows.COUNTY)
              + "|"
              + r.getAs("year")
              + "|"
              + r.getAs("person_key")
              + "|"
              + r.getAs(CleanRows.FILE)
              + ":"
              + r.getAs(CleanRows.LINE));
    }
    assertEquals(
        new TreeSet<>(
            List.of(
                "|2024|p1|2025-01-20.csv:9",
                "|2024|p2|2024-12-31.csv:3",
                "|2023|p1|2024-12-31.csv:4",
                "141102000000|2024|p1|2024-12-31.csv:1")),
        seen);
    assertEquals(4, newest.size(), "one row per county and key");
  }
}
