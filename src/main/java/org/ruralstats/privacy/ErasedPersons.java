package org.ruralstats.privacy;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ruralstats.ingest.FieldValues;
import org.ruralstats.ingest.ParsedRecords;
import org.ruralstats.ingest.Pseudonymizer;
import org.ruralstats.ingest.contract.ColumnSpec;
import org.ruralstats.ingest.contract.ColumnType;
import org.ruralstats.ingest.contract.SourceSpec;
import org.ruralstats.warehouse.Warehouse;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The persons erased on request ({@link Warehouse#ERASURES}, the erasure audit: one row per erased
 * person and erasure, with the pseudonym then in force and an {@link ErasureTokens erasure token},
 * never the ID), and the ingest check that sets a later delivery of one of them aside: an accepted
 * row whose person is new to the source's clean table (an erased person is in no clean table) and
 * whose ID has an erased token becomes a reject {@value #REASON}, with neither ID nor fields kept.
 */
public final class ErasedPersons {
  /** Reject code of a row of an erased person. */
  public static final String CODE = "ERASED_ON_REQUEST";

  /** Reject reason of a row of an erased person. */
  public static final String REASON = "erased on request";

  /** Schema of the erasure audit. */
  public static final StructType SCHEMA =
      new StructType()
          .add("erasure_id", DataTypes.StringType, false)
          .add("erased_at", DataTypes.TimestampType, false)
          .add("reason", DataTypes.StringType, false)
          .add("person_key", DataTypes.StringType, false)
          .add("key_fingerprint", DataTypes.StringType, false)
          .add("token", DataTypes.StringType, false)
          .add(
              "rows_removed",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false),
              false);

  private static final StructType HIT =
      new StructType()
          .add("county_code", DataTypes.StringType, false)
          .add("source", DataTypes.StringType, false)
          .add("file_name", DataTypes.StringType, false)
          .add("line", DataTypes.IntegerType, true);

  private ErasedPersons() {}

  /** The erasure tokens of every erased person (empty when nobody was erased). */
  public static Set<String> tokens(Warehouse wh) {
    Set<String> out = new HashSet<>();
    if (wh.exists(Warehouse.ERASURES)) {
      for (Row r : wh.read(Warehouse.ERASURES).select("token").distinct().collectAsList()) {
        out.add(r.getString(0));
      }
    }
    return out;
  }

  /** The clean names of a source's ID columns. */
  public static List<String> idColumns(SourceSpec spec) {
    return spec.columns().stream()
        .filter(c -> c.type() == ColumnType.ID)
        .map(ColumnSpec::cleanName)
        .toList();
  }

  /**
   * Sets the rows of erased persons aside.
   *
   * @param parsed parsed records of one source ({@link ParsedRecords#SCHEMA})
   * @return {@code parsed}, with rows of erased persons turned into rejects without fields
   */
  public static Dataset<Row> setAside(
      Warehouse wh,
      SourceSpec spec,
      Dataset<Row> parsed,
      Pseudonymizer pseudonymizer,
      ErasureTokens tokens,
      Set<String> erased) {
    List<String> ids = idColumns(spec);
    if (ids.isEmpty() || erased.isEmpty()) {
      return parsed;
    }
    Dataset<Row> accepted =
        parsed.filter(col("kind").equalTo(ParsedRecords.KIND_ROW).and(col("values").isNotNull()));
    Dataset<Row> candidates = null;
    for (String id : ids) {
      Dataset<Row> rows =
          accepted.select(
              col("county_code"),
              col("source"),
              col("file_name"),
              col("line"),
              col("fields"),
              col("values").getItem(id).as("pk"));
      String clean = Warehouse.clean(spec.name());
      if (wh.exists(clean)) {
        Dataset<Row> known = wh.read(clean).select(col(id).as("pk")).distinct();
        rows = rows.join(known, CollectionConverters.asScala(List.of("pk")).toSeq(), "left_anti");
      }
      candidates = candidates == null ? rows : candidates.unionAll(rows);
    }
    HashSet<String> erasedTokens = new HashSet<>(erased);
    List<Row> hits =
        candidates
            .mapPartitions(
                (MapPartitionsFunction<Row, Row>)
                    it -> hits(it, pseudonymizer, tokens, erasedTokens),
                Encoders.row(HIT))
            .distinct()
            .collectAsList();
    if (hits.isEmpty()) {
      return parsed;
    }
    Dataset<Row> marks = wh.spark().createDataFrame(hits, HIT).withColumn("_erased", lit(true));
    Dataset<Row> joined =
        parsed.join(
            broadcast(marks),
            CollectionConverters.asScala(List.of("county_code", "source", "file_name", "line"))
                .toSeq(),
            "left");
    Column erasedRow = col("_erased").equalTo(true);
    List<Column> out = new ArrayList<>();
    for (StructField f : ParsedRecords.SCHEMA.fields()) {
      Column c = col(f.name());
      switch (f.name()) {
        case "fields", "values", "reject_column" ->
            c = when(erasedRow, lit(null).cast(f.dataType())).otherwise(c);
        case "reject_code" -> c = when(erasedRow, lit(CODE)).otherwise(c);
        case "reject_reason" -> c = when(erasedRow, lit(REASON)).otherwise(c);
        default -> {}
      }
      out.add(c.as(f.name()));
    }
    return joined.select(out.toArray(Column[]::new));
  }

  private static Iterator<Row> hits(
      Iterator<Row> rows, Pseudonymizer p, ErasureTokens tokens, Set<String> erased) {
    List<Row> out = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      String pk = r.getAs("pk");
      int fields = r.fieldIndex("fields");
      if (pk == null || r.isNullAt(fields)) {
        continue;
      }
      for (String v : r.<String, String>getJavaMap(fields).values()) {
        String id = FieldValues.trim(v == null ? "" : v).toUpperCase(java.util.Locale.ROOT);
        if (id.length() == 18 && p.pseudonym(id).equals(pk)) {
          if (erased.contains(tokens.token(id))) {
            out.add(
                RowFactory.create(
                    r.getAs("county_code"),
                    r.getAs("source"),
                    r.getAs("file_name"),
                    r.getAs("line")));
          }
          break;
        }
      }
    }
    return out.iterator();
  }
}
