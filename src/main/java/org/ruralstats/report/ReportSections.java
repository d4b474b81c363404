package org.ruralstats.report;

import static org.ruralstats.report.ReportFormat.html;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ruralstats.indicators.FactView;
import org.ruralstats.indicators.IndicatorDefinition;

/**
 * The figure sections of the report: headline cards, ranked bar charts of the areas one level down,
 * their indicator table, and trend charts. Charts are {@code <figure class="chart">} elements whose
 * bars or points are listed inside them with their {@code data-*} attributes; {@code report.js}
 * draws them from that list.
 */
final class ReportSections {
  /** Area columns per table, so a table fits the A4 page width. */
  private static final int COLUMNS_PER_TABLE = 7;

  private ReportSections() {}

  static void headlines(StringBuilder b, ReportData data) {
    b.append(
            "<section id=\"headlines\">\n<h2>主要指标 <span class=\"en\">Headline figures</span></h2>\n")
        .append("<div class=\"cards\">\n");
    for (IndicatorDefinition d : data.catalogue().headlines()) {
      Figure f = data.figure(d.code(), data.area().code(), data.year());
      if (f == null) {
        continue;
      }
      // green when the change goes the way the target wants (down for "at most" targets)
      int sign = f.yoyChange() == null ? 0 : f.yoyChange().signum();
      if (d.target() != null
          && d.target().direction()
              == org.ruralstats.indicators.IndicatorTarget.Direction.AT_MOST) {
        sign = -sign;
      }
      String direction = sign > 0 ? " up" : sign < 0 ? " down" : "";
      b.append("<div class=\"card\"")
          .append(f.attributes())
          .append(">\n<div class=\"name\">")
          .append(html(d.nameZh()))
          .append("</div><div class=\"en\">")
          .append(html(d.nameEn()))
          .append("</div>\n<div class=\"value\">")
          .append(html(f.shown()))
          .append("</div>\n<div class=\"nd\">");
      if ("rate".equals(f.kind())) {
        b.append(ReportFormat.grouped(f.numerator(), 0))
            .append(" / ")
            .append(f.denominator() == null ? "—" : ReportFormat.grouped(f.denominator(), 0))
            .append(" ");
      }
      b.append("</div>\n<div class=\"chg")
          .append(direction)
          .append("\">")
          .append(html(ReportFormat.change(f.yoyChange(), f.kind(), f.unit())))
          .append("</div>\n</div>\n");
    }
    b.append("</div>\n</section>\n");
  }

  static void rankings(StringBuilder b, ReportData data) {
    if (data.children().isEmpty()) {
      return;
    }
    String level = Area.levelZh(data.children().get(0).level());
    b.append("<section id=\"rankings\">\n<h2>各")
        .append(html(level))
        .append("比较 <span class=\"en\">Areas one level down, ranked</span></h2>\n");
    for (IndicatorDefinition d : data.catalogue().indicators()) {
      if (!"rate".equals(d.kind().code())) {
        continue;
      }
      List<Figure> bars = new ArrayList<>();
      for (Area c : data.children()) {
        Figure f = data.figure(d.code(), c.code(), data.year());
        if (f != null && f.value() != null) {
          bars.add(f);
        }
      }
      if (bars.isEmpty()) {
        continue;
      }
      bars.sort(Comparator.comparing(Figure::value).reversed().thenComparing(Figure::area));
      chart(b, "bar", d, bars, data, 30 + 22 * bars.size(), "");
    }
    b.append("</section>\n");
  }

  static void trends(StringBuilder b, ReportData data) {
    b.append(
            "<section id=\"trends\">\n<h2>历年走势 <span class=\"en\">Trends, every computed year</span></h2>\n")
        .append("<div class=\"trend\">\n");
    for (IndicatorDefinition d : data.catalogue().headlines()) {
      List<Figure> points = new ArrayList<>();
      for (int y : data.years()) {
        Figure f = data.figure(d.code(), data.area().code(), y);
        if (f != null) {
          points.add(f);
        }
      }
      if (!points.isEmpty()) {
        chart(b, "line", d, points, data, 170, "year");
      }
    }
    b.append("</div>\n</section>\n");
  }

