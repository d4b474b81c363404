package org.ruralstats.report;

import static org.ruralstats.report.ReportFormat.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.Row;
import org.ruralstats.indicators.IndicatorDefinition;

/**
 * The leaders' report as one self-contained HTML page: Apache ECharts (from its WebJar on the class
 * path), the stylesheet and the drawing script inlined, fonts from the system, nothing fetched.
 * Every figure on the page carries {@code data-indicator}, {@code data-area}, {@code data-year} and
 * {@code data-value} (the exact published value).
 */
public final class ReportPage {
  /** Where the ECharts WebJar keeps its minified script. */
  public static final String ECHARTS =
      "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

  private ReportPage() {}

  /** The page of {@code data} with its brief {@code sentences}. */
  public static String render(ReportData data, List<Brief.Sentence> sentences) {
    Area a = data.area();
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(html(a.name() + " " + data.year() + "年 乡村振兴指标报告"))
        .append("</title>\n<style>\n")
        .append(resource("report/report.css"))
        .append("</style>\n<script>\n")
        .append(resource(ECHARTS).replace("</script", "<\\/script"))
        .append("\n</script>\n</head>\n<body>\n<main>\n");
    header(b, data);
    brief(b, sentences);
    ReportSections.headlines(b, data);
    ReportSections.rankings(b, data);
    ReportSections.table(b, data);
    attention(b, data);
    ReportSections.trends(b, data);
    quality(b, data.quality());
    b.append("</main>\n<script>\n")
        .append(resource("report/report.js"))
        .append("</script>\n</body>\n</html>\n");
    return b.toString();
  }

  private static void header(StringBuilder b, ReportData data) {
    Area a = data.area();
    b.append("<header>\n<h1>")
        .append(html(a.name()))
        .append(" ")
        .append(data.year())
        .append("年 巩固拓展脱贫攻坚成果指标报告</h1>\n")
        .append("<div class=\"en\">Rural revitalization indicators of ")
        .append(html(a.name()))
        .append(" (")
        .append(html(a.code()))
        .append(", ")
        .append(html(a.level()))
        .append("), ")
        .append(data.year())
        .append("</div>\n<div class=\"meta\">数据截至运行 run ")
        .append(html(data.quality().runId()))
        .append("（")
        .append(html(data.quality().runFinished()))
        .append("），指标表版本 indicator table version ")
        .append(data.quality().indicatorsVersion())
        .append("</div>\n</header>\n");
  }

  private static void brief(StringBuilder b, List<Brief.Sentence> sentences) {
    b.append(
        "<section class=\"brief\" id=\"brief\">\n<h2>简报 <span class=\"en\">Brief</span></h2>\n<p>");
    for (Brief.Sentence s : sentences) {
      b.append("<span class=\"sentence\" data-sentence=\"").append(html(s.id())).append("\">");
      for (Brief.Part p : s.parts()) {
        if (p.figure() == null) {
          b.append(html(p.text()));
        } else {
          b.append("<span class=\"fig\"")
              .append(p.figure().attributes())
              .append(">")
              .append(html(p.text()))
              .append("</span>");
        }
      }
      b.append("</span>");
    }
    b.append("</p>\n</section>\n");
  }

