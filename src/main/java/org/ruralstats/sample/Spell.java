package org.ruralstats.sample;

import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/** The many ways the upstream systems spell the same value (all accepted by SOURCES.md). */
final class Spell {

  private Spell() {}

  /** yes/no spelling families. */
  enum YesNo {
    /** 是 / 否 */
    CN,
    /** Y / N, sometimes lower case */
    YN,
    /** 1 / 0 */
    DIGIT,
    /** true / false in mixed case */
    BOOL
  }

  static String yesNo(boolean v, YesNo style) {
    return switch (style) {
      case CN -> v ? "是" : "否";
      case YN -> v ? "Y" : "N";
      case DIGIT -> v ? "1" : "0";
      case BOOL -> v ? "true" : "false";
    };
  }

  /** A yes/no drawn from the given families, with letters in random case. */
  static String yesNo(boolean v, SplittableRandom r, YesNo... styles) {
    YesNo style = styles[r.nextInt(styles.length)];
    String s = yesNo(v, style);
    return style == YesNo.YN || style == YesNo.BOOL ? oddCase(s, r) : s;
  }

  static final int ISO = 0;
  static final int SLASH = 1;
  static final int COMPACT = 2;

  static String date(LocalDate d, int format) {
    if (d == null) {
      return null;
    }
    String y = String.valueOf(d.getYear());
    String m = two(d.getMonthValue());
    String dd = two(d.getDayOfMonth());
    return switch (format) {
      case ISO -> y + "-" + m + "-" + dd;
      case SLASH -> y + "/" + m + "/" + dd;
      default -> y + m + dd;
    };
  }

  /** A date in one of the formats, drawn with the given weights (ISO, SLASH, COMPACT). */
  static String date(LocalDate d, SplittableRandom r, double iso, double slash, double compact) {
    if (d == null) {
      return null;
    }
    int f = Draws.draw(new double[] {iso, slash, compact}, r);
    return date(d, f);
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : String.valueOf(v);
  }

  /** A canonical code in lower, upper, capitalised or random case. */
  static String oddCase(String code, SplittableRandom r) {
    switch (r.nextInt(6)) {
      case 0, 1:
        return code.toLowerCase(Locale.ROOT);
      case 2:
        return code.toUpperCase(Locale.ROOT);
      case 3:
        return Character.toUpperCase(code.charAt(0)) + code.substring(1).toLowerCase(Locale.ROOT);
      default:
        StringBuilder sb = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
          char c = code.charAt(i);
          sb.append(r.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return sb.toString();
    }
  }

  /** An enum value as its Chinese label (with the given probability) or its code in odd case. */
  static String label(String code, String label, double labelShare, SplittableRandom r) {
    if (code == null) {
      return null;
    }
    return r.nextDouble() < labelShare ? label : oddCase(code, r);
  }

  /**
   * An amount in yuan (or 万元) from cents: {@code 190.00}, sometimes {@code 190} or {@code 190.0}.
   */
  static String amount(int cents, SplittableRandom r) {
    if (cents < 0) {
      return null;
    }
    String whole = String.valueOf(cents / 100);
    int frac = cents % 100;
    if (frac == 0 && r != null) {
      int k = r.nextInt(5);
      if (k == 0) {
        return whole;
      }
      if (k == 1) {
        return whole + ".0";
      }
    } else if (frac % 10 == 0 && r != null && r.nextInt(3) == 0) {
      return whole + "." + (frac / 10);
    }
    return whole + "." + two(frac);
  }

  /** An ID, its check character {@code X} sometimes written as lower-case {@code x}. */
  static String id(String id, double lowerShare, SplittableRandom r) {
    if (id.endsWith("X") && r.nextDouble() < lowerShare) {
      return id.substring(0, 17) + "x";
    }
    return id;
  }
}
