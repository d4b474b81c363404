package org.ruralstats.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Checks an 18-character resident ID number (GB 11643-1999): 17 digits, a real birth date in digits
 * 7–14, and the ISO 7064 MOD 11-2 check character.
 */
public final class ResidentId {
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private ResidentId() {}

  /** The check character for the first 17 digits of an ID. */
  public static char checkCharacter(CharSequence first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  /**
   * Returns the ID upper-cased if it is valid.
   *
   * @throws FieldFault saying what is wrong, without repeating the ID (it is personal data)
   */
  public static String normalize(String raw) throws FieldFault {
    String id = raw.toUpperCase(java.util.Locale.ROOT);
    if (id.length() != 18) {
      throw new FieldFault(
          RejectCode.INVALID_ID, "an ID number has 18 characters, this one has " + id.length());
    }
    for (int i = 0; i < 17; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        throw new FieldFault(
            RejectCode.INVALID_ID, "character " + (i + 1) + " of the ID number is not a digit");
      }
    }
    char last = id.charAt(17);
    if ((last < '0' || last > '9') && last != 'X') {
      throw new FieldFault(
          RejectCode.INVALID_ID, "the last character of the ID number must be a digit or X");
    }
    try {
      LocalDate.of(
          Integer.parseInt(id.substring(6, 10)),
          Integer.parseInt(id.substring(10, 12)),
          Integer.parseInt(id.substring(12, 14)));
    } catch (DateTimeException e) {
      throw new FieldFault(
          RejectCode.INVALID_ID,
          "the birth date in the ID number (digits 7-14) is not a real date");
    }
    if (checkCharacter(id) != last) {
      throw new FieldFault(
          RejectCode.INVALID_ID,
          "the check character of the ID number does not match its first 17 digits (mistyped?)");
    }
    return id;
  }
}
