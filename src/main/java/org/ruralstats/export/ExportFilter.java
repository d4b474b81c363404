package org.ruralstats.export;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.ruralstats.report.AreaCodes;

/**
 * The rows of the indicator table an export keeps: one year, one area level, one area and every
 * area under it (by its statistical code). A null field keeps every row.
 *
 * @param year the year, or null
 * @param level the area level (county, township, …), or null
 * @param area a 12-digit area code, or null
 */
public record ExportFilter(Integer year, String level, String area) {
  /** No filter: every row. */
  public static final ExportFilter NONE = new ExportFilter(null, null, null);

  /** Whether no filter is set. */
  public boolean isEmpty() {
    return year == null && level == null && area == null;
  }

  /**
   * Checks the filter's values.
   *
   * @throws IllegalArgumentException saying what is accepted
   */
  public ExportFilter validated() {
    if (level != null && AreaCodes.rank(level) < 0) {
      throw new IllegalArgumentException(
          "--level " + level + " is not an area level; use one of " + AreaCodes.LEVELS);
    }
    if (area != null && !area.matches("\\d{12}")) {
      throw new IllegalArgumentException(
          "--area " + area + " is not a 12-digit statistical area code (e.g. 141123000000)");
    }
    return this;
  }

  /** The rows of an indicator-shaped table the filter keeps (all rows when empty). */
  public Dataset<Row> apply(Dataset<Row> indicators) {
    Dataset<Row> rows = indicators;
    if (year != null) {
      rows = rows.filter(col("year").equalTo(year));
    }
    if (level != null) {
      rows = rows.filter(col("area_level").equalTo(level));
    }
    if (area != null) {
      rows = rows.filter(col("area_code").startsWith(AreaCodes.prefix(area)));
    }
    return rows;
  }
}
