package org.ruralstats.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.ruralstats.ingest.contract.ColumnSpec;
import org.ruralstats.ingest.contract.EnumValue;

/**
 * The value spellings of the source contract: checks one trimmed, non-empty field against its
 * column and returns its canonical form (dates {@code yyyy-MM-dd}, yes/no {@code true}/{@code
 * false}, enum codes, amounts with two decimals, upper-cased IDs).
 */
public final class FieldValues {
  private static final BigDecimal AMOUNT_LIMIT = new BigDecimal("10000000000000000"); // 10^16
  private static final int MAX_HOUSEHOLD_ID = 64;

  private FieldValues() {}

  /**
   * Returns the canonical form of a value.
   *
   * @param col the column
   * @param value the trimmed, non-empty field
   * @param villageCodes village codes of the division dictionary (for village code columns)
   * @throws FieldFault when the value breaks the contract
   */
  public static String normalize(ColumnSpec col, String value, Set<String> villageCodes)
      throws FieldFault {
    switch (col.type()) {
      case STRING:
        return value;
      case HOUSEHOLD_ID:
        if (value.codePointCount(0, value.length()) > MAX_HOUSEHOLD_ID) {
          throw new FieldFault(
              RejectCode.TOO_LONG,
              "a household ID has at most 64 characters, this one has "
                  + value.codePointCount(0, value.length()));
        }
        return value;
      case CODE12:
        if (!allDigits(value, 12)) {
          throw new FieldFault(
              RejectCode.INVALID_CODE, "'" + value + "' is not a 12-digit division code");
        }
        return value;
      case VILLAGE_CODE:
        if (!allDigits(value, 12)) {
          throw new FieldFault(
              RejectCode.INVALID_CODE, "'" + value + "' is not a 12-digit village code");
        }
        if (!villageCodes.contains(value)) {
          throw new FieldFault(
              RejectCode.UNKNOWN_VILLAGE,
              "village code " + value + " is not a village of the division dictionary");
        }
        return value;
      case YEAR:
        if (!allDigits(value, 4)
            || Integer.parseInt(value) < 2000
            || Integer.parseInt(value) > 2100) {
          throw new FieldFault(
              RejectCode.INVALID_YEAR, "'" + value + "' is not a year from 2000 to 2100");
        }
        return value;
      case ID:
        return ResidentId.normalize(value);
      case YES_NO:
        return yesNo(value);
      case DATE:
        return date(value);
      case INTEGER:
        return integer(col, value);
      case AMOUNT:
        return amount(col, value);
      case ENUM:
        return enumCode(col, value);
      default:
        throw new IllegalStateException("unhandled column type " + col.type());
    }
  }

  private static String yesNo(String value) throws FieldFault {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "是", "y", "1", "true":
        return "true";
      case "否", "n", "0", "false":
        return "false";
      default:
        throw new FieldFault(
            RejectCode.INVALID_YES_NO,
            "'" + value + "' is not a yes/no value (是/否, Y/N, 1/0, true/false)");
    }
  }

  /** Parses a date in one of the contract's spellings; returns {@code yyyy-MM-dd}. */
  public static String date(String value) throws FieldFault {
    // yyyy-MM-dd or yyyy/MM/dd (the same separator twice), or yyyyMMdd
    int month;
    int day;
    if (value.length() == 10
        && (value.charAt(4) == '-' || value.charAt(4) == '/')
        && value.charAt(7) == value.charAt(4)
        && digits(value, 0, 4)
        && digits(value, 5, 7)
        && digits(value, 8, 10)) {
      month = 5;
      day = 8;
    } else if (allDigits(value, 8)) {
      month = 4;
      day = 6;
    } else {
      throw new FieldFault(
          RejectCode.INVALID_DATE,
          "'" + value + "' is not a date (yyyy-MM-dd, yyyy/MM/dd or yyyyMMdd)");
    }
    try {
      return LocalDate.of(
              Integer.parseInt(value, 0, 4, 10),
              Integer.parseInt(value, month, month + 2, 10),
              Integer.parseInt(value, day, day + 2, 10))
          .toString();
    } catch (DateTimeException e) {
      throw new FieldFault(RejectCode.INVALID_DATE, "'" + value + "' is not a real calendar date");
    }
  }

  private static String integer(ColumnSpec col, String value) throws FieldFault {
    int sign = value.startsWith("+") || value.startsWith("-") ? 1 : 0;
    if (value.length() == sign || !digits(value, sign, value.length())) {
      throw new FieldFault(RejectCode.INVALID_INTEGER, "'" + value + "' is not a whole number");
    }
    BigDecimal n = new BigDecimal(value);
    long lo = col.min() == null ? Integer.MIN_VALUE : col.min();
    long hi = col.max() == null ? Integer.MAX_VALUE : col.max();
    if (n.compareTo(BigDecimal.valueOf(lo)) < 0 || n.compareTo(BigDecimal.valueOf(hi)) > 0) {
      String range =
          col.max() == null
              ? "at least " + lo
              : col.min() == null ? "at most " + hi : lo + "–" + hi;
      throw new FieldFault(
          RejectCode.OUT_OF_RANGE, value + " is out of range (allowed: " + range + ")");
    }
    return n.toBigInteger().toString();
  }

  private static String amount(ColumnSpec col, String value) throws FieldFault {
    int point = value.indexOf('.');
    int whole = point < 0 ? value.length() : point;
    int decimals = point < 0 ? 0 : value.length() - point - 1;
    if (whole == 0
        || !digits(value, 0, whole)
        || (point >= 0
            && (decimals < 1 || decimals > 2 || !digits(value, point + 1, value.length())))) {
      throw new FieldFault(
          RejectCode.INVALID_AMOUNT,
          "'"
              + value
              + "' is not an amount (digits with at most two decimals; no sign, exponent or"
              + " thousands separator)");
    }
    BigDecimal n = new BigDecimal(value).setScale(2);
    if (n.compareTo(AMOUNT_LIMIT) >= 0) {
      throw new FieldFault(RejectCode.OUT_OF_RANGE, value + " is too large for an amount");
    }
    if (col.positive() && n.signum() <= 0) {
      throw new FieldFault(RejectCode.OUT_OF_RANGE, value + " is not greater than zero");
    }
    return n.toPlainString();
  }

  private static String enumCode(ColumnSpec col, String value) throws FieldFault {
    for (EnumValue v : col.values()) {
      if (v.code().equalsIgnoreCase(value) || v.labels().contains(value)) {
        return v.code();
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (EnumValue v : col.values()) {
      if (allowed.length() > 0) {
        allowed.append(", ");
      }
      allowed.append(v.code());
      for (String l : v.labels()) {
        allowed.append('/').append(l);
      }
    }
    throw new FieldFault(RejectCode.INVALID_ENUM, "'" + value + "' is not one of: " + allowed);
  }

  /** Whether {@code s} is exactly {@code length} ASCII digits. */
  private static boolean allDigits(String s, int length) {
    return s.length() == length && digits(s, 0, length);
  }

  /** Whether the characters {@code from} (inclusive) to {@code to} (exclusive) are ASCII digits. */
  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Trims Unicode white space (including the full-width space U+3000 and no-break spaces). */
  public static String trim(String s) {
    if (s == null) {
      return null;
    }
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }
}
