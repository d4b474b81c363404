package org.ruralstats.indicators;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which clean tables and shared views each part of a catalogue reads, so that a run after a change
 * to some clean tables recomputes only the fact groups that read them.
 *
 * <p>A name counts as read when it occurs in the part's SQL as a whole word (letters, digits and
 * underscores on neither side), wherever it occurs: in a comment or a string too. That can only
 * name more tables than the SQL reads, never fewer, so a group is at worst recomputed without need,
 * never left stale. A catalogue name is a plain lower-case SQL name ({@link CatalogueValidator}),
 * so this is the way the statement refers to it ({@link IndicatorSql#bindings}).
 */
public final class CatalogueDependencies {

  private CatalogueDependencies() {}

  /**
   * The clean tables a fact group reads directly (not through a shared view): those named in its
   * fact view's SQL or in its indicators' expressions, and its driving source (the years of its
   * spine).
   */
  public static Set<String> sourcesOf(IndicatorCatalogue catalogue, FactView fact) {
    Set<String> read = new LinkedHashSet<>();
    read.add(fact.drivingSource());
    read.addAll(namesIn(textOf(catalogue, fact), catalogue.sources().keySet()));
    return read;
  }

  /** The clean tables a shared view's SQL names. */
  public static Set<String> sourcesOf(IndicatorCatalogue catalogue, CatalogueView view) {
    return namesIn(view.sql(), catalogue.sources().keySet());
  }

  /**
   * The catalogue with only the named fact groups and their indicators (every source and shared
   * view kept): computing it gives exactly the rows of those groups' indicators, as the whole
   * catalogue does (each indicator's rows depend on its own group only).
   */
  public static IndicatorCatalogue withFacts(
      IndicatorCatalogue catalogue, Collection<String> factNames) {
    List<FactView> facts =
        catalogue.facts().stream().filter(f -> factNames.contains(f.name())).toList();
    List<IndicatorDefinition> indicators =
        catalogue.indicators().stream().filter(i -> factNames.contains(i.fact())).toList();
    return new IndicatorCatalogue(catalogue.sources(), catalogue.views(), facts, indicators);
  }

  /** The names of {@code names} that occur in {@code sql} as whole words, in the order given. */
  static Set<String> namesIn(String sql, Collection<String> names) {
    Set<String> found = new LinkedHashSet<>();
    for (String name : names) {
      if (Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])")
          .matcher(sql)
          .find()) {
        found.add(name);
      }
    }
    return found;
  }

  private static String textOf(IndicatorCatalogue catalogue, FactView fact) {
    StringBuilder text = new StringBuilder(fact.sql());
    for (IndicatorDefinition indicator : catalogue.indicatorsOf(fact.name())) {
      text.append('\n').append(catalogue.numeratorSql(indicator));
      if (indicator.denominator() != null) {
        text.append('\n').append(catalogue.denominatorSql(indicator));
      }
    }
    return text.toString();
  }
}
