package org.ruralstats.support;

import org.ruralstats.ingest.ResidentId;

/** Builds valid resident ID numbers for fixtures. */
public final class TestIds {
  private TestIds() {}

  /** A valid ID for area 141123, the given birth date (yyyyMMdd) and sequence (3 digits). */
  public static String id(String birth, int sequence) {
    String first17 = "141123" + birth + String.format("%03d", sequence);
    return first17 + ResidentId.checkCharacter(first17);
  }

  /** The same ID with a wrong check character. */
  public static String withWrongCheck(String id) {
    char c = id.charAt(17) == '1' ? '2' : '1';
    return id.substring(0, 17) + c;
  }
}
