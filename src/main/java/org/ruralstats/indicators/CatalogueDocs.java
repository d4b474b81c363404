package org.ruralstats.indicators;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Generates {@code docs/indicators.md} from the indicator catalogue: the common rules in plain
 * words, the shared views, and for each group its driving source, fact view and indicators (code,
 * names, kind, unit, definition and SQL).
 *
 * <p>Run: {@code java -cp <project class path> org.ruralstats.indicators.CatalogueDocs
 * docs/indicators.md}, or {@value #REGENERATE_COMMAND} (the docs sync test then writes the page
 * instead of comparing it). Without that flag the test fails when the committed file differs from
 * what the catalogue generates.
 */
public final class CatalogueDocs {

  /** Where the generated page lives, relative to the project root. */
  public static final String DEFAULT_OUTPUT = "docs/indicators.md";

  /** The system property that makes the docs sync test write the page instead of comparing. */
  public static final String REGENERATE_PROPERTY = "indicators.regenerateDocs";

  /** The command that regenerates the page, quoted in the page and in the sync test's message. */
  public static final String REGENERATE_COMMAND =
      "mvn -B -ntp test -Dtest=CatalogueDocsTest -D" + CatalogueDocs.REGENERATE_PROPERTY + "=true";

  private static final String COMMON_RULES =
      """
      ## Common rules

      These rules hold for every indicator; the calculator (`IndicatorCalculator`) applies them,
      the catalogue only says what is counted.

      - **Input rows.** The clean tables: valid rows only, after supersession (one row per key,
        the newest valid version). Which years exist is also taken after supersession.
      - **Areas.** Every indicator is computed for every area of the division dictionary: the
        county, each township and each village. A row belongs to the area of its `village_code`,
        to that village's township and to the county (view `village_areas`). A row that belongs
        to the county only (an education aid payment whose student has no register row of that
        year, a water project with no village rows) carries the pseudo village code
        `COUNTY-ONLY`.
      - **Several counties.** When the landing folder holds county folders, every clean row
        carries its county (`county_code`, empty for a one-county landing folder), each county's
        village codes are looked up in its own dictionary, and the indicators are also computed
        for the city and the province above each county (`area_level` `city`, `province`; the
        county code's first four, or two, digits followed by zeros). A row of a county belongs
        to its village, township, county, and the county's city and province. Matching across
        sources is within one county.
      - **Distinct counting.** Persons, households, students and projects are counted distinct
        *within the area*, over the area's own rows: a household with members in two villages
        counts once in each village, once in the township and once in the county. A township's
        count is therefore not always the sum of its villages'; it is never computed by summing
        them. A person or student (the same ID number, so the same pseudonym) counts once in a
        city or province even when several counties' rows qualify (the facts counting persons
        or students have one row per area, year and pseudonym); households, projects and
        payments belong to one county each, so equal ids of two counties are two things.
      - **Years.** A group is computed for each year that its driving source holds at least one
        row for, anywhere in the county. For such a year every area of the county gets a row: 0
        where nothing matches (amounts 0.00; a rate is then empty, its denominator being 0). A
        city or province gets every year that any of its counties holds.
      - **Kinds.**
        - `count`: `numerator` is the count (or, where the definition says so, a sum of rooms,
          persons or beneficiaries); `denominator` is empty; `value` = `numerator`.
        - `amount`: `numerator` is the exact decimal sum (yuan or 万元) with two decimals;
          `denominator` is empty; `value` = `numerator`.
        - `rate`: `value` = 100 × `numerator` / `denominator`, rounded half-up to two decimals
          (a percentage), computed exactly as floor((20000 × n + d) / (2 × d)) / 100, with no
          binary floating point and no intermediate rounding (1/8 gives 12.50, 1/800 gives
          0.13, 2/3 gives 66.67); empty when the denominator is 0. Its `numerator` and
          `denominator` are count indicators of its group, named by code (or codes joined by +
          or −), computed from the very same aggregates: a rate always equals its counts.
      - **Year over year.** `prev_value` is the `value` of the same indicator and area in
        exactly `year − 1`, empty when that year was not computed or its value is empty (with
        2022 and 2024 computed but not 2023, 2024 has no `prev_value`). `yoy_change` = `value` −
        `prev_value` of the published (rounded) values, in percentage points for rates; empty
        when either is empty.
      - **Matching across sources** is by county, `year` and person: a roster row of year Y
        matches the insurance row, register row and aid payments of the same county whose `year`
        is Y. Person and student IDs
        arrive as the same keyed pseudonym (`person_key`, `student_key`).
      - **Computation.** The whole table is one lazy Spark SQL statement. All indicators of
        one fact view are aggregates of one `GROUP BY area_code, year` over that view, left-joined
        to the spine of areas × their counties' years and unpivoted (`stack`) to one row per indicator, area and
        year; the groups are unioned, and `prev_value` is taken by a window over
        (indicator, area) whose frame is the range `year − 1` exactly.
      - **Export.** The CSV export (`IndicatorExport.format`) writes counts as integers
        (`210236`), amounts with two decimals (`313.00`), a rate's numerator and denominator as
        integers and its value, `prev_value` and `yoy_change` with two decimals (`96.80`); no
        thousands separators, no exponent, an empty field for an empty value.
      """;

  private CatalogueDocs() {}

