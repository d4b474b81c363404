package org.ruralstats.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.ruralstats.ingest.FieldValues;
import org.ruralstats.ingest.Pseudonymizer;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.ingest.contract.SourceSpec;
import org.ruralstats.warehouse.Warehouse;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Removes every row of some persons: their rows in the raw zone (found by their ID in any field of
 * the row as delivered), the rejects of those raw rows, and their rows in every clean table (found
 * by their pseudonym under the key in force), each table in one Delta commit; then records one
 * audit row per person in {@link Warehouse#ERASURES}. The caller runs it inside a {@code
 * RunTransaction} under the lock and republishes the indicators. The ID numbers stay in this JVM's
 * memory and in the closure of the raw-zone match: no predicate, plan literal or log line holds
 * them.
 */
public final class Erasure {
  private final Warehouse wh;
  private final Pseudonymizer pseudonymizer;
  private final ErasureTokens tokens;

  /** An erasure in a warehouse under the key in force. */
  public Erasure(Warehouse wh, Pseudonymizer pseudonymizer) {
    this.wh = wh;
    this.pseudonymizer = pseudonymizer;
    this.tokens = pseudonymizer.erasureTokens();
  }

  /** What was removed, per person (pseudonym) and table. */
  public record Result(Map<String, Map<String, Long>> rowsRemoved) {
    /** Rows removed in all tables. */
    public long total() {
      return rowsRemoved.values().stream()
          .flatMap(m -> m.values().stream())
          .mapToLong(Long::longValue)
          .sum();
    }

    /** Rows removed from one table. */
    public long in(String table) {
      return rowsRemoved.values().stream().mapToLong(m -> m.getOrDefault(table, 0L)).sum();
    }

    /** Persons of whom no row was found. */
    public long notFound() {
      return rowsRemoved.values().stream()
          .filter(m -> m.values().stream().allMatch(n -> n == 0))
          .count();
    }
  }

  /**
   * Erases the persons.
   *
   * @param ids their ID numbers, valid and upper-cased
   * @param runId this erasure's run id
   * @param reason why (no ID in it)
   */
  public Result erase(List<String> ids, String runId, String reason) {
    Map<String, Map<String, Long>> removed = new LinkedHashMap<>();
    Map<String, String> byId = new HashMap<>();
    for (String id : ids) {
      String pk = pseudonymizer.pseudonym(id);
      byId.put(id, pk);
      removed.put(pk, new LinkedHashMap<>());
    }
    eraseRaw(byId, removed);
    for (SourceSpec spec : SourceContract.standard().sources()) {
      String table = Warehouse.clean(spec.name());
      for (String c : ErasedPersons.idColumns(spec)) {
        if (!wh.exists(table)) {
          continue;
        }
        List<Row> counts =
            wh.read(table)
                .filter(col(c).isin(removed.keySet().toArray()))
                .groupBy(c)
                .count()
                .collectAsList();
        if (counts.isEmpty()) {
          continue;
        }
        for (Row r : counts) {
          removed.get(r.getString(0)).merge(table, r.getLong(1), Long::sum);
        }
        wh.delete(table, col(c).isin(removed.keySet().toArray()));
      }
    }
    List<Row> audit = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.now());
    for (String id : ids) {
      String pk = byId.get(id);
      audit.add(
          RowFactory.create(
              runId,
              now,
              reason,
              pk,
              pseudonymizer.fingerprint(),
              tokens.token(id),
              CollectionConverters.asScala(removed.get(pk))));
    }
    wh.append(Warehouse.ERASURES, wh.spark().createDataFrame(audit, ErasedPersons.SCHEMA));
    return new Result(removed);
  }

  /** Deletes the persons' raw rows and the rejects of those rows. */
  private void eraseRaw(Map<String, String> byId, Map<String, Map<String, Long>> removed) {
    if (!wh.exists(Warehouse.RAW_ROWS)) {
      return;
    }
    HashMap<String, String> match = new HashMap<>(byId);
    UserDefinedFunction person =
        udf(
                (UDF1<scala.collection.Map<String, String>, String>)
                    fields -> personOf(fields, match),
                DataTypes.StringType)
            .withName("erased_person");
    Dataset<Row> hits =
        wh.read(Warehouse.RAW_ROWS)
            .select(
                col("county_code"),
                col("source"),
                col("file"),
                col("line"),
                col("content_hash"),
                person.apply(col("fields")).as("person_key"))
            .filter(col("person_key").isNotNull());
    List<Row> keys = hits.collectAsList();
    if (keys.isEmpty()) {
      return;
    }
    for (Row r : keys) {
      removed.get(r.getString(5)).merge(Warehouse.RAW_ROWS, 1L, Long::sum);
    }
    List<String> on = List.of("county_code", "source", "file", "line", "content_hash");
    Dataset<Row> keyFrame = wh.spark().createDataFrame(keys, hits.schema());
    if (wh.exists(Warehouse.REJECTS)) {
      List<Row> rejected =
          wh.read(Warehouse.REJECTS)
              .join(keyFrame, CollectionConverters.asScala(on).toSeq())
              .groupBy("person_key")
              .count()
              .collectAsList();
      for (Row r : rejected) {
        removed.get(r.getString(0)).merge(Warehouse.REJECTS, r.getLong(1), Long::sum);
      }
      if (!rejected.isEmpty()) {
        wh.deleteMatching(Warehouse.REJECTS, keyFrame, on);
      }
    }
    wh.deleteMatching(Warehouse.RAW_ROWS, keyFrame, on);
  }

  /** The pseudonym of the erased person whose ID is a field of the row, or null. */
  static String personOf(scala.collection.Map<String, String> fields, Map<String, String> byId) {
    if (fields == null) {
      return null;
    }
    Set<String> seen = new HashSet<>();
    for (String v : CollectionConverters.asJava(fields).values()) {
      if (v == null) {
        continue;
      }
      String id = FieldValues.trim(v).toUpperCase(Locale.ROOT);
      if (id.length() == 18 && seen.add(id) && byId.containsKey(id)) {
        return byId.get(id);
      }
    }
    return null;
  }
}
