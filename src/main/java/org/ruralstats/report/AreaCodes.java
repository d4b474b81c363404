package org.ruralstats.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * The area hierarchy read from statistical division codes (12 digits: province 2, city 4, county 6,
 * township 9, village 12 significant digits, the rest zeros), and the names of cities and
 * provinces, which the county's division dictionary does not hold (data file {@code
 * report/area-names.properties}).
 */
public final class AreaCodes {
  /** Area levels from the highest to the lowest. */
  public static final List<String> LEVELS =
      List.of("province", "city", "county", "township", "village");

  private static final int[] PREFIX = {2, 4, 6, 9, 12};
  private static final Properties NAMES = load();

  private AreaCodes() {}

  /** The rank of a level in {@link #LEVELS} (0 = province), or -1 when unknown. */
  public static int rank(String level) {
    return LEVELS.indexOf(level);
  }

  /** The level one down from {@code level}, or null at the bottom. */
  public static String below(String level) {
    int r = rank(level);
    return r < 0 || r + 1 >= LEVELS.size() ? null : LEVELS.get(r + 1);
  }

  /**
   * The significant prefix of an area code: the digits every area under it shares ({@code
   * 141123000000} → {@code 141123}). A code that is not 12 digits is its own prefix.
   */
  public static String prefix(String code) {
    if (code == null || !code.matches("\\d{12}")) {
      return code;
    }
    for (int length : PREFIX) {
      if (code.substring(length).chars().allMatch(c -> c == '0')) {
        return code.substring(0, length);
      }
    }
    return code;
  }

  /** The significant prefix of a code of a known level ({@code city}: first 4 digits). */
  public static String prefix(String code, String level) {
    int r = rank(level);
    return r < 0 || code == null || code.length() < PREFIX[r]
        ? prefix(code)
        : code.substring(0, PREFIX[r]);
  }

  /**
   * The name of a city or province from the data file, by its significant prefix ({@code 1411} →
   * 吕梁市), or null when not listed.
   */
  public static String knownName(String code) {
    String p = prefix(code);
    return p == null ? null : NAMES.getProperty(p);
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in =
        AreaCodes.class.getClassLoader().getResourceAsStream("report/area-names.properties")) {
      if (in != null) {
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read report/area-names.properties", e);
    }
    return p;
  }
}
