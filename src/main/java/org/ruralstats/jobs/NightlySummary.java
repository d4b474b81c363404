package org.ruralstats.jobs;

import static org.apache.spark.sql.functions.col;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.ruralstats.config.PipelineConfig;
import org.ruralstats.warehouse.Warehouse;

/**
 * The short human summary that ends a nightly run: the county's headline figures for the latest
 * year with their year-over-year change, the rejects, and where the tables and exports are.
 */
public final class NightlySummary {
  /** Headline indicators and how to show them. */
  private static final Map<String, String> HEADLINES = new LinkedHashMap<>();

  static {
    HEADLINES.put("INS_COVERAGE", "参保率 insurance coverage");
    HEADLINES.put("INS_ALLEVIATED_COVERAGE", "脱贫人口参保率 alleviated coverage");
    HEADLINES.put("INS_MONITORED_COVERAGE", "监测对象参保率 monitored coverage");
    HEADLINES.put("MON_HOUSEHOLDS", "监测对象户数 monitored households");
    HEADLINES.put("MON_PERSONS", "监测对象人数 monitored persons");
    HEADLINES.put("HOUSING_PLAN_COMPLETION", "危改任务完成率 renovation completion");
    HEADLINES.put("WATER_QUALITY_BENEFICIARIES", "水质提升受益人口 water quality beneficiaries");
    HEADLINES.put("WATER_SAFE_RATE", "饮水安全达标率 safe drinking water");
    HEADLINES.put("EDU_COMPULSORY_DROPOUTS", "义务教育辍学 compulsory dropouts");
    HEADLINES.put("EDU_PRESCHOOL_AID_TIMES", "学前资助人次 preschool aid payments");
  }

  private final Warehouse warehouse;
  private final PrintStream out;

  /** A summary of the tables in {@code warehouse}, printed to {@code out}. */
  public NightlySummary(Warehouse warehouse, PrintStream out) {
    this.warehouse = warehouse;
    this.out = out;
  }

  /** Prints the summary. */
  public void print(IngestReport report, PipelineConfig config, double seconds) {
    // County rows of a few headline indicators: a handful of rows, whatever the county's size.
    List<Row> county =
        warehouse
            .read(Warehouse.INDICATORS)
            .filter(
                col("area_level")
                    .equalTo("county")
                    .and(col("indicator_code").isin(HEADLINES.keySet().toArray())))
            .select("indicator_code", "year", "value", "prev_value", "yoy_change", "kind")
            .collectAsList();
    Integer latest = county.stream().map(r -> r.getInt(1)).max(Integer::compare).orElse(null);
    out.println();
    out.println("=== Summary ===");
    if (latest == null) {
      out.println("No indicator could be computed yet (no valid rows).");
    } else {
      out.println("County headline figures, " + latest + " (change on " + (latest - 1) + "):");
      for (Map.Entry<String, String> h : HEADLINES.entrySet()) {
        county.stream()
            .filter(r -> r.getString(0).equals(h.getKey()) && r.getInt(1) == latest)
            .findFirst()
            .ifPresent(r -> out.println("  " + line(h.getValue(), r)));
      }
    }
    // the same rows as rejects.csv: the rejects of every delivered file version, also of files
    // since removed from the landing folder (docs/decisions.md)
    long rejectRows = warehouse.read(Warehouse.REJECTS).filter(col("line").isNotNull()).count();
    long rejectFiles = warehouse.read(Warehouse.REJECTS).filter(col("line").isNull()).count();
    out.printf(
        "Rejected rows: %d in this run, %d standing in the rejects table%s.%n",
        report.rowsRejected(),
        rejectRows,
        rejectFiles == 0
            ? ""
            : " (and " + rejectFiles + " file(s) rejected whole, as in rejects.csv)");
    for (IngestReport.FileResult f : report.standingRejectedFiles()) {
      out.println("REJECTED FILE " + f.source() + "/" + f.file() + ": " + f.reason());
    }
    out.println("Tables (Delta): " + warehouse.root() + "/{clean,quality,published}/...");
    if (config.exportDir() != null) {
      out.println("Exports: " + config.exportDir() + "/indicators.csv, rejects.csv");
    }
    out.printf("Done in %.1f s.%n", seconds);
  }

  private static String line(String label, Row r) {
    boolean rate = "rate".equals(r.getString(5));
    String unit = rate ? "%" : "";
    String value = r.isNullAt(2) ? "n/a" : fmt(r.get(2), rate) + unit;
    String change;
    if (r.isNullAt(4)) {
      change = "no previous year";
    } else {
      java.math.BigDecimal d = (java.math.BigDecimal) r.get(4);
      change = (d.signum() >= 0 ? "+" : "") + fmt(d, rate) + (rate ? " pt" : "");
    }
    return String.format("%12s  %-18s %s", value, "(" + change + ")", label);
  }

  private static String fmt(Object v, boolean twoDecimals) {
    java.math.BigDecimal d = (java.math.BigDecimal) v;
    return twoDecimals ? d.setScale(2).toPlainString() : d.setScale(0).toPlainString();
  }
}
