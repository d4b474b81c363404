package org.ruralstats.indicators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The indicator catalogue: the clean-table columns it reads, shared views, one fact view per group
 * and the indicators, as declared in {@code src/main/resources/indicators/catalogue.yaml}.
 *
 * <p>Obtain it with {@link #bundled()} (the catalogue shipped with the code), {@link #load(Path)}
 * or {@link #parse(String, String)}; each validates the catalogue and throws {@link
 * IndicatorCatalogueException} listing every problem, by entry.
 *
 * @param sources clean table name → column name → Spark SQL type (e.g. {@code decimal(18,2)}), the
 *     columns the catalogue's SQL reads, in declaration order
 * @param views shared views usable in every fact view's SQL, in dependency order
 * @param facts the fact views, one per group of indicators
 * @param indicators the indicators in catalogue order
 */
public record IndicatorCatalogue(
    Map<String, Map<String, String>> sources,
    List<CatalogueView> views,
    List<FactView> facts,
    List<IndicatorDefinition> indicators) {

  /** Class-path location of the catalogue shipped with the code. */
  public static final String BUNDLED_RESOURCE = "indicators/catalogue.yaml";

  /**
   * The shared view every catalogue must declare: one row per area and county it covers (area_code,
   * area_level, county_code); an area gets the years of the counties it covers.
   */
  public static final String AREAS_VIEW = "areas";

  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  /** Keeps the collections unmodifiable; absent sections become empty (validation reports it). */
  public IndicatorCatalogue {
    sources =
        sources == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    views = views == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(views));
    facts = facts == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(facts));
    indicators =
        indicators == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(indicators));
  }

  /** Loads and validates the catalogue shipped with the code ({@value #BUNDLED_RESOURCE}). */
  public static IndicatorCatalogue bundled() {
    try (InputStream in =
        IndicatorCatalogue.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "The indicator catalogue "
                + BUNDLED_RESOURCE
                + " is not on the class path; rebuild the project (it lives in"
                + " src/main/resources/"
                + BUNDLED_RESOURCE
                + ").");
      }
      return parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + BUNDLED_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the indicator catalogue " + BUNDLED_RESOURCE, e);
    }
  }

  /** Loads and validates a catalogue file (UTF-8 YAML). */
  public static IndicatorCatalogue load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the indicator catalogue " + file, e);
    }
  }

  /**
   * Parses and validates catalogue YAML.
   *
   * @param yaml the catalogue text
   * @param origin where it came from, used in error messages
   * @throws IndicatorCatalogueException listing every problem found
   */
  public static IndicatorCatalogue parse(String yaml, String origin) {
    JsonNode tree;
    try {
      tree = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new IndicatorCatalogueException(
          origin, List.of("not valid YAML: " + e.getOriginalMessage() + locationOf(e)));
    }
    if (tree == null || !tree.isObject()) {
      throw new IndicatorCatalogueException(
          origin,
          List.of(
              "the file must be a YAML mapping with the sections sources, views, facts and"
                  + " indicators"));
    }
    IndicatorCatalogue catalogue;
    try {
      catalogue = YAML.treeToValue(tree, IndicatorCatalogue.class);
    } catch (JsonMappingException e) {
      throw new IndicatorCatalogueException(origin, List.of(describeMappingError(e, tree)));
    } catch (JsonProcessingException e) {
      throw new IndicatorCatalogueException(origin, List.of(e.getOriginalMessage()));
    }
    List<String> problems = CatalogueValidator.problems(catalogue);
    if (!problems.isEmpty()) {
      throw new IndicatorCatalogueException(origin, problems);
    }
    return catalogue;
  }

  /** The fact view of that name, if declared. */
  public Optional<FactView> fact(String name) {
    return facts.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The indicators computed over the named fact view, in catalogue order. */
  public List<IndicatorDefinition> indicatorsOf(String factName) {
    return indicators.stream().filter(i -> i.fact().equals(factName)).toList();
  }

  /** The indicator of that code, if declared. */
  public Optional<IndicatorDefinition> indicator(String code) {
    return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
  }

  /** The headline indicators (those with a {@code headline} place), in the order of their place. */
  public List<IndicatorDefinition> headlines() {
    return indicators.stream()
        .filter(i -> i.headline() != null)
        .sorted(java.util.Comparator.comparing(IndicatorDefinition::headline))
        .toList();
  }

  /**
   * The Spark SQL aggregate of an indicator's numerator: a count's or an amount's as declared; a
   * rate's formula ({@link RateFormula}) with each count's aggregate in place of its code.
   */
  public String numeratorSql(IndicatorDefinition indicator) {
    return sqlOf(indicator, indicator.numerator());
  }

  /** As {@link #numeratorSql}, for a rate's denominator; null for a count or an amount. */
  public String denominatorSql(IndicatorDefinition indicator) {
    return indicator.denominator() == null ? null : sqlOf(indicator, indicator.denominator());
  }

  private String sqlOf(IndicatorDefinition indicator, String declared) {
    if (indicator.kind() != IndicatorKind.RATE) {
      return declared;
    }
    RateFormula formula =
        RateFormula.parse(declared)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        indicator.code() + ": not a formula of counts: " + declared));
    return formula.sql(
        code ->
            indicator(code)
                .orElseThrow(() -> new IllegalStateException("no indicator " + code))
                .numerator());
  }

  /** Every indicator code, in catalogue order. */
  public List<String> codes() {
    return indicators.stream().map(IndicatorDefinition::code).toList();
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  /** Turns Jackson's reference chain into "indicator #4 INS_X, field kind: …". */
  private static String describeMappingError(JsonMappingException e, JsonNode tree) {
    List<JsonMappingException.Reference> path = e.getPath();
    if (e instanceof UnrecognizedPropertyException && !path.isEmpty()) {
      path = path.subList(0, path.size() - 1); // the last reference is the unknown field itself
    }
    StringBuilder where = new StringBuilder();
    int i = 0;
    if (path.size() >= 2 && path.get(0).getFieldName() != null && path.get(1).getIndex() >= 0) {
      String section = path.get(0).getFieldName();
      int index = path.get(1).getIndex();
      where.append(CatalogueValidator.entryLabel(section, index, tree.path(section).path(index)));
      i = 2;
    } else if (!path.isEmpty() && path.get(0).getFieldName() != null) {
      where.append("section ").append(path.get(0).getFieldName());
      i = 1;
    } else {
      where.append("the catalogue");
    }
    List<String> rest = new ArrayList<>();
    for (; i < path.size(); i++) {
      JsonMappingException.Reference ref = path.get(i);
      rest.add(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]");
    }
    if (!rest.isEmpty()) {
      where.append(", field ").append(String.join(".", rest));
    }
    String what;
    if (e instanceof UnrecognizedPropertyException unknown) {
      what =
          "unknown field '"
              + unknown.getPropertyName()
              + "'; the known fields are "
              + unknown.getKnownPropertyIds().stream()
                  .map(Object::toString)
                  .sorted()
                  .collect(Collectors.joining(", "));
    } else if (e.getCause() instanceof IllegalArgumentException cause) {
      what = cause.getMessage();
    } else {
      what = e.getOriginalMessage();
    }
    return where + ": " + what;
  }
}