  /**
   * Writes the page for the bundled catalogue.
   *
   * @param args the output path (default {@value #DEFAULT_OUTPUT})
   */
  public static void main(String[] args) throws IOException {
    Path output = Path.of(args.length > 0 ? args[0] : DEFAULT_OUTPUT);
    if (output.getParent() != null) {
      Files.createDirectories(output.getParent());
    }
    Files.writeString(output, render(IndicatorCatalogue.bundled()), StandardCharsets.UTF_8);
    System.out.println("Wrote " + output.toAbsolutePath());
  }

  /** The Markdown page for a catalogue. */
  public static String render(IndicatorCatalogue catalogue) {
    StringBuilder md = new StringBuilder();
    md.append("# Indicators\n\n")
        .append("<!-- Generated from src/main/resources/")
        .append(IndicatorCatalogue.BUNDLED_RESOURCE)
        .append(" by org.ruralstats.indicators.CatalogueDocs; do not edit by hand.\n")
        .append("     Regenerate: ")
        .append(REGENERATE_COMMAND)
        .append(" -->\n\n")
        .append("The pipeline publishes ")
        .append(catalogue.indicators().size())
        .append(" indicators in ")
        .append(catalogue.facts().size())
        .append(" groups, for every area (county, townships, villages; with several counties also")
        .append(" cities and provinces) and year. Each is")
        .append(" declared in the catalogue `src/main/resources/")
        .append(IndicatorCatalogue.BUNDLED_RESOURCE)
        .append("`: a Spark SQL aggregate over its group's fact view.\n\n")
        .append(COMMON_RULES)
        .append('\n');

    md.append("## Groups\n\n| group | driving source | indicators |\n|---|---|---|\n");
    for (FactView fact : catalogue.facts()) {
      md.append("| [")
          .append(fact.titleEn())
          .append(" (")
          .append(fact.titleZh())
          .append(")](#")
          .append(anchor(fact))
          .append(") | `")
          .append(fact.drivingSource())
          .append("` | ")
          .append(catalogue.indicatorsOf(fact.name()).size())
          .append(" |\n");
    }
    md.append('\n');

    md.append("## Clean tables read\n\n")
        .append(
            "The columns the catalogue's SQL reads from each clean table, with their types.\n\n")
        .append("| table | columns |\n|---|---|\n");
    for (Map.Entry<String, Map<String, String>> source : catalogue.sources().entrySet()) {
      md.append("| `").append(source.getKey()).append("` | ");
      List<String> columns =
          source.getValue().entrySet().stream()
              .map(c -> "`" + c.getKey() + "` " + c.getValue())
              .toList();
      md.append(String.join(", ", columns)).append(" |\n");
    }
    md.append('\n');

    md.append("## Shared views\n\n");
    for (CatalogueView view : catalogue.views()) {
      md.append("### `").append(view.name()).append("`\n\n");
      md.append(view.description().strip()).append("\n\n");
      sqlBlock(md, view.sql());
    }

    for (FactView fact : catalogue.facts()) {
      md.append("## ").append(fact.titleEn()).append(" (").append(fact.titleZh()).append(")\n\n");
      md.append("Driving source: `")
          .append(fact.drivingSource())
          .append("` (computed for each year it holds a row for). Fact view `")
          .append(fact.name())
          .append("`: ")
          .append(fact.description().strip())
          .append(" Grain (no two rows share these): ")
          .append(String.join(", ", fact.grain().stream().map(c -> "`" + c + "`").toList()))
          .append(".\n\n");
      sqlBlock(md, fact.sql());
      for (IndicatorDefinition indicator : catalogue.indicatorsOf(fact.name())) {
        md.append("### ")
            .append(indicator.code())
            .append("\n\n")
            .append(indicator.nameZh())
            .append(" · ")
            .append(indicator.nameEn())
            .append(" · ")
            .append(indicator.kind().code())
            .append(", unit ")
            .append(indicator.unit())
            .append("\n\n")
            .append(indicator.description().strip())
            .append("\n\n")
            .append("- numerator: ")
            .append(formula(indicator, indicator.numerator(), catalogue.numeratorSql(indicator)))
            .append('\n');
        if (indicator.denominator() != null) {
          md.append("- denominator: ")
              .append(
                  formula(indicator, indicator.denominator(), catalogue.denominatorSql(indicator)))
              .append('\n');
        }
        md.append('\n');
      }
    }
    return md.toString().stripTrailing() + "\n";
  }

  /** A count's aggregate; a rate's codes, then the aggregate they stand for. */
  private static String formula(IndicatorDefinition indicator, String declared, String sql) {
    return indicator.kind() == IndicatorKind.RATE
        ? inlineCode(declared.strip()) + " = " + inlineCode(sql)
        : inlineCode(declared);
  }

  private static String anchor(FactView fact) {
    String heading =
        (fact.titleEn() + " (" + fact.titleZh() + ")").toLowerCase(java.util.Locale.ROOT);
    StringBuilder anchor = new StringBuilder();
    heading
        .codePoints()
        .forEach(
            cp -> {
              if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_') {
                anchor.appendCodePoint(cp);
              } else if (cp == ' ') {
                anchor.append('-');
              }
            });
    return anchor.toString();
  }

  private static void sqlBlock(StringBuilder md, String sql) {
    md.append("```sql\n").append(sql.strip()).append("\n```\n\n");
  }

  private static String inlineCode(String sql) {
    String oneLine = sql.strip().replaceAll("\\s+", " ");
    return oneLine.contains("`") ? "`` " + oneLine + " ``" : "`" + oneLine + "`";
  }
}
