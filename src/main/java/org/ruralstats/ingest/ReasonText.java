package org.ruralstats.ingest;

/**
 * Keeps reject reasons short: every value quoted in a reason ({@code '...'}) longer than {@link
 * #MAX_QUOTED} characters is cut to that prefix with its length stated, and a reason is never
 * longer than {@link #MAX_REASON} characters, so a file of one 20 MB line cannot put 20 MB into the
 * console, the rejects table and its export.
 */
public final class ReasonText {
  /** The longest quoted value kept whole. */
  public static final int MAX_QUOTED = 80;

  /** The longest reason. */
  public static final int MAX_REASON = 1000;

  private ReasonText() {}

  /** The reason with long quoted values cut. */
  public static String cut(String reason) {
    if (reason == null || reason.length() <= MAX_QUOTED) {
      return reason;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < reason.length()) {
      int open = reason.indexOf('\'', i);
      int close = open < 0 ? -1 : reason.indexOf('\'', open + 1);
      if (close < 0) {
        out.append(reason, i, reason.length());
        break;
      }
      out.append(reason, i, open + 1);
      String value = reason.substring(open + 1, close);
      int chars = value.codePointCount(0, value.length());
      if (chars <= MAX_QUOTED) {
        out.append(value).append('\'');
      } else {
        out.append(value, 0, value.offsetByCodePoints(0, MAX_QUOTED))
            .append("…' (")
            .append(chars)
            .append(" characters, the first ")
            .append(MAX_QUOTED)
            .append(" shown)");
      }
      i = close + 1;
    }
    if (out.length() > MAX_REASON) {
      int n = out.length();
      out.setLength(MAX_REASON);
      out.append("… (reason cut, ").append(n).append(" characters)");
    }
    return out.toString();
  }
}
