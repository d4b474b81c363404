package org.ruralstats.indicators;

import static org.apache.spark.sql.functions.col;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.ruralstats.report.AreaCodes;

/**
 * Names of areas: counties, townships and villages from the division dictionaries, cities and
 * provinces (which no county dictionary lists) from {@link AreaCodes#knownName}. An unknown code is
 * named by itself.
 */
public final class AreaNames {
  private final Map<String, String> names;

  private AreaNames(Map<String, String> names) {
    this.names = names;
  }

  /**
   * The names of {@code codes}: looked up in the clean division table, then the city/province
   * table. Only the asked codes are read to the driver (a handful, not the dictionary).
   */
  public static AreaNames of(Dataset<Row> divisions, Collection<String> codes) {
    Map<String, String> names = new HashMap<>();
    if (!codes.isEmpty()) {
      for (Row r :
          divisions
              .filter(col("code").isin(codes.toArray()))
              .select("code", "name")
              .collectAsList()) {
        names.put(r.getString(0), r.getString(1));
      }
    }
    return new AreaNames(names);
  }

  /** The name of an area, or null when unknown. */
  private String known(String code) {
    String name = names.get(code);
    return name != null ? name : AreaCodes.knownName(code);
  }

  /** The name of an area, or its code when unknown. */
  public String name(String code) {
    String name = known(code);
    return name == null ? code : name;
  }

  /** {@code 兴县 (141123000000)}, or the code when the name is unknown. */
  public String label(String code) {
    String name = known(code);
    return name == null ? code : name + " (" + code + ")";
  }
}
