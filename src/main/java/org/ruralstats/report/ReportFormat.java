package org.ruralstats.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as Chinese reports write them: rates {@code 96.80%}, counts {@code 210,236 人}, amounts
 * {@code 313.00 万元} (yuan amounts of 10,000 or more in 万元: {@code 74.00 万元}), changes on last year
 * in percentage points for rates ({@code 0.35 个百分点}).
 */
public final class ReportFormat {
  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

  private ReportFormat() {}

  /** A value with its unit for a card or table cell; "—" for null. */
  public static String value(BigDecimal v, String kind, String unit) {
    if (v == null) {
      return "—";
    }
    if ("rate".equals(kind)) {
      return grouped(v, 2) + "%";
    }
    if ("amount".equals(kind)) {
      if ("元".equals(unit) && v.abs().compareTo(TEN_THOUSAND) >= 0) {
        return grouped(v.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP), 2) + " 万元";
      }
      return grouped(v, 2) + " " + unit;
    }
    return grouped(v, 0) + " " + unit;
  }

  /** A value without unit, for a table cell (rates keep their %). */
  public static String bare(BigDecimal v, String kind, String unit) {
    String s = value(v, kind, unit);
    return "rate".equals(kind) || v == null ? s : s.replace(" " + unit, "");
  }

  /** The change on last year with an arrow and unit, e.g. {@code ▲ 0.35 个百分点}. */
  public static String change(BigDecimal d, String kind, String unit) {
    if (d == null) {
      return "无上年数据 no previous year";
    }
    String arrow = d.signum() > 0 ? "▲ " : d.signum() < 0 ? "▼ " : "● ";
    BigDecimal abs = d.abs();
    String amount = "rate".equals(kind) ? grouped(abs, 2) + " 个百分点" : value(abs, kind, unit);
    return arrow + amount + (d.signum() == 0 ? " 持平" : "") + " 比上年";
  }

  /** A number with thousands separators and {@code scale} decimals, rounded half-up. */
  public static String grouped(BigDecimal v, int scale) {
    DecimalFormat f =
        new DecimalFormat(
            scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale),
            DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(v);
  }

  /**
   * A number as the county's own report writes it in running text: no separators, no trailing zeros
   * ({@code 96.8}, {@code 100}, {@code 313}).
   */
  public static String plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  /** Escapes text for HTML content and attribute values. */
  public static String html(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
