package org.ruralstats.indicators;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
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

  /**
   * The top areas of an indicator table, by code, in one query: the distinct codes of its county,
   * city and province areas are read to the driver, a few hundred at most (a province's counties),
   * bounded by the division dictionaries whatever the number of rows.
   */
  public static List<String> of(Dataset<Row> indicators) {
    Map<String, TreeSet<String>> areasPerLevel = new TreeMap<>();
    for (Row r :
        indicators
            .filter(col("area_level").isin(LEVELS.toArray()))
            .select("area_level", "area_code")
            .distinct()
            .collectAsList()) {
      areasPerLevel.computeIfAbsent(r.getString(0), l -> new TreeSet<>()).add(r.getString(1));
    }
    String level = null;
    for (String l : LEVELS) {
      if (areasPerLevel.getOrDefault(l, new TreeSet<>()).size() == 1) {
        level = l;
        break;
      }
    }
    if (level == null) {
      level = areasPerLevel.containsKey("province") ? "province" : "county";
    }
    return List.copyOf(areasPerLevel.getOrDefault(level, new TreeSet<>()));
  }
}
