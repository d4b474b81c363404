package org.ruralstats.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ruralstats.ingest.contract.ColumnSpec;
import org.ruralstats.ingest.contract.SourceSpec;

/**
 * From parsed records to the rows of a source's clean table: typed columns under their clean names
 * (IDs already pseudonymized) plus lineage ({@code _file}, {@code _line}, {@code _run_id}), and the
 * newest version per key.
 */
public final class CleanRows {
  /**
   * The county a clean row belongs to: its county folder's code, or {@code ""} for a one-county
   * landing folder. Part of every key: rows of different counties never meet in a key.
   */
  public static final String COUNTY = "county_code";

  /** Lineage column: the file a clean row came from. */
  public static final String FILE = "_file";

  /** Lineage column: the line it started on. */
  public static final String LINE = "_line";

  /** Lineage column: the run that loaded it. */
  public static final String RUN_ID = "_run_id";

  private CleanRows() {}

  /** The schema of a source's clean table. */
  public static StructType schema(SourceSpec spec) {
    StructType s = new StructType().add(COUNTY, DataTypes.StringType, false);
    for (ColumnSpec c : spec.columns()) {
      s = s.add(c.cleanName(), c.type().cleanType(), true);
    }
    return s.add(FILE, DataTypes.StringType, false)
        .add(LINE, DataTypes.IntegerType, false)
        .add(RUN_ID, DataTypes.StringType, false);
  }

  /** The accepted rows of {@code parsed}, typed, with lineage; one row per accepted line. */
  public static Dataset<Row> typed(SourceSpec spec, Dataset<Row> parsed, String runId) {
    List<Column> cols = new ArrayList<>();
    cols.add(col(COUNTY));
    for (ColumnSpec c : spec.columns()) {
      cols.add(col("values").getItem(c.cleanName()).cast(c.type().cleanType()).as(c.cleanName()));
    }
    cols.add(col("file_name").as(FILE));
    cols.add(col("line").as(LINE));
    cols.add(lit(runId).as(RUN_ID));
    return parsed
        .filter(col("kind").equalTo(ParsedRecords.KIND_ROW).and(col("values").isNotNull()))
        .select(cols.toArray(Column[]::new));
  }

  /** The key of a source's clean table: the county, then the contract's key columns. */
  public static List<String> key(SourceSpec spec) {
    List<String> key = new ArrayList<>();
    key.add(COUNTY);
    key.addAll(spec.cleanKey());
    return key;
  }

  /**
   * Keeps the newest version of each key (within its county): the row from the file latest in
   * lexicographic order, and within a file the last line.
   *
   * <p>The window's partitions are led by a 64-bit hash of the key, a function of the key, so they
   * are the same partitions; Spark sorts the rows by the partition columns first and compares an
   * 8-byte prefix of the first before whole rows, and the key's own first columns (the county, ""
   * in a one-county folder; a year) are the same in most rows.
   */
  public static Dataset<Row> newestPerKey(SourceSpec spec, Dataset<Row> typed) {
    Column[] key = key(spec).stream().map(k -> col(k)).toArray(Column[]::new);
    List<Column> partition = new ArrayList<>(List.of(xxhash64(key)));
    partition.addAll(List.of(key));
    return typed
        .withColumn(
            "_rank",
            row_number()
                .over(
                    Window.partitionBy(partition.toArray(Column[]::new))
                        .orderBy(col(FILE).desc(), col(LINE).desc())))
        .filter(col("_rank").equalTo(1))
        .drop("_rank");
  }
}
