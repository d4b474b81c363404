package org.ruralstats.export;

import org.ruralstats.report.PublishedTables;

/**
 * One output of the warehouse: a table written in one format (the indicator table as CSV or as an
 * Excel workbook, the rejects as CSV, the leaders' report as HTML, …). Writers are registered in
 * {@link Outputs}; a new output is one new class added there.
 */
public interface OutputWriter {
  /** The table it writes, as named on the command line ({@code --table}). */
  String table();

  /** The format it writes ({@code --format}). */
  String format();

  /** Whether it honours the {@code --year/--level/--area} filters. */
  default boolean filterable() {
    return false;
  }

  /**
   * Writes the output.
   *
   * @param tables the published tables to read
   * @param filter the rows to keep (empty: all)
   * @param out the target file (a folder for a report), a Hadoop path
   */
  void write(PublishedTables tables, ExportFilter filter, String out);
}
