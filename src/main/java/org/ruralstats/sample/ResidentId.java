package org.ruralstats.sample;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * 18-character resident ID numbers (居民身份证号码, GB 11643-1999): 6-digit area code, 8-digit birth date,
 * 3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check character.
 */
public final class ResidentId {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private ResidentId() {}

  /** The check character for the first 17 digits of an ID. */
  public static char checkChar(CharSequence first17) {
    if (first17.length() < 17) {
      throw new IllegalArgumentException("need 17 digits: " + first17);
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = first17.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a digit at " + i + ": " + first17);
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  /** The first 17 characters of an ID: area, birth date {@code yyyyMMdd}, sequence. */
  static String body(String area6, LocalDate birth, int sequence) {
    StringBuilder sb = new StringBuilder(18);
    sb.append(area6);
    sb.append(birth.getYear());
    if (birth.getMonthValue() < 10) {
      sb.append('0');
    }
    sb.append(birth.getMonthValue());
    if (birth.getDayOfMonth() < 10) {
      sb.append('0');
    }
    sb.append(birth.getDayOfMonth());
    if (sequence < 100) {
      sb.append('0');
    }
    if (sequence < 10) {
      sb.append('0');
    }
    sb.append(sequence);
    return sb.toString();
  }

  /** A complete ID with its check character. */
  static String of(String area6, LocalDate birth, int sequence) {
    String body = body(area6, birth, sequence);
    return body + checkChar(body);
  }

  /**
   * Whether {@code id} is a valid 18-character ID: 17 digits, a real birth date and a matching
   * check character ({@code x} is accepted as {@code X}).
   */
  public static boolean isValid(String id) {
    if (id == null || id.length() != 18) {
      return false;
    }
    for (int i = 0; i < 17; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    char last = Character.toUpperCase(id.charAt(17));
    if (last != 'X' && (last < '0' || last > '9')) {
      return false;
    }
    try {
      LocalDate.of(
          Integer.parseInt(id.substring(6, 10)),
          Integer.parseInt(id.substring(10, 12)),
          Integer.parseInt(id.substring(12, 14)));
    } catch (DateTimeException e) {
      return false;
    }
    return checkChar(id) == last;
  }
}
