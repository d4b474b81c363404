package org.ruralstats.indicators;

import static org.apache.spark.sql.functions.col;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Names of areas: counties, townships and villages from the division dictionaries, cities and
 * provinces (which no county dictionary lists) from {@value #RESOURCE} on the class path, keyed by
 * their GB/T 2260 code. An unknown code is named by itself.
 */
public final class AreaNames {
  /** Class-path table of city and province names (code,name,level). */
  public static final String RESOURCE = "divisions/higher-areas.csv";

  private final Map<String, String> names;

  private AreaNames(Map<String, String> names) {
    this.names = names;
  }

  /**
   * The names of {@code codes}: looked up in the clean division table and the city/province table.
   * Only the asked codes are read to the driver (a handful, not the dictionary).
   */
  public static AreaNames of(Dataset<Row> divisions, Collection<String> codes) {
    Map<String, String> names = new HashMap<>(higherAreas());
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

  /** The name of an area, or its code when unknown. */
  public String name(String code) {
    return names.getOrDefault(code, code);
  }

  /** {@code 兴县 (141123000000)}. */
  public String label(String code) {
    String name = names.get(code);
    return name == null ? code : name + " (" + code + ")";
  }

  /** The city and province names shipped with the pipeline. */
  public static Map<String, String> higherAreas() {
    Map<String, String> out = new HashMap<>();
    try (InputStream in = AreaNames.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return out;
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> lines = reader.lines().skip(1).toList();
      for (String line : lines) {
        String[] f = line.split(",");
        if (f.length >= 2) {
          out.put(f[0].trim(), f[1].trim());
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
