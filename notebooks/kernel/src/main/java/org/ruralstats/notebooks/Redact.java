package org.ruralstats.notebooks;

import java.util.regex.Pattern;

/**
 * Hides anything shaped like a resident ID number (18 characters: 17 digits and a digit or X; or
 * the old 15 digits) in text a notebook shows, the same rule as the pipeline's reject reasons. The
 * notebooks never select ID columns; this is the second lock on the door.
 */
public final class Redact {
  /** What replaces a hidden ID number. */
  public static final String HIDDEN = "<ID number hidden>";

  private static final Pattern ID =
      Pattern.compile("(?<![0-9A-Za-z])(?:\\d{17}[\\dXx]|\\d{15})(?![0-9A-Za-z])");

  private Redact() {}

  /** {@code text} with every ID-shaped value replaced by {@link #HIDDEN}. */
  public static String ids(String text) {
    return text == null ? null : ID.matcher(text).replaceAll(HIDDEN);
  }

  /** Whether {@code text} holds an ID-shaped value. */
  public static boolean hasId(String text) {
    return text != null && ID.matcher(text).find();
  }
}
