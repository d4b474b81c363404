package org.ruralstats.export;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.ruralstats.indicators.IndicatorExport;
import org.ruralstats.report.PublishedTables;

/**
 * The indicator export: the published indicator table as CSV with exactly the columns {@code
 * indicator_code,area_code,area_level,year,numerator,denominator,value,prev_value,yoy_change},
 * plain numbers, empty fields for nulls, sorted by indicator code, area code and year.
 */
public final class IndicatorsExport {
  private IndicatorsExport() {}

  /** Writes the export of the indicator table to {@code out}. */
  public static void write(Dataset<Row> indicators, String out) {
    CsvExport.write(
        IndicatorExport.format(indicators),
        IndicatorExport.SORT_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new),
        IndicatorExport.COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new),
        out);
  }

  /** The indicator table as CSV, filtered by year, level and area when asked. */
  public static final class Csv implements OutputWriter {
    @Override
    public String table() {
      return "indicators";
    }

    @Override
    public String format() {
      return "csv";
    }

    @Override
    public boolean filterable() {
      return true;
    }

    @Override
    public void write(PublishedTables tables, ExportFilter filter, String out) {
      tables.requireIndicators();
      IndicatorsExport.write(filter.apply(tables.indicators()), out);
    }
  }
}
