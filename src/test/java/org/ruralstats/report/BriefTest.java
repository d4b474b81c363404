package org.ruralstats.report;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ruralstats.indicators.IndicatorCatalogue;

/** The written brief of the small landing folder, sentence by sentence against the table. */
class BriefTest {
  private static ReportData data;
  private static List<Brief.Sentence> sentences;

  @BeforeAll
  static void write() {
    data = ReportData.load(SmallWarehouse.tables(), IndicatorCatalogue.bundled(), null, null);
    sentences = Brief.write(data, Brief.bundled());
  }

  @Test
  void theCountyAndItsLatestYearAreReported() {
    assertEquals("141123000000", data.area().code());
    assertEquals("兴县", data.area().name());
    assertEquals(2024, data.year());
    assertEquals(
        List.of("141123100000", "141123105000"), data.children().stream().map(Area::code).toList());
    assertEquals("蔚汾镇", data.children().get(0).name());
  }

  @Test
  void everyNumberOfEverySentenceIsAPublishedFigure() {
    assertTrue(sentences.size() >= 8, show());
    int figures = 0;
    for (Brief.Sentence s : sentences) {
      for (Brief.Part p : s.parts()) {
        if (p.figure() == null) {
          // plain text holds no number other than the year and area names
          String digits = p.text().replace(String.valueOf(data.year()), "").replaceAll("\\D", "");
          assertEquals("", digits, "a number not taken from the table in: " + s.text());
          continue;
        }
        figures++;
        Figure f = p.figure();
        Row published =
            SmallWarehouse.tables()
                .indicators()
                .filter(
                    col("indicator_code")
                        .equalTo(f.indicator())
                        .and(col("area_code").equalTo(f.area()))
                        .and(col("year").equalTo(f.year())))
                .select("value", "yoy_change")
                .collectAsList()
                .get(0);
        BigDecimal v =
            "change".equals(p.format()) ? published.getDecimal(1) : published.getDecimal(0);
        assertEquals(0, v.compareTo("change".equals(p.format()) ? f.yoyChange() : f.value()));
        assertEquals(expected(p.format(), v, f.kind()), p.text(), "in: " + s.text());
      }
    }
    assertTrue(figures >= 25, "too few figures stated: " + figures + "\n" + show());
  }

  @Test
  void theRegisterOfTheCountysReport() {
    String text = sentences.stream().map(Brief.Sentence::text).collect(Collectors.joining());
    Figure required = data.figure("INS_REQUIRED", "141123000000", 2024);
    Figure coverage = data.figure("INS_COVERAGE", "141123000000", 2024);
    assertTrue(
        text.contains(
            "全县应参保人数"
                + required.value().toBigInteger()
                + "人，实参保人数"
                + data.figure("INS_ENROLLED", "141123000000", 2024).value().toBigInteger()
                + "人，参保率"
                + ReportFormat.plain(coverage.value())
                + "%。"),
        text);
    Figure dropouts = data.figure("EDU_COMPULSORY_DROPOUTS", "141123000000", 2024);
    assertEquals(dropouts.value().signum() == 0, text.contains("控辍保学实现动态清零"), "dropouts: " + text);
    assertFalse(text.contains("{"), "a placeholder was left unfilled: " + text);
  }

  /** The format of the brief, written independently of {@link Brief#format}. */
  private static String expected(String format, BigDecimal v, String kind) {
    String plain = v.stripTrailingZeros().toPlainString();
    if (v.signum() == 0) {
      plain = "0";
    }
    return switch (format) {
      case "integer" -> v.toBigInteger().toString();
      case "percent" -> plain + "%";
      case "number" -> plain;
      case "wan" -> {
        String w = v.movePointLeft(4).stripTrailingZeros().toPlainString();
        yield v.signum() == 0 ? "0" : w;
      }
      case "change" -> {
        String abs =
            v.abs().stripTrailingZeros().toPlainString() + ("rate".equals(kind) ? "个百分点" : "");
        yield v.signum() == 0
            ? "持平"
            : ("rate".equals(kind)
                    ? (v.signum() > 0 ? "提高" : "下降")
                    : (v.signum() > 0 ? "增加" : "减少"))
                + abs;
      }
      default -> throw new AssertionError(format);
    };
  }

  private static String show() {
    return sentences.stream().map(Brief.Sentence::text).collect(Collectors.joining("\n"));
  }
}
