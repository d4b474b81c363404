package org.ruralstats.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The written brief (简报): sentences from the templates of {@code report/brief.yaml}, every number
 * taken from the report's figures. Each sentence keeps its parts (text and figures), so the page
 * can mark every number with its {@code data-*} attributes and a test can check it.
 */
public final class Brief {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_]+)(?::([a-z]+))?}");

  /** A template as declared. */
  public record Template(String id, String text, When when, String each, String lead) {}

  /** A condition on a figure. */
  public record When(String indicator, BigDecimal equals, BigDecimal notEquals) {}

  /** The templates file. */
  public record Templates(List<Template> sentences) {}

  /**
   * A part of a sentence: plain text, or a figure as written (then {@code figure} is set).
   *
   * @param text the text as written
   * @param figure the figure it states, or null for plain text
   * @param format the format used for the figure
   */
  public record Part(String text, Figure figure, String format) {}

  /** One stated sentence. */
  public record Sentence(String id, List<Part> parts) {
    /** The sentence as text. */
    public String text() {
      StringBuilder b = new StringBuilder();
      parts.forEach(p -> b.append(p.text()));
      return b.toString();
    }
  }

  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .propertyNamingStrategy(
              com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private Brief() {}

  /** The templates shipped with the code. */
  public static List<Template> bundled() {
    try (InputStream in = Brief.class.getClassLoader().getResourceAsStream("report/brief.yaml")) {
      if (in == null) {
        throw new IllegalStateException(
            "report/brief.yaml is not on the class path; rebuild the project");
      }
      return YAML.readValue(in, Templates.class).sentences();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the brief templates report/brief.yaml", e);
    }
  }

  /** The sentences of the brief of {@code data}, in template order. */
  public static List<Sentence> write(ReportData data, List<Template> templates) {
    List<Sentence> out = new ArrayList<>();
    for (Template t : templates) {
      if ("child".equals(t.each())) {
        List<Part> parts = new ArrayList<>();
        for (Area child : data.children()) {
          List<Part> one = render(t, data, child);
          if (one != null) {
            parts.add(new Part(parts.isEmpty() ? nz(t.lead()) : "；", null, null));
            parts.addAll(one);
          }
        }
        if (!parts.isEmpty()) {
          parts.add(new Part("。", null, null));
          out.add(new Sentence(t.id(), parts));
        }
      } else {
        List<Part> parts = render(t, data, data.area());
        if (parts != null) {
          out.add(new Sentence(t.id(), parts));
        }
      }
    }
    return out;
  }

  /** The parts of one template for one area, or null when a figure is missing or unmet. */
  private static List<Part> render(Template t, ReportData data, Area area) {
    if (t.when() != null) {
      Figure f = data.figure(t.when().indicator(), area.code(), data.year());
      if (f == null || f.value() == null) {
        return null;
      }
      if (t.when().equals() != null && f.value().compareTo(t.when().equals()) != 0) {
        return null;
      }
      if (t.when().notEquals() != null && f.value().compareTo(t.when().notEquals()) == 0) {
        return null;
      }
    }
    List<Part> parts = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(t.text());
    int at = 0;
    while (m.find()) {
      parts.add(new Part(t.text().substring(at, m.start()), null, null));
      at = m.end();
      String name = m.group(1);
      switch (name) {
        case "scope" -> parts.add(new Part(area.scope(), null, null));
        case "area" -> parts.add(new Part(area.name(), null, null));
        case "year" -> parts.add(new Part(String.valueOf(data.year()), null, null));
        default -> {
          Figure f = data.figure(name, area.code(), data.year());
          String format = m.group(2) == null ? defaultFormat(f) : m.group(2);
          String text = f == null ? null : format(f, format);
          if (text == null) {
            return null;
          }
          parts.add(new Part(text, f, format));
        }
      }
    }
    parts.add(new Part(t.text().substring(at), null, null));
    return parts;
  }

  private static String defaultFormat(Figure f) {
    if (f == null) {
      return "integer";
    }
    return switch (f.kind()) {
      case "rate" -> "percent";
      case "amount" -> "number";
      default -> "integer";
    };
  }

  /**
   * A figure written with a brief format, or null when the figure has no value to state.
   *
   * @throws IllegalArgumentException naming the known formats for an unknown one
   */
  public static String format(Figure f, String format) {
    BigDecimal v = "change".equals(format) ? f.yoyChange() : f.value();
    if (v == null) {
      return null;
    }
    return switch (format) {
      case "integer" -> v.setScale(0, RoundingMode.HALF_UP).toPlainString();
      case "percent" -> ReportFormat.plain(v) + "%";
      case "number" -> ReportFormat.plain(v);
      case "wan" -> ReportFormat.plain(v.divide(BigDecimal.valueOf(10_000)));
      case "change" -> {
        String amount = ReportFormat.plain(v.abs()) + ("rate".equals(f.kind()) ? "个百分点" : "");
        yield v.signum() == 0
            ? "持平"
            : ("rate".equals(f.kind())
                    ? (v.signum() > 0 ? "提高" : "下降")
                    : (v.signum() > 0 ? "增加" : "减少"))
                + amount;
      }
      default ->
          throw new IllegalArgumentException(
              "unknown brief format '"
                  + format
                  + "' in report/brief.yaml; use integer, percent, number, wan or change");
    };
  }

  /** The brief as Markdown: a title and one paragraph of sentences. */
  public static String markdown(ReportData data, List<Sentence> sentences) {
    StringBuilder b = new StringBuilder();
    b.append("# ")
        .append(data.area().name())
        .append(" ")
        .append(data.year())
        .append("年巩固拓展脱贫攻坚成果简报\n\n");
    for (Sentence s : sentences) {
      b.append(s.text());
    }
    b.append("\n");
    return b.toString();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
