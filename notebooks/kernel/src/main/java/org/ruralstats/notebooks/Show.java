package org.ruralstats.notebooks;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.ruralstats.report.PublishedTables;

/**
 * What a notebook cell shows: a dataset as an HTML table (its first rows only, so nothing that
 * grows with the data reaches the driver), a horizontal SVG bar chart, or a line of text. Every
 * cell value passes {@link Redact#ids} first; a timestamp is shown to the second in Beijing time
 * and says so, as in the leaders' report, whatever the zone of the machine the notebook runs on.
 */
public final class Show {
  /** Rows shown by {@link #table(Dataset)}. */
  public static final int DEFAULT_ROWS = 20;

  private static final int CHART_WIDTH = 720;
  private static final int LABEL_WIDTH = 230;
  private static final int VALUE_WIDTH = 80;
  private static final int BAR_HEIGHT = 18;
  private static final int BAR_GAP = 5;
  private static final int TITLE_HEIGHT = 28;

  private Show() {}

  /** The first {@value #DEFAULT_ROWS} rows of {@code ds} as a table. */
  public static DisplayData table(Dataset<Row> ds) {
    return table(ds, DEFAULT_ROWS);
  }

  /** The first {@code maxRows} rows of {@code ds} as a table (HTML, and text for a terminal). */
  public static DisplayData table(Dataset<Row> ds, int maxRows) {
    String[] columns = ds.columns();
    List<Row> rows = ds.limit(maxRows + 1).collectAsList();
    boolean more = rows.size() > maxRows;
    if (more) {
      rows = rows.subList(0, maxRows);
    }
    StringBuilder html = new StringBuilder("<table class=\"rs-table\">\n<thead><tr>");
    StringBuilder text = new StringBuilder(String.join("\t", columns)).append('\n');
    for (String c : columns) {
      html.append("<th>").append(escape(c)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (Row row : rows) {
      html.append("<tr>");
      for (int i = 0; i < columns.length; i++) {
        String cell = cell(row.get(i));
        html.append(row.get(i) instanceof Number ? "<td style=\"text-align:right\">" : "<td>")
            .append(escape(cell))
            .append("</td>");
        text.append(i == 0 ? "" : "\t").append(cell);
      }
      html.append("</tr>\n");
      text.append('\n');
    }
    html.append("</tbody>\n</table>\n");
    String note =
        more
            ? "first " + maxRows + " rows shown"
            : rows.size() + (rows.size() == 1 ? " row" : " rows");
    html.append("<p><small>").append(note).append("</small></p>\n");
    text.append('(').append(note).append(')');
    DisplayData out = new DisplayData(text.toString());
    out.putHTML(html.toString());
    return out;
  }

  /**
   * A horizontal bar chart (inline SVG) of the first {@code maxBars} rows of {@code ds}: one bar
   * per row, labelled by column {@code label}, as long as the number in column {@code value}.
   * Negative values go left of the zero line.
   */
  public static DisplayData bars(
      Dataset<Row> ds, String label, String value, String title, int maxBars) {
    List<Row> rows = ds.select(label, value).limit(maxBars).collectAsList();
    double min = 0;
    double max = 0;
    for (Row r : rows) {
      double v = number(r.get(1));
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double span = max - min == 0 ? 1 : max - min;
    int plot = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    double zero = LABEL_WIDTH + plot * (-min / span);
    int height = TITLE_HEIGHT + rows.size() * (BAR_HEIGHT + BAR_GAP) + BAR_GAP;
    StringBuilder svg = new StringBuilder();
    svg.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                    + " font-family=\"sans-serif\" font-size=\"12\">\n",
                CHART_WIDTH,
                height))
        .append("<text x=\"4\" y=\"18\" font-size=\"14\" font-weight=\"bold\">")
        .append(escape(Redact.ids(title)))
        .append("</text>\n");
    int y = TITLE_HEIGHT;
    StringBuilder text = new StringBuilder(title).append('\n');
    for (Row r : rows) {
      String name = Redact.ids(cell(r.get(0)));
      double v = number(r.get(1));
      double w = plot * Math.abs(v) / span;
      double x = v < 0 ? zero - w : zero;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
                  + "<rect class=\"bar\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\""
                  + " fill=\"%s\"/>"
                  + "<text x=\"%.1f\" y=\"%d\">%s</text>\n",
              LABEL_WIDTH - 6,
              y + BAR_HEIGHT - 5,
              escape(name),
              x,
              y,
              w,
              BAR_HEIGHT,
              v < 0 ? "#c0504d" : "#4f81bd",
              (v < 0 ? zero : x + w) + 4,
              y + BAR_HEIGHT - 5,
              escape(cell(r.get(1)))));
      text.append(name).append('\t').append(cell(r.get(1))).append('\n');
      y += BAR_HEIGHT + BAR_GAP;
    }
    svg.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>\n",
                zero,
                TITLE_HEIGHT - 2,
                zero,
                height - 2))
        .append("</svg>\n");
    DisplayData out = new DisplayData(text.toString());
    out.putSVG(svg.toString());
    return out;
  }

  /** A line of text (ID-shaped values hidden). */
  public static DisplayData text(String text) {
    return new DisplayData(Redact.ids(text));
  }

  /** Shows {@code data} now, in the running cell, so one cell can show several results. */
  public static void display(DisplayData data) {
    BaseKernel.notebookKernel().display(data);
  }

  private static double number(Object v) {
    return v instanceof Number n ? n.doubleValue() : 0;
  }

  private static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    // an instant on the readers' clock, named, as in the report, whatever the machine's zone
    if (v instanceof Timestamp t) {
      return PublishedTables.readersTime(t.toInstant());
    }
    if (v instanceof Instant i) {
      return PublishedTables.readersTime(i);
    }
    return Redact.ids(String.valueOf(v));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
