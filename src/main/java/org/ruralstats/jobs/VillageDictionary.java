package org.ruralstats.jobs;

import static org.apache.spark.sql.functions.col;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.ruralstats.ingest.CleanRows;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.ingest.contract.SourceSpec;
import org.ruralstats.warehouse.Warehouse;

/**
 * The village codes each county's division dictionary holds, which every row's village code is
 * checked against. They are reference data (thousands of codes per county, not rows that grow with
 * the population): read once per run and broadcast to the executors, not shipped with each task.
 */
final class VillageDictionary {
  private VillageDictionary() {}

  /** The village codes of each county's dictionary, by county, from the clean divisions table. */
  static Map<String, Set<String>> read(Warehouse warehouse, SourceContract contract) {
    SourceSpec div = contract.source(SourceContract.DIVISIONS);
    Map<String, Set<String>> out = new HashMap<>();
    for (Row r :
        warehouse
            .readOrEmpty(Warehouse.clean(div.name()), CleanRows.schema(div))
            .filter(col("level").equalTo("village"))
            .select(CleanRows.COUNTY, "code")
            .collectAsList()) {
      out.computeIfAbsent(r.getString(0), k -> new HashSet<>()).add(r.getString(1));
    }
    return out;
  }

  /** The dictionaries as a broadcast variable of the warehouse's session. */
  static Broadcast<Map<String, Set<String>>> broadcast(
      Warehouse warehouse, Map<String, Set<String>> villages) {
    return JavaSparkContext.fromSparkContext(warehouse.spark().sparkContext()).broadcast(villages);
  }
}
