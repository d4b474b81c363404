package org.ruralstats.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate's numerator or denominator as the catalogue declares it: the codes of count indicators of
 * the rate's fact, joined by {@code +} or {@code -} ({@code INS_ENROLLED}, {@code MON_PERSONS -
 * MON_ACTIVE_PERSONS}). The rate is computed from the very aggregates of those counts, so a rate
 * and the counts it is published beside cannot drift apart (Deequ's metrics declared once, ratios
 * derived).
 *
 * @param terms the codes in order, each with its sign (the first is always added)
 */
record RateFormula(List<Term> terms) {

  private static final Pattern WHOLE =
      Pattern.compile("\\s*[A-Z][A-Z0-9_]*(\\s*[+-]\\s*[A-Z][A-Z0-9_]*)*\\s*");
  private static final Pattern TERM = Pattern.compile("([+-]?)\\s*([A-Z][A-Z0-9_]*)");

  /**
   * One code of a formula.
   *
   * @param subtracted whether it is subtracted ({@code - CODE}) rather than added
   * @param code the count indicator's code
   */
  record Term(boolean subtracted, String code) {}

  /** The formula of {@code text}, or empty when it is not codes joined by + or -. */
  static Optional<RateFormula> parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      return Optional.empty();
    }
    List<Term> terms = new ArrayList<>();
    Matcher m = TERM.matcher(text);
    while (m.find()) {
      terms.add(new Term(m.group(1).equals("-"), m.group(2)));
    }
    return Optional.of(new RateFormula(List.copyOf(terms)));
  }

  /** The codes of the formula, in order. */
  List<String> codes() {
    return terms.stream().map(Term::code).toList();
  }

  /**
   * The formula as Spark SQL: each code replaced by its count's aggregate expression, which stands
   * in parentheses unless it is one function call ({@code COUNT_IF(safe)}, {@code COUNT(*)}).
   *
   * @param aggregateOf a count's aggregate expression by code
   */
  String sql(Function<String, String> aggregateOf) {
    StringBuilder sql = new StringBuilder();
    for (Term term : terms) {
      if (!sql.isEmpty()) {
        sql.append(term.subtracted() ? " - " : " + ");
      }
      String aggregate = aggregateOf.apply(term.code()).strip();
      sql.append(oneCall(aggregate) ? aggregate : "(" + aggregate + ")");
    }
    return sql.toString();
  }

  /** Whether the expression is one call: a name, then parentheses closing at its very end. */
  static boolean oneCall(String expression) {
    int open = expression.indexOf('(');
    if (open <= 0
        || !expression.substring(0, open).strip().matches("[A-Za-z_][A-Za-z0-9_]*")
        || !expression.endsWith(")")) {
      return false;
    }
    int depth = 0;
    boolean quoted = false;
    for (int i = open; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')' && --depth == 0) {
        return i == expression.length() - 1;
      }
    }
    return false;
  }
}
