package org.ruralstats.report;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.ruralstats.export.ExportFilter;
import org.ruralstats.export.InPlace;
import org.ruralstats.export.OutputWriter;
import org.ruralstats.indicators.IndicatorCatalogue;

/**
 * The leaders' report: {@code DIR/report.html} (self-contained page) and {@code DIR/brief.md} (the
 * written brief) for one area and year (the filter's {@code area} and {@code year}; default the top
 * area and the latest year).
 */
public final class ReportWriter implements OutputWriter {
  /** The page's file name in the output folder. */
  public static final String PAGE = "report.html";

  /** The brief's file name in the output folder. */
  public static final String BRIEF = "brief.md";

  @Override
  public String table() {
    return "report";
  }

  @Override
  public String format() {
    return "html";
  }

  @Override
  public boolean filterable() {
    return true;
  }

  @Override
  public void write(PublishedTables tables, ExportFilter filter, String out) {
    if (filter.level() != null) {
      throw new IllegalArgumentException(
          "a report is for one area: pass --area CODE instead of --level " + filter.level());
    }
    ReportData data =
        ReportData.load(tables, IndicatorCatalogue.bundled(), filter.area(), filter.year());
    List<Brief.Sentence> sentences = Brief.write(data, Brief.bundled());
    write(tables, new Path(out, PAGE), ReportPage.render(data, sentences));
    write(tables, new Path(out, BRIEF), Brief.markdown(data, sentences));
  }

  /** Writes a text file in place only when complete (temporary name, then rename). */
  private static void write(PublishedTables tables, Path target, String text) {
    InPlace.write(
        tables.spark().sparkContext().hadoopConfiguration(),
        target,
        target.toString(),
        (fs, tmp) -> {
          try (OutputStream os = fs.create(tmp, true)) {
            os.write(text.getBytes(StandardCharsets.UTF_8));
          }
          return tmp;
        });
  }
}