  private static void chart(
      StringBuilder b,
      String type,
      IndicatorDefinition d,
      List<Figure> items,
      ReportData data,
      int height,
      String labelBy) {
    b.append("<figure class=\"chart\" data-type=\"")
        .append(type)
        .append("\" data-unit=\"")
        .append(html(d.unit()))
        .append("\" data-chart-indicator=\"")
        .append(html(d.code()))
        .append("\">\n<figcaption>")
        .append(html(d.nameZh()))
        .append("（")
        .append(html(d.unit()))
        .append("） <span class=\"en\">")
        .append(html(d.nameEn()))
        .append("</span></figcaption>\n<div class=\"plot\" style=\"height:")
        .append(height)
        .append("px\"></div>\n<ol class=\"chart-data\">");
    for (Figure f : items) {
      String label = "year".equals(labelBy) ? String.valueOf(f.year()) : name(data, f.area());
      b.append("<li")
          .append(f.attributes())
          .append(" data-label=\"")
          .append(html(label))
          .append("\">")
          .append(html(label + " " + f.shown()))
          .append("</li>");
    }
    b.append("</ol>\n</figure>\n");
  }

  static void table(StringBuilder b, ReportData data) {
    if (data.children().isEmpty()) {
      return;
    }
    List<Area> areas = new ArrayList<>();
    areas.add(data.area());
    areas.addAll(data.children());
    b.append("<section id=\"table\" class=\"pagebreak\">\n<h2>分")
        .append(html(Area.levelZh(data.children().get(0).level())))
        .append("指标表 <span class=\"en\">Every indicator, areas one level down</span></h2>\n");
    for (FactView fact : data.catalogue().facts()) {
      List<IndicatorDefinition> defs = data.catalogue().indicatorsOf(fact.name());
      for (int from = 0; from < areas.size(); from += COLUMNS_PER_TABLE) {
        List<Area> cols = areas.subList(from, Math.min(areas.size(), from + COLUMNS_PER_TABLE));
        b.append("<h3>")
            .append(html(fact.titleZh()))
            .append(" <span class=\"en\">")
            .append(html(fact.titleEn()))
            .append(
                areas.size() > COLUMNS_PER_TABLE
                    ? " ("
                        + (from / COLUMNS_PER_TABLE + 1)
                        + "/"
                        + ((areas.size() + COLUMNS_PER_TABLE - 1) / COLUMNS_PER_TABLE)
                        + ")"
                    : "")
            .append("</span></h3>\n<table><thead><tr><th>指标 indicator</th><th>单位</th>");
        for (Area a : cols) {
          b.append("<th>").append(html(a.name())).append("</th>");
        }
        b.append("</tr></thead><tbody>\n");
        for (IndicatorDefinition d : defs) {
          b.append("<tr><td>")
              .append(html(d.nameZh()))
              .append("</td><td>")
              .append(html(d.unit()))
              .append("</td>");
          for (Area a : cols) {
            Figure f = data.figure(d.code(), a.code(), data.year());
            if (f == null) {
              b.append("<td class=\"num\">—</td>");
              continue;
            }
            boolean miss = d.target() != null && d.target().missedBy(f.value());
            b.append("<td class=\"num")
                .append(miss ? " miss" : "")
                .append("\"")
                .append(f.attributes())
                .append(">")
                .append(html(ReportFormat.bare(f.value(), f.kind(), f.unit())))
                .append("</td>");
          }
          b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
      }
    }
    b.append("</section>\n");
  }

  private static String name(ReportData data, String code) {
    if (code.equals(data.area().code())) {
      return data.area().name();
    }
    return data.children().stream()
        .filter(a -> a.code().equals(code))
        .map(Area::name)
        .findFirst()
        .orElse(code);
  }
}
