package org.ruralstats.export;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.ruralstats.indicators.IndicatorCatalogue;
import org.ruralstats.indicators.IndicatorDefinition;
import org.ruralstats.indicators.IndicatorExport;
import org.ruralstats.report.AreaCodes;
import org.ruralstats.report.PublishedTables;

/**
 * The indicator table as an Excel workbook for report writers (Apache POI, streamed: rows go from
 * Spark to the file a few at a time, never all in memory):
 *
 * <ol>
 *   <li>{@value #WIDE}: one row per area and year (code, name, level, in hierarchy order: each area
 *       followed by the areas under it) and one column per indicator, headed by its Chinese name
 *       and unit; numbers typed as numbers with formats; frozen header and a filter;
 *   <li>{@value #LONG}: the CSV export's columns, plus the area name, indicator names and unit;
 *   <li>{@value #DEFINITIONS}: code, names, kind, unit and definition of every indicator.
 * </ol>
 */
public final class IndicatorsWorkbook implements OutputWriter {
  /** The wide sheet's name. */
  public static final String WIDE = "指标表 by area";

  /** The long sheet's name. */
  public static final String LONG = "明细 long";

  /** The definitions sheet's name. */
  public static final String DEFINITIONS = "指标定义 definitions";

  /** Columns of the wide sheet before the indicators. */
  public static final List<String> WIDE_KEYS =
      List.of("区划代码 area_code", "名称 area_name", "级别 area_level", "年份 year");

  /** Columns the long sheet adds after the CSV's. */
  public static final List<String> LONG_EXTRA =
      List.of("area_name", "indicator_name_zh", "indicator_name_en", "unit");

  @Override
  public String table() {
    return "indicators";
  }

  @Override
  public String format() {
    return "xlsx";
  }

  @Override
  public boolean filterable() {
    return true;
  }

  @Override
  public void write(PublishedTables tables, ExportFilter filter, String out) {
    tables.requireIndicators();
    IndicatorCatalogue catalogue = IndicatorCatalogue.bundled();
    Dataset<Row> rows = filter.apply(tables.indicators());
    Dataset<Row> names =
        tables.divisions().select(col("code").as("area_code"), col("name").as("area_name"));
    InPlace.write(
        tables.spark().sparkContext().hadoopConfiguration(),
        new Path(out),
        "the workbook " + out,
        (fs, tmp) -> {
          try (SXSSFWorkbook wb = new SXSSFWorkbook(200);
              OutputStream os = fs.create(tmp, true)) {
            Styles styles = new Styles(wb);
            wide(wb, styles, catalogue, rows, names);
            longSheet(wb, styles, catalogue, rows, names);
            definitions(wb, styles, catalogue);
            wb.write(os);
          }
          return tmp;
        });
  }

