package org.ruralstats.indicators;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * The top area of a warehouse: the smallest area that holds every county (the county of a
 * one-county warehouse, the city when all counties lie in one city, else the province), or, when
 * counties of several provinces are loaded, every province. The console summary and the leaders'
 * report are about it unless told otherwise.
 */
public final class TopAreas {
  /** The levels that can hold every county of the warehouse, smallest first. */
  private static final List<String> LEVELS = List.of("county", "city", "province");

  private TopAreas() {}

  /** The top areas of an indicator table, by code: a handful of codes, read to the driver. */
  public static List<String> of(Dataset<Row> indicators) {
    Map<String, Long> areasPerLevel = new TreeMap<>();
    for (Row r :
        indicators
            .filter(col("area_level").isin(LEVELS.toArray()))
            .groupBy("area_level")
            .agg(countDistinct("area_code"))
            .collectAsList()) {
      areasPerLevel.put(r.getString(0), r.getLong(1));
    }
    String level = null;
    for (String l : LEVELS) {
      if (areasPerLevel.getOrDefault(l, 0L) == 1L) {
        level = l;
        break;
      }
    }
    if (level == null) {
      level = areasPerLevel.containsKey("province") ? "province" : "county";
    }
    return indicators
        .filter(col("area_level").equalTo(level))
        .select("area_code")
        .distinct()
        .orderBy("area_code")
        .as(Encoders.STRING())
        .collectAsList();
  }
}
