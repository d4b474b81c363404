package org.ruralstats.sample;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ruralstats.sample.LandingSchemas.Col;

/**
 * The value and row rules of SOURCES.md, for {@link LandingReader}: a trimmed cell parsed by its
 * column's type, the resident ID's check character (ISO 7064 MOD 11-2) and the rules across the
 * columns of one row.
 */
final class LandingValues {

  private LandingValues() {}

  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
  private static final Pattern INT = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern AMOUNT = Pattern.compile("[0-9]+(\\.[0-9]{1,2})?");
  private static final Pattern ID = Pattern.compile("[0-9]{17}[0-9Xx]");
  private static final Pattern CODE12 = Pattern.compile("[0-9]{12}");
  private static final Pattern D1 = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
  private static final Pattern D2 = Pattern.compile("([0-9]{4})/([0-9]{2})/([0-9]{2})");
  private static final Pattern D3 = Pattern.compile("([0-9]{4})([0-9]{2})([0-9]{2})");

  /**
   * The value of a non-empty trimmed cell: Long, String, Boolean, LocalDate or BigDecimal.
   *
   * @param villages the village codes of the dictionary
   * @throws IllegalArgumentException when the cell breaks its column's rule
   */
  static Object parse(Col col, String raw, Set<String> villages) {
    switch (col.type()) {
      case YEAR -> {
        if (!YEAR.matcher(raw).matches()) {
          throw new IllegalArgumentException("not a year: " + raw);
        }
        long y = Long.parseLong(raw);
        if (y < 2000 || y > 2100) {
          throw new IllegalArgumentException("year out of range: " + raw);
        }
        return y;
      }
      case ID -> {
        if (!ID.matcher(raw).matches()) {
          throw new IllegalArgumentException("not an ID: " + raw);
        }
        String id = raw.toUpperCase(Locale.ROOT);
        date(id.substring(6, 10), id.substring(10, 12), id.substring(12, 14));
        if (mod112(id) != id.charAt(17)) {
          throw new IllegalArgumentException("check character: " + raw);
        }
        return id;
      }
      case STRING -> {
        return raw;
      }
      case HOUSEHOLD -> {
        if (raw.length() > 64) {
          throw new IllegalArgumentException("longer than 64");
        }
        return raw;
      }
      case VILLAGE -> {
        if (!villages.contains(raw)) {
          throw new IllegalArgumentException("not a village: " + raw);
        }
        return raw;
      }
      case YESNO -> {
        switch (raw.toLowerCase(Locale.ROOT)) {
          case "是", "y", "1", "true" -> {
            return Boolean.TRUE;
          }
          case "否", "n", "0", "false" -> {
            return Boolean.FALSE;
          }
          default -> throw new IllegalArgumentException("not yes/no: " + raw);
        }
      }
      case DATE -> {
        for (Pattern p : List.of(D1, D2, D3)) {
          var m = p.matcher(raw);
          if (m.matches()) {
            return date(m.group(1), m.group(2), m.group(3));
          }
        }
        throw new IllegalArgumentException("not a date: " + raw);
      }
      case INT -> {
        if (!INT.matcher(raw).matches()) {
          throw new IllegalArgumentException("not an integer: " + raw);
        }
        long v = Long.parseLong(raw);
        if (v < col.min() || v > col.max()) {
          throw new IllegalArgumentException("out of range: " + raw);
        }
        return v;
      }
      case AMOUNT -> {
        if (!AMOUNT.matcher(raw).matches()) {
          throw new IllegalArgumentException("not an amount: " + raw);
        }
        return new BigDecimal(raw);
      }
      case ENUM -> {
        String code = col.labels().get("\0" + raw);
        if (code == null) {
          code = col.labels().get(raw.toLowerCase(Locale.ROOT));
        }
        if (code == null) {
          throw new IllegalArgumentException("unknown value: " + raw);
        }
        return code;
      }
      case CODE12 -> {
        if (!CODE12.matcher(raw).matches()) {
          throw new IllegalArgumentException("not a 12-digit code: " + raw);
        }
        return raw;
      }
      default -> throw new IllegalStateException();
    }
  }

  private static LocalDate date(String y, String m, String d) {
    try {
      return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("no such date: " + y + m + d);
    }
  }

  /** ISO 7064 MOD 11-2 over the first 17 digits (written here independently of the generator). */
  static char mod112(String id) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id.charAt(i) - '0') * WEIGHTS[i];
    }
    return "10X98765432".charAt(sum % 11);
  }

  /** Weight of position i is 2^(17-i) mod 11 (computed here, not copied from the generator). */
  private static final int[] WEIGHTS = new int[17];

  static {
    for (int i = 0; i < 17; i++) {
      int w = 1;
      for (int k = 0; k < 17 - i; k++) {
        w = (w * 2) % 11;
      }
      WEIGHTS[i] = w;
    }
  }

  /** The rule of the row's source that the row breaks, or null when it breaks none. */
  static String rowRule(String source, Map<String, Object> v) {
    switch (source) {
      case "roster" -> {
        if (v.get("monitor_type") != null && v.get("identified_date") == null) {
          return "monitor_type without identified_date";
        }
        LocalDate id = (LocalDate) v.get("identified_date");
        LocalDate el = (LocalDate) v.get("risk_eliminated_date");
        if (id != null && el != null && el.isBefore(id)) {
          return "risk_eliminated_date before identified_date";
        }
      }
      case "housing" -> {
        if (v.get("task_source") != null && v.get("task_status") == null) {
          return "task_source without task_status";
        }
      }
      case "education_aid" -> {
        if (((BigDecimal) v.get("amount")).signum() <= 0) {
          return "amount not > 0";
        }
      }
      default -> {}
    }
    return null;
  }
}