  private static void wide(
      SXSSFWorkbook wb,
      Styles styles,
      IndicatorCatalogue catalogue,
      Dataset<Row> rows,
      Dataset<Row> names) {
    List<IndicatorDefinition> defs = catalogue.indicators();
    SXSSFSheet sheet = wb.createSheet(WIDE);
    org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
    List<String> titles = new ArrayList<>(WIDE_KEYS);
    for (IndicatorDefinition d : defs) {
      titles.add(d.nameZh() + "（" + d.unit() + "）");
    }
    for (int i = 0; i < titles.size(); i++) {
      text(header, i, titles.get(i), styles.header);
    }
    Dataset<Row> pivot =
        rows.groupBy("area_code", "area_level", "year")
            .pivot("indicator_code", new ArrayList<Object>(catalogue.codes()))
            .agg(first("value"))
            .join(names, "area_code", "left")
            .orderBy("area_code", "year");
    int r = 1;
    for (Iterator<Row> it = pivot.toLocalIterator(); it.hasNext(); r++) {
      Row row = it.next();
      org.apache.poi.ss.usermodel.Row x = sheet.createRow(r);
      String code = row.getAs("area_code");
      String name = row.getAs("area_name");
      text(x, 0, code, null);
      text(
          x,
          1,
          name != null
              ? name
              : AreaCodes.knownName(code) != null ? AreaCodes.knownName(code) : code,
          null);
      text(x, 2, row.getAs("area_level"), null);
      x.createCell(3).setCellValue((Integer) row.getAs("year"));
      for (int i = 0; i < defs.size(); i++) {
        BigDecimal v = row.getAs(defs.get(i).code());
        number(x, 4 + i, v, styles.of(defs.get(i).kind().code()));
      }
    }
    sheet.createFreezePane(2, 1);
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, titles.size() - 1));
    sheet.setColumnWidth(0, 14 * 256);
    sheet.setColumnWidth(1, 12 * 256);
  }

  private static void longSheet(
      SXSSFWorkbook wb,
      Styles styles,
      IndicatorCatalogue catalogue,
      Dataset<Row> rows,
      Dataset<Row> names) {
    SXSSFSheet sheet = wb.createSheet(LONG);
    List<String> titles = new ArrayList<>(IndicatorExport.COLUMNS);
    titles.addAll(LONG_EXTRA);
    org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
    for (int i = 0; i < titles.size(); i++) {
      text(header, i, titles.get(i), styles.header);
    }
    Dataset<Row> sorted =
        rows.join(names, "area_code", "left")
            .orderBy("indicator_code", "area_code", "year")
            .select(longSheetColumns());
    int r = 1;
    for (Iterator<Row> it = sorted.toLocalIterator(); it.hasNext(); r++) {
      Row row = it.next();
      org.apache.poi.ss.usermodel.Row x = sheet.createRow(r);
      String code = row.getString(0);
      IndicatorDefinition d = catalogue.indicator(code).orElse(null);
      CellStyle style = styles.of(row.getString(9));
      text(x, 0, code, null);
      text(x, 1, row.getString(1), null);
      text(x, 2, row.getString(2), null);
      x.createCell(3).setCellValue(row.getInt(3));
      CellStyle numeratorStyle = "amount".equals(row.getString(9)) ? styles.amount : styles.count;
      number(x, 4, row.getDecimal(4), numeratorStyle);
      number(x, 5, row.getDecimal(5), styles.count);
      number(x, 6, row.getDecimal(6), style);
      number(x, 7, row.getDecimal(7), style);
      number(x, 8, row.getDecimal(8), "rate".equals(row.getString(9)) ? styles.amount : style);
      String name = row.getString(10);
      text(x, 9, name != null ? name : AreaCodes.knownName(row.getString(1)), null);
      text(x, 10, d == null ? null : d.nameZh(), null);
      text(x, 11, d == null ? null : d.nameEn(), null);
      text(x, 12, d == null ? null : d.unit(), null);
    }
    sheet.createFreezePane(0, 1);
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, titles.size() - 1));
  }

  private static void definitions(SXSSFWorkbook wb, Styles styles, IndicatorCatalogue catalogue) {
    SXSSFSheet sheet = wb.createSheet(DEFINITIONS);
    List<String> titles = List.of("code", "name_zh", "name_en", "kind", "unit", "definition");
    org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
    for (int i = 0; i < titles.size(); i++) {
      text(header, i, titles.get(i), styles.header);
    }
    int r = 1;
    for (IndicatorDefinition d : catalogue.indicators()) {
      org.apache.poi.ss.usermodel.Row x = sheet.createRow(r++);
      text(x, 0, d.code(), null);
      text(x, 1, d.nameZh(), null);
      text(x, 2, d.nameEn(), null);
      text(x, 3, d.kind().code(), null);
      text(x, 4, d.unit(), null);
      text(x, 5, d.description(), null);
    }
    sheet.createFreezePane(0, 1);
    sheet.setColumnWidth(0, 30 * 256);
    sheet.setColumnWidth(5, 80 * 256);
  }

  private static void text(
      org.apache.poi.ss.usermodel.Row row, int col, String value, CellStyle s) {
    Cell c = row.createCell(col);
    if (value != null) {
      c.setCellValue(value);
    }
    if (s != null) {
      c.setCellStyle(s);
    }
  }

  private static void number(
      org.apache.poi.ss.usermodel.Row row, int col, BigDecimal value, CellStyle s) {
    Cell c = row.createCell(col);
    if (value != null) {
      c.setCellValue(value.doubleValue());
      c.setCellStyle(s);
    }
  }

  /** The workbook's cell styles. */
  private static final class Styles {
    final CellStyle header;
    final CellStyle count;
    final CellStyle amount;
    final CellStyle rate;

    Styles(SXSSFWorkbook wb) {
      Font bold = wb.createFont();
      bold.setBold(true);
      header = wb.createCellStyle();
      header.setFont(bold);
      header.setWrapText(true);
      count = wb.createCellStyle();
      count.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
      amount = wb.createCellStyle();
      amount.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
      rate = wb.createCellStyle();
      rate.setDataFormat(wb.createDataFormat().getFormat("0.00\"%\""));
    }

    CellStyle of(String kind) {
      return switch (kind == null ? "" : kind) {
        case "rate" -> rate;
        case "amount" -> amount;
        default -> count;
      };
    }
  }

  /** The export's columns (as in the CSV), then the kind and the area name. */
  private static org.apache.spark.sql.Column[] longSheetColumns() {
    List<String> names = new ArrayList<>(IndicatorExport.COLUMNS);
    names.add("kind");
    names.add("area_name");
    return names.stream().map(n -> col(n)).toArray(org.apache.spark.sql.Column[]::new);
  }
}
