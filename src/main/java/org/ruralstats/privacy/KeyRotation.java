package org.ruralstats.privacy;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.ruralstats.errors.RuralStatsErrors;
import org.ruralstats.ingest.FieldFault;
import org.ruralstats.ingest.FieldValues;
import org.ruralstats.ingest.Pseudonymizer;
import org.ruralstats.ingest.ResidentId;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.ingest.contract.SourceSpec;
import org.ruralstats.warehouse.Warehouse;

/**
 * Moves a warehouse to a new pseudonym key: every pseudonym of every clean table is derived again
 * from the ID numbers of the raw zone (old pseudonym to new, one map built from every valid ID of
 * every raw row), each clean table rewritten in one commit, and the erasure tokens of the audit
 * moved to the new key. A pseudonym whose ID is not in the raw zone stops the rotation (the
 * caller's transaction then restores every table). The map holds pseudonyms only; IDs stay inside
 * the tasks.
 */
public final class KeyRotation {
  private static final StructType MAP =
      new StructType()
          .add("old_key", DataTypes.StringType, false)
          .add("new_key", DataTypes.StringType, false);

  private final Warehouse wh;
  private final Pseudonymizer from;
  private final Pseudonymizer to;

  /** A rotation from the key in force to a new one. */
  public KeyRotation(Warehouse wh, Pseudonymizer from, Pseudonymizer to) {
    this.wh = wh;
    this.from = from;
    this.to = to;
  }

  /**
   * Rewrites every pseudonym under the new key.
   *
   * @return rows rewritten
   */
  public long rotate() {
    Pseudonymizer a = from;
    Pseudonymizer b = to;
    Dataset<Row> map =
        wh.read(Warehouse.RAW_ROWS)
            .select("fields")
            .flatMap((FlatMapFunction<Row, Row>) r -> pairs(r, a, b), Encoders.row(MAP))
            .distinct()
            .persist(StorageLevel.MEMORY_AND_DISK());
    long rows = 0;
    try {
      for (SourceSpec spec : SourceContract.standard().sources()) {
        String table = Warehouse.clean(spec.name());
        List<String> ids = ErasedPersons.idColumns(spec);
        if (ids.isEmpty() || !wh.exists(table)) {
          continue;
        }
        Dataset<Row> t = wh.read(table);
        String[] columns = t.columns();
        for (String c : ids) {
          Dataset<Row> m =
              map.withColumnRenamed("old_key", "_old").withColumnRenamed("new_key", "_new");
          t = t.join(m, t.col(c).equalTo(m.col("_old")), "left");
          long missing = t.filter(col(c).isNotNull().and(col("_new").isNull())).count();
          if (missing > 0) {
            throw RuralStatsErrors.rotationIncomplete(wh.path(table), missing);
          }
          List<Column> select = new ArrayList<>();
          for (String name : columns) {
            select.add(name.equals(c) ? col("_new").as(c) : col(name));
          }
          t = t.select(select.toArray(Column[]::new));
        }
        rows += t.count();
        wh.overwrite(table, t);
      }
    } finally {
      map.unpersist();
    }
    rekeyAudit();
    return rows;
  }

  private void rekeyAudit() {
    if (!wh.exists(Warehouse.ERASURES)) {
      return;
    }
    ErasureTokens old = from.erasureTokens();
    ErasureTokens now = to.erasureTokens();
    List<Row> out = new ArrayList<>();
    Dataset<Row> audit = wh.read(Warehouse.ERASURES);
    int token = audit.schema().fieldIndex("token");
    for (Row r : audit.collectAsList()) {
      Object[] v = new Object[r.length()];
      for (int i = 0; i < v.length; i++) {
        v[i] = r.get(i);
      }
      v[token] = old.rekey(r.getString(token), now);
      out.add(RowFactory.create(v));
    }
    wh.overwrite(Warehouse.ERASURES, wh.spark().createDataFrame(out, audit.schema()));
  }

  private static Iterator<Row> pairs(Row r, Pseudonymizer a, Pseudonymizer b) {
    List<Row> out = new ArrayList<>();
    if (r.isNullAt(0)) {
      return out.iterator();
    }
    for (String v : r.<String, String>getJavaMap(0).values()) {
      if (v == null) {
        continue;
      }
      String s = FieldValues.trim(v);
      if (s.length() != 18) {
        continue;
      }
      try {
        String id = ResidentId.normalize(s.toUpperCase(Locale.ROOT));
        out.add(RowFactory.create(a.pseudonym(id), b.pseudonym(id)));
      } catch (FieldFault notAnId) {
        // not an ID number
      }
    }
    return out.iterator();
  }
}
