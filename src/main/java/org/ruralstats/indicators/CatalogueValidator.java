package org.ruralstats.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataType;

/** The rules a catalogue must follow; each broken rule becomes one message naming its entry. */
final class CatalogueValidator {

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern SQL_NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private final IndicatorCatalogue catalogue;
  private final List<String> problems = new ArrayList<>();

  private CatalogueValidator(IndicatorCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Every problem of the catalogue, in file order; empty when it is valid. */
  static List<String> problems(IndicatorCatalogue catalogue) {
    CatalogueValidator validator = new CatalogueValidator(catalogue);
    validator.checkSources();
    validator.checkViews();
    validator.checkFacts();
    validator.checkIndicators();
    return validator.problems;
  }

  /** How an entry is named in messages, e.g. {@code indicator #3 INS_COVERAGE}. */
  static String entryLabel(String section, int index, JsonNode entry) {
    return entryLabel(section, index, entry.path(keyOf(section)).asText(""));
  }

  private static String entryLabel(String section, int index, String name) {
    String singular =
        switch (section) {
          case "indicators" -> "indicator";
          case "facts" -> "fact";
          case "views" -> "view";
          default -> section;
        };
    String label = singular + " #" + (index + 1);
    return name == null || name.isBlank()
        ? label + " (no " + keyOf(section) + ")"
        : label + " " + name;
  }

  private static String keyOf(String section) {
    return "indicators".equals(section) ? "code" : "name";
  }

  private void checkSources() {
    if (catalogue.sources().isEmpty()) {
      problems.add(
          "section sources is missing or empty; list each clean table the SQL reads with its"
              + " columns and their Spark SQL types");
      return;
    }
    for (Map.Entry<String, Map<String, String>> source : catalogue.sources().entrySet()) {
      String where = "source " + source.getKey();
      if (!SQL_NAME.matcher(source.getKey()).matches()) {
        problems.add(where + ": the name must be a lower-case SQL name like water_survey");
      }
      if (source.getValue() == null || source.getValue().isEmpty()) {
        problems.add(where + ": no columns; list the columns the SQL reads with their types");
        continue;
      }
      for (Map.Entry<String, String> column : source.getValue().entrySet()) {
        checkType(where + ", column " + column.getKey(), column.getValue());
      }
    }
  }

  private void checkType(String where, String type) {
    if (type == null || type.isBlank()) {
      problems.add(where + ": the type is missing; give a Spark SQL type such as int or date");
      return;
    }
    try {
      DataType.fromDDL(type);
    } catch (Exception e) { // Spark's ParseException is a checked exception
      problems.add(
          where
              + ": '"
              + type
              + "' is not a Spark SQL type; use e.g. string, int, boolean, date or"
              + " decimal(18,2)");
    }
  }

  private void checkViews() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < catalogue.views().size(); i++) {
      CatalogueView view = catalogue.views().get(i);
      if (view == null) {
        problems.add("view #" + (i + 1) + ": the entry is empty");
        continue;
      }
      String where = entryLabel("views", i, view.name());
      if (blank(view.name())) {
        problems.add(where + ": name is missing");
      } else if (!SQL_NAME.matcher(view.name()).matches()) {
        problems.add(where + ": the name must be a lower-case SQL name like village_areas");
      } else if (catalogue.sources().containsKey(view.name())) {
        problems.add(where + ": the name is already a source's; choose another name");
      } else if (!seen.add(view.name())) {
        problems.add(where + ": a view named " + view.name() + " is declared twice");
      }
      requireText(where, "description", view.description());
      requireText(where, "sql", view.sql());
    }
    if (!seen.contains(IndicatorCatalogue.AREAS_VIEW)) {
      problems.add(
          "views: a view named "
              + IndicatorCatalogue.AREAS_VIEW
              + " (columns area_code, area_level, county_code: every area and each county it"
              + " covers) is required; every group's result is left-joined to it");
    }
  }

  private void checkFacts() {
    if (catalogue.facts().isEmpty()) {
      problems.add("section facts is missing or empty; declare one fact view per group");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < catalogue.facts().size(); i++) {
      FactView fact = catalogue.facts().get(i);
      if (fact == null) {
        problems.add("fact #" + (i + 1) + ": the entry is empty");
        continue;
      }
      String where = entryLabel("facts", i, fact.name());
      if (blank(fact.name())) {
        problems.add(where + ": name is missing");
      } else if (!SQL_NAME.matcher(fact.name()).matches()) {
        problems.add(where + ": the name must be a lower-case SQL name like water_survey");
      } else if (!seen.add(fact.name())) {
        problems.add(where + ": a fact named " + fact.name() + " is declared twice");
      }
      requireText(where, "title_zh", fact.titleZh());
      requireText(where, "title_en", fact.titleEn());
      requireText(where, "description", fact.description());
      requireText(where, "sql", fact.sql());
      if (fact.grain().isEmpty()) {
        problems.add(
            where
                + ": grain is missing; list the columns one row of the view is unique on, starting"
                + " with area_code, e.g. [area_code, year, person_key]");
      } else if (!"area_code".equals(fact.grain().get(0))
          || fact.grain().stream().anyMatch(c -> c == null || !SQL_NAME.matcher(c).matches())
          || fact.grain().stream().distinct().count() != fact.grain().size()) {
        problems.add(
            where
                + ": grain "
                + fact.grain()
                + " must list distinct lower-case column names of the view, starting with"
                + " area_code");
      }
      if (blank(fact.drivingSource())) {
        problems.add(where + ": driving_source is missing; name the clean table whose years count");
      } else if (!catalogue.sources().containsKey(fact.drivingSource())) {
        problems.add(
            where
                + ": driving_source "
                + fact.drivingSource()
                + " is not a declared source; use one of "
                + catalogue.sources().keySet());
      } else if (catalogue.sources().get(fact.drivingSource()) == null
          || !catalogue.sources().get(fact.drivingSource()).containsKey("year")) {
        problems.add(
            where
                + ": driving_source "
                + fact.drivingSource()
                + " declares no year column; add it under sources");
      }
    }
  }

  private void checkIndicators() {
    if (catalogue.indicators().isEmpty()) {
      problems.add("section indicators is missing or empty");
    }
    Map<String, Integer> firstByCode = new HashMap<>();
    Set<String> factsUsed = new HashSet<>();
    Map<Integer, String> headlines = new HashMap<>();
    for (int i = 0; i < catalogue.indicators().size(); i++) {
      IndicatorDefinition indicator = catalogue.indicators().get(i);
      if (indicator == null) {
        problems.add("indicator #" + (i + 1) + ": the entry is empty");
        continue;
      }
      String where = entryLabel("indicators", i, indicator.code());
      if (blank(indicator.code())) {
        problems.add(where + ": code is missing");
      } else if (!CODE.matcher(indicator.code()).matches()) {
        problems.add(
            where + ": the code must be upper-case letters, digits and _ (like INS_COVERAGE)");
      } else if (firstByCode.putIfAbsent(indicator.code(), i) != null) {
        problems.add(
            where
                + ": the code is already used by indicator #"
                + (firstByCode.get(indicator.code()) + 1)
                + "; codes must be unique");
      }
      if (blank(indicator.fact())) {
        problems.add(where + ": fact is missing; name the fact view it is computed over");
      } else if (catalogue.fact(indicator.fact()).isEmpty()) {
        problems.add(
            where
                + ": fact "
                + indicator.fact()
                + " is not declared under facts; use one of "
                + catalogue.facts().stream().filter(f -> f != null).map(FactView::name).toList());
      } else {
        factsUsed.add(indicator.fact());
      }
      if (indicator.kind() == null) {
        problems.add(where + ": kind is missing; set it to count, amount or rate");
      }
      requireText(where, "unit", indicator.unit());
      requireText(where, "name_zh", indicator.nameZh());
      requireText(where, "name_en", indicator.nameEn());
      requireText(where, "description", indicator.description());
      requireText(where, "numerator", indicator.numerator());
      if (indicator.kind() == IndicatorKind.RATE && blank(indicator.denominator())) {
        problems.add(
            where
                + ": a rate needs a denominator (the count indicator it is divided by, e.g."
                + " INS_REQUIRED)");
      }
      if (indicator.kind() == IndicatorKind.RATE) {
        checkFormula(where, indicator, "numerator", indicator.numerator());
        checkFormula(where, indicator, "denominator", indicator.denominator());
      }
      checkPresentation(where, indicator, headlines);
      if (indicator.kind() != null
          && indicator.kind() != IndicatorKind.RATE
          && indicator.denominator() != null) {
        problems.add(
            where
                + ": only a rate has a denominator; remove it or make the kind rate (kind is "
                + indicator.kind().code()
                + ")");
      }
    }
    for (FactView fact : catalogue.facts()) {
      if (fact != null && !blank(fact.name()) && !factsUsed.contains(fact.name())) {
        problems.add(
            "fact " + fact.name() + ": no indicator uses it; add indicators or remove the fact");
      }
    }
  }

  /** The report's fields: a headline place used once, a complete target. */
  private void checkPresentation(
      String where, IndicatorDefinition indicator, Map<Integer, String> headlines) {
    Integer headline = indicator.headline();
    if (headline != null) {
      if (headline < 1) {
        problems.add(where + ": headline must be a place from 1 (first headline figure)");
      } else if (headlines.putIfAbsent(headline, where) != null) {
        problems.add(
            where
                + ": headline place "
                + headline
                + " is already taken by "
                + headlines.get(headline)
                + "; give each headline its own place");
      }
    }
    IndicatorTarget target = indicator.target();
    if (target != null) {
      if (target.direction() == null) {
        problems.add(where + ": target.direction is missing; set it to at_least or at_most");
      }
      if (target.threshold() == null) {
        problems.add(where + ": target.threshold is missing (a number in the indicator's unit)");
      }
      requireText(where, "target.source", target.source());
    }
  }

  /**
   * A rate's numerator or denominator: codes of count indicators of the rate's fact, joined by + or
   * - ({@link RateFormula}), so the rate is computed from the same aggregates as those counts.
   */
  private void checkFormula(String where, IndicatorDefinition rate, String field, String text) {
    if (blank(text) || blank(rate.fact()) || catalogue.fact(rate.fact()).isEmpty()) {
      return; // reported as missing or as an unknown fact
    }
    List<String> counts =
        catalogue.indicators().stream()
            .filter(
                i ->
                    i != null
                        && i.kind() == IndicatorKind.COUNT
                        && !blank(i.code())
                        && i.fact() != null
                        && i.fact().equals(rate.fact()))
            .map(IndicatorDefinition::code)
            .toList();
    Optional<RateFormula> formula = RateFormula.parse(text);
    if (formula.isEmpty()) {
      problems.add(
          where
              + ": "
              + field
              + " '"
              + text.strip()
              + "' must name count indicators of fact "
              + rate.fact()
              + " by code, joined by + or - (e.g. INS_ENROLLED, or MON_PERSONS -"
              + " MON_ACTIVE_PERSONS), so that the rate is computed from the same figures as its"
              + " counts; the counts of fact "
              + rate.fact()
              + " are "
              + counts);
      return;
    }
    for (String code : formula.get().codes()) {
      if (!counts.contains(code)) {
        problems.add(
            where
                + ": "
                + field
                + " names "
                + code
                + ", which is not a count indicator of fact "
                + rate.fact()
                + "; use one of "
                + counts);
      }
    }
  }

  private void requireText(String where, String field, String value) {
    if (blank(value)) {
      problems.add(where + ": " + field + " is missing");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
