package org.ruralstats.jobs;

import static org.apache.spark.sql.functions.col;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.ruralstats.config.PipelineConfig;
import org.ruralstats.indicators.AreaNames;
import org.ruralstats.indicators.IndicatorCatalogue;
import org.ruralstats.indicators.IndicatorDefinition;
import org.ruralstats.indicators.TopAreas;
import org.ruralstats.ingest.CleanRows;
import org.ruralstats.ingest.contract.SourceContract;
import org.ruralstats.warehouse.Warehouse;

/**
 * The short human summary that ends a nightly run: the headline figures of the warehouse's top area
 * for the latest year with their year-over-year change, files, rows and rejects per county, and
 * where the tables and exports are.
 */
public final class NightlySummary {
  /** Headline indicators and how to show them: the catalogue's {@code headline} marks. */
  private static final Map<String, String> HEADLINES = new LinkedHashMap<>();

  static {
    for (IndicatorDefinition h : IndicatorCatalogue.bundled().headlines()) {
      HEADLINES.put(h.code(), h.nameZh() + " " + h.nameEn());
    }
  }

  private final Warehouse warehouse;
  private final PrintStream out;

  /** A summary of the tables in {@code warehouse}, printed to {@code out}. */
  public NightlySummary(Warehouse warehouse, PrintStream out) {
    this.warehouse = warehouse;
    this.out = out;
  }

  /**
   * What the summary showed of the published tables, kept for a later run that finds nothing new
   * ({@link NothingNew}).
   *
   * @param figures the headline lines (after "=== Summary ===")
   * @param rejectRows rows standing in the rejects table
   * @param rejectFiles files standing rejected whole in it
   */
  public record Shown(List<String> figures, long rejectRows, long rejectFiles) {}

  /** Prints the summary and returns what it showed of the tables. */
  public Shown print(IngestReport report, PipelineConfig config, double seconds) {
    Dataset<Row> indicators = warehouse.read(Warehouse.INDICATORS);
    List<String> top = TopAreas.of(indicators);
    // The top areas' rows of a few headline indicators: a handful of rows, whatever the size.
    List<Row> rows =
        indicators
            .filter(
                col("area_code")
                    .isin(top.toArray())
                    .and(col("indicator_code").isin(HEADLINES.keySet().toArray())))
            .select("area_code", "indicator_code", "year", "value", "yoy_change", "kind")
            .collectAsList();
    AreaNames names =
        AreaNames.of(
            warehouse.readOrEmpty(
                Warehouse.clean(SourceContract.DIVISIONS),
                CleanRows.schema(SourceContract.standard().source(SourceContract.DIVISIONS))),
            top);
    List<String> figures = new ArrayList<>();
    Integer latest = rows.stream().map(r -> r.getInt(2)).max(Integer::compare).orElse(null);
    if (latest == null) {
      figures.add("No indicator could be computed yet (no valid rows).");
    } else {
      for (String area : top) {
        figures.add(
            names.label(area)
                + " headline figures, "
                + latest
                + " (change on "
                + (latest - 1)
                + "):");
        for (Map.Entry<String, String> h : HEADLINES.entrySet()) {
          rows.stream()
              .filter(
                  r ->
                      r.getString(0).equals(area)
                          && r.getString(1).equals(h.getKey())
                          && r.getInt(2) == latest)
              .findFirst()
              .ifPresent(r -> figures.add("  " + line(h.getValue(), r)));
        }
      }
    }
    out.println();
    out.println("=== Summary ===");
    figures.forEach(out::println);
    printCounties(report);
    // the same rows as rejects.csv: the rejects of every delivered file version, also of files
    // since removed from the landing folder (docs/decisions.md)
    Row rejects =
        warehouse
            .read(Warehouse.REJECTS)
            .agg(
                functions.count(col("line")).as("rows"),
                functions.count_if(col("line").isNull()).as("files"))
            .first();
    long rejectRows = rejects.getLong(0);
    long rejectFiles = rejects.getLong(1);
    out.println(rejectLine(report.rowsRejected(), rejectRows, rejectFiles));
    for (IngestReport.FileResult f : report.standingRejectedFiles()) {
      out.println(rejectedFileLine(f));
    }
    printWhere(out, warehouse.root(), config, seconds);
    return new Shown(figures, rejectRows, rejectFiles);
  }

  /** The line of rejected rows: of this run, and standing in the rejects table. */
  static String rejectLine(long thisRun, long rejectRows, long rejectFiles) {
    return String.format(
        "Rejected rows: %d in this run, %d standing in the rejects table%s.",
        thisRun,
        rejectRows,
        rejectFiles == 0
            ? ""
            : " (and " + rejectFiles + " file(s) rejected whole, as in rejects.csv)");
  }

  /** The line of a file that stands rejected as a whole. */
  static String rejectedFileLine(IngestReport.FileResult f) {
    return "REJECTED FILE " + f.landingPath() + ": " + f.reason();
  }

  /** Where the tables and exports are, and the run's time: the summary's last lines. */
  static void printWhere(PrintStream out, String root, PipelineConfig config, double seconds) {
    out.println("Tables (Delta): " + root + "/{clean,quality,published}/...");
    if (config.exportDir() != null) {
      out.println("Exports: " + config.exportDir() + "/indicators.csv, rejects.csv");
    }
    out.printf("Done in %.1f s.%n", seconds);
  }

  /** Files, rows and rejects of this run per county folder (several counties only). */
  private void printCounties(IngestReport report) {
    Map<String, long[]> perCounty = new TreeMap<>();
    for (IngestReport.FileResult f : report.files()) {
      long[] c = perCounty.computeIfAbsent(f.county(), k -> new long[5]);
      c[0]++;
      c[1] += "unchanged".equals(f.status()) ? 0 : 1;
      c[2] += f.rowsRead();
      c[3] += f.rowsRejected();
      c[4] += f.standsRejected() ? 1 : 0;
    }
    if (perCounty.isEmpty() || perCounty.keySet().equals(java.util.Set.of(""))) {
      return;
    }
    List<String> lines = new ArrayList<>();
    perCounty.forEach(
        (county, c) ->
            lines.add(
                String.format(
                    "  %-13s %4d file(s), %4d new or changed, %9d rows read, %6d rejected%s",
                    county,
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    c[4] > 0 ? ", " + c[4] + " FILE(S) STAND REJECTED" : "")));
    out.println("Per county (this run):");
    lines.forEach(out::println);
  }

  private static String line(String label, Row r) {
    boolean rate = "rate".equals(r.getString(5));
    String unit = rate ? "%" : "";
    String value = r.isNullAt(3) ? "n/a" : fmt(r.get(3), rate) + unit;
    String change;
    if (r.isNullAt(4)) {
      change = "no previous year";
    } else {
      BigDecimal d = (BigDecimal) r.get(4);
      change = (d.signum() >= 0 ? "+" : "") + fmt(d, rate) + (rate ? " pt" : "");
    }
    return String.format("%12s  %-18s %s", value, "(" + change + ")", label);
  }

  private static String fmt(Object v, boolean twoDecimals) {
    BigDecimal d = (BigDecimal) v;
    return twoDecimals ? d.setScale(2).toPlainString() : d.setScale(0).toPlainString();
  }
}