  private static void attention(StringBuilder b, ReportData data) {
    b.append(
        "<section id=\"attention\">\n<h2>需关注事项 <span class=\"en\">Needs attention</span></h2>\n");
    StringBuilder items = new StringBuilder();
    int n = 0;
    List<Area> areas = new java.util.ArrayList<>();
    areas.add(data.area());
    areas.addAll(data.children());
    for (IndicatorDefinition d : data.catalogue().indicators()) {
      if (d.target() == null) {
        continue;
      }
      for (Area area : areas) {
        Figure f = data.figure(d.code(), area.code(), data.year());
        if (f == null || !d.target().missedBy(f.value())) {
          continue;
        }
        n++;
        items
            .append("<li><b>")
            .append(html(area.name()))
            .append("</b> ")
            .append(html(d.nameZh()))
            .append(" <span class=\"miss\"")
            .append(f.attributes())
            .append(">")
            .append(html(f.shown()))
            .append("</span>，目标 target ")
            .append(html(d.target().describe()))
            .append(html("%".equals(d.unit()) ? "%" : " " + d.unit()))
            .append("（")
            .append(html(d.target().source()))
            .append("） <span class=\"en\">")
            .append(html(d.nameEn()))
            .append("</span></li>\n");
      }
    }
    if (n == 0) {
      b.append("<p class=\"ok\">所有设定目标均已达到。 Every declared target is met.</p>\n");
    } else {
      b.append("<p>")
          .append(n)
          .append(" 项未达目标（目标见指标目录）。 ")
          .append(
              "<span class=\"en\">figures missing their target (targets from the catalogue)</span></p>\n")
          .append("<ul class=\"attention\">\n")
          .append(items)
          .append("</ul>\n");
    }
    b.append("</section>\n");
  }

  private static void quality(StringBuilder b, QualityPanel.Data q) {
    b.append(
        "<section id=\"quality\" class=\"pagebreak\">\n<h2>数据质量 <span class=\"en\">Data quality</span></h2>\n");
    b.append("<p class=\"meta\">运行 run <b>")
        .append(html(q.runId()))
        .append("</b>，完成于 ")
        .append(html(q.runFinished()))
        .append("；本报告取自指标表 published/indicators 第 <b>")
        .append(q.indicatorsVersion())
        .append("</b> 版 (Delta version)。待匹配工程村记录 orphans: <b>")
        .append(q.orphans())
        .append("</b>。</p>\n");
    b.append("<h3>已加载文件与行 <span class=\"en\">Files and rows loaded</span></h3>\n")
        .append("<table><thead><tr><th>来源 source</th><th>文件版本 files</th><th>读入行 rows read</th>")
        .append("<th>接受 accepted</th><th>拒收 rejected</th></tr></thead><tbody>\n");
    for (Row r : q.loaded()) {
      b.append("<tr><td>").append(html(r.getString(0))).append("</td>");
      for (int i = 1; i <= 4; i++) {
        b.append("<td class=\"num\">")
            .append(ReportFormat.grouped(new java.math.BigDecimal(r.get(i).toString()), 0))
            .append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</tbody></table>\n");
    // files standing rejected first: a whole file missing from the figures matters more than a row
    rowsOrNone(
        b,
        "整体拒收的文件 <span class=\"en\">Files standing rejected</span>",
        List.of("来源 source", "文件 file", "原因 reason"),
        q.rejectedFiles());
    rowsOrNone(
        b,
        "拒收行（按来源和原因） <span class=\"en\">Rejected rows by source and reason</span>",
        List.of("来源 source", "原因 reason", "行数 rows"),
        q.rejectsByReason());
    b.append("</section>\n");
  }

  /**
   * A heading (HTML), then "无 none" when there are no rows, else a table of them under {@code
   * headers}: a number right-aligned as it is, any other value as escaped text.
   */
  private static void rowsOrNone(
      StringBuilder b, String heading, List<String> headers, List<Row> rows) {
    b.append("<h3>").append(heading).append("</h3>\n");
    if (rows.isEmpty()) {
      b.append("<p class=\"ok\">无 none</p>\n");
      return;
    }
    b.append("<table><thead><tr>");
    headers.forEach(h -> b.append("<th>").append(h).append("</th>"));
    b.append("</tr></thead><tbody>\n");
    for (Row r : rows) {
      b.append("<tr>");
      for (int i = 0; i < headers.size(); i++) {
        Object v = r.get(i);
        if (v instanceof Number n) {
          b.append("<td class=\"num\">").append(n).append("</td>");
        } else {
          b.append("<td>").append(html((String) v)).append("</td>");
        }
      }
      b.append("</tr>\n");
    }
    b.append("</tbody></table>\n");
  }

  /** A UTF-8 text resource of the class path. */
  static String resource(String name) {
    try (InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            name + " is not on the class path; rebuild the project (mvn package) and rerun");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + " from the class path", e);
    }
  }
}
