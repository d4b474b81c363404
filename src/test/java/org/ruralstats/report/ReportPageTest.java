package org.ruralstats.report;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.export.ExportFilter;
import org.ruralstats.export.Outputs;

/**
 * The leaders' report of the committed small landing folder, opened in headless Chromium with its
 * scripts running: what a person sees is checked against the published table.
 */
class ReportPageTest {
  private static final Pattern FIGURE =
      Pattern.compile(
          "data-indicator=\"([A-Z0-9_]+)\" data-area=\"([^\"]*)\" data-year=\"(\\d+)\""
              + " data-value=\"([^\"]*)\"");
  private static final Pattern BAR_CHART =
      Pattern.compile("<figure class=\"chart\" data-type=\"bar\"(.*?)</figure>", Pattern.DOTALL);
  private static final Pattern CHART_VALUE = Pattern.compile("data-value=\"([^\"]*)\"");
  // a horizontal bar as ECharts' SVG renderer draws it: from (x, y), length w, height h
  private static final Pattern BAR =
      Pattern.compile(
          "<path d=\"M([0-9.]+) [0-9.]+l([0-9.]+) 0l0 [0-9.]+l-[0-9.]+ 0Z\" fill=\"#b91c1c\"");
  private static final Pattern ID_SHAPED =
      Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[0-9Xx]|\\d{15})(?![0-9A-Za-z])");

  @TempDir static Path tmp;
  private static Path page;
  private static String dom;
  private static Chromium browser;

  @BeforeAll
  static void writeAndOpen() throws Exception {
    Outputs.find("report", "html")
        .write(SmallWarehouse.tables(), ExportFilter.NONE, tmp.resolve("report").toString());
    page = tmp.resolve("report/report.html");
    browser = new Chromium(tmp);
    dom = browser.dumpDom(page);
  }

  @Test
  void everyFigureOnThePageIsThePublishedValue() {
    Matcher m = FIGURE.matcher(dom);
    List<String[]> figures = new ArrayList<>();
    Set<String> areas = new HashSet<>();
    while (m.find()) {
      figures.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)});
      areas.add(m.group(2));
    }
    assertTrue(figures.size() > 150, "too few figures on the page: " + figures.size());
    Map<String, BigDecimal> table = new HashMap<>();
    for (Row r :
        SmallWarehouse.tables()
            .indicators()
            .filter(col("area_code").isin(areas.toArray()))
            .select("indicator_code", "area_code", "year", "value")
            .collectAsList()) {
      table.put(r.getString(0) + "|" + r.getString(1) + "|" + r.getInt(2), r.getDecimal(3));
    }
    for (String[] f : figures) {
      String key = f[0] + "|" + f[1] + "|" + f[2];
      assertTrue(table.containsKey(key), "the page shows a figure the table does not have: " + key);
      BigDecimal v = table.get(key);
      assertEquals(v == null ? "" : v.toPlainString(), f[3], "data-value of " + key);
    }
    // the county's insurance coverage of 2024 is a headline card
    assertTrue(
        dom.contains(
            "<div class=\"card\" data-indicator=\"INS_COVERAGE\" data-area=\"141123000000\""
                + " data-year=\"2024\""),
        "the insurance coverage card of the county for 2024 is missing");
  }

  @Test
  void everyChartIsDrawn() {
    int plots = count(dom, "class=\"plot\"");
    int drawn = count(dom, "_echarts_instance_=");
    assertTrue(plots >= 10, "expected ranked and trend charts, found " + plots);
    assertEquals(plots, drawn, "every chart container must be initialised by ECharts");
    assertTrue(count(dom, "<svg") >= plots, "every chart must have rendered an SVG");
  }

  /**
   * A ranked bar's length is proportional to its value: every bar starts at zero, so one area's bar
   * twice another's means twice its value. A bar drawn from an axis starting near the smallest
   * value (as the rate charts once were, 91 to 100 with the axis hidden) draws 96% five eighths as
   * long as 99%.
   */
  @Test
  void rankedBarsStartAtZeroAndAreAsLongAsTheirValues() {
    Matcher chart = BAR_CHART.matcher(dom);
    int charts = 0;
    while (chart.find()) {
      String figure = chart.group(1);
      List<BigDecimal> values = new ArrayList<>();
      Matcher v = CHART_VALUE.matcher(figure);
      while (v.find()) {
        values.add(v.group(1).isEmpty() ? null : new BigDecimal(v.group(1)));
      }
      List<double[]> bars = new ArrayList<>();
      Matcher b = BAR.matcher(figure);
      while (b.find()) {
        bars.add(new double[] {Double.parseDouble(b.group(1)), Double.parseDouble(b.group(2))});
      }
      List<BigDecimal> drawn = values.stream().filter(x -> x != null && x.signum() > 0).toList();
      assertEquals(drawn.size(), bars.size(), "one bar per positive value: " + values);
      if (bars.isEmpty()) {
        continue;
      }
      charts++;
      double start = bars.get(0)[0];
      double perUnit = bars.get(0)[1] / drawn.get(0).doubleValue();
      for (int i = 0; i < bars.size(); i++) {
        assertEquals(start, bars.get(i)[0], 0.01, "every bar starts at the same zero");
        assertEquals(
            drawn.get(i).doubleValue() * perUnit,
            bars.get(i)[1],
            0.02 + 0.002 * bars.get(i)[1],
            "bar " + i + " of " + values + ": its length must be proportional to its value");
      }
    }
    assertTrue(charts >= 3, "ranked bar charts checked: " + charts);
  }

  @Test
  void noIdShapedStringOnThePage() throws Exception {
    // scripts are code, and decimals (chart geometry, amounts) are never an ID number
    String text = dom.replaceAll("(?s)<script.*?</script>", "").replaceAll("\\d+\\.\\d+", "");
    Matcher m = ID_SHAPED.matcher(text);
    assertFalse(m.find(), () -> "ID-shaped string on the page: " + m.group());
    String md = Files.readString(tmp.resolve("report/brief.md"), StandardCharsets.UTF_8);
    assertFalse(ID_SHAPED.matcher(md).find(), "ID-shaped string in brief.md");
  }

  @Test
  void selfContainedNothingFetched() throws Exception {
    String html = Files.readString(page, StandardCharsets.UTF_8);
    String noScripts = html.replaceAll("(?s)<script>.*?</script>", "");
    assertFalse(noScripts.contains("src=\"http"), "a resource is fetched from the network");
    assertFalse(noScripts.contains("href=\"http"), "a resource is fetched from the network");
    assertFalse(html.contains("<script src="), "every script must be inlined");
    assertTrue(html.contains("echarts"), "ECharts must be inlined");
  }

  @Test
  void screenshotAndPrintedA4Pages() throws Exception {
    Path png = tmp.resolve("report.png");
    browser.screenshot(page, png, 1280, 2400);
    byte[] image = Files.readAllBytes(png);
    assertTrue(image.length > 20_000, "the screenshot is nearly empty: " + image.length + " bytes");
    assertEquals((byte) 0x89, image[0]);
    Path pdf = tmp.resolve("report.pdf");
    browser.printToPdf(page, pdf);
    byte[] printed = Files.readAllBytes(pdf);
    assertTrue(new String(printed, 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF"));
    if (Files.isExecutable(Path.of("/usr/bin/pdfinfo"))) {
      Process p = new ProcessBuilder("/usr/bin/pdfinfo", pdf.toString()).start();
      String info = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      assertTrue(info.contains("(A4)"), "the report must print on A4 pages:\n" + info);
      Matcher pages = Pattern.compile("Pages:\\s+(\\d+)").matcher(info);
      assertTrue(pages.find());
      assertTrue(Integer.parseInt(pages.group(1)) >= 3, info);
    }
  }

  @Test
  void theBriefIsOnThePageAndInBriefMd() throws Exception {
    String md = Files.readString(tmp.resolve("report/brief.md"), StandardCharsets.UTF_8);
    assertNotNull(md);
    assertTrue(md.startsWith("# 兴县 2024年"), md);
    assertTrue(md.contains("参保率"), md);
    assertTrue(dom.contains("data-sentence=\"insurance\""), "the brief section is on the page");
  }

  @Test
  void theRunsEndOnTheReadersClock() {
    // a run of the small hours, Beijing time, is dated that morning, not the evening before
    assertEquals(
        "2026-12-06 02:30:00 北京时间",
        PublishedTables.readersTime(java.time.Instant.parse("2026-12-05T18:30:00Z")));
    String finished = SmallWarehouse.tables().runFinished();
    assertTrue(finished.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d 北京时间"), finished);
    assertEquals(2, count(dom, finished), "in the header and in the data-quality section");
    assertFalse(dom.contains(finished + " UTC"), "one clock, named once");
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
