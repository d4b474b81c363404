package org.ruralstats.report;

import java.math.BigDecimal;
import org.apache.spark.sql.Row;

/**
 * One row of the published indicator table, as the report shows it.
 *
 * @param indicator indicator code
 * @param area area code
 * @param level area level
 * @param year year
 * @param numerator numerator (sum for an amount)
 * @param denominator denominator of a rate, else null
 * @param value the published value (null for a rate over zero)
 * @param prevValue last year's value, or null
 * @param yoyChange the change on last year, or null
 * @param kind count, amount or rate
 * @param unit the unit
 */
public record Figure(
    String indicator,
    String area,
    String level,
    int year,
    BigDecimal numerator,
    BigDecimal denominator,
    BigDecimal value,
    BigDecimal prevValue,
    BigDecimal yoyChange,
    String kind,
    String unit) {

  /**
   * The columns a figure is read from, in {@link #of(Row)} order: those of the published indicator
   * table.
   */
  public static final String[] COLUMNS =
      org.ruralstats.indicators.IndicatorTable.COLUMNS.toArray(String[]::new);

  /** A figure from a row selected with {@link #COLUMNS}. */
  public static Figure of(Row r) {
    return new Figure(
        r.getString(0),
        r.getString(1),
        r.getString(2),
        r.getInt(3),
        r.getDecimal(4),
        r.getDecimal(5),
        r.getDecimal(6),
        r.getDecimal(7),
        r.getDecimal(8),
        r.getString(9),
        r.getString(10));
  }

  /** The published value as the page's {@code data-value} holds it: plain digits, or empty. */
  public String dataValue() {
    return value == null ? "" : value.toPlainString();
  }

  /** The value with its unit, as a card or cell shows it. */
  public String shown() {
    return ReportFormat.value(value, kind, unit);
  }

  /** The {@code data-*} attributes naming this figure, with a leading space. */
  public String attributes() {
    return " data-indicator=\""
        + ReportFormat.html(indicator)
        + "\" data-area=\""
        + ReportFormat.html(area)
        + "\" data-year=\""
        + year
        + "\" data-value=\""
        + dataValue()
        + "\"";
  }
}
