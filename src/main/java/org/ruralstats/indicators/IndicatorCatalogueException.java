package org.ruralstats.indicators;

import java.util.List;

/**
 * The indicator catalogue cannot be used: it is not valid YAML, does not match the catalogue's
 * format, or breaks one of its rules. The message lists every problem found, each naming the entry
 * (e.g. {@code indicator #3 INS_COVERAGE}) and what to change.
 */
public final class IndicatorCatalogueException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String origin;
  private final List<String> problems;

  /**
   * @param origin where the catalogue was read from (a path or {@code classpath:…})
   * @param problems one message per problem, each naming its entry
   */
  public IndicatorCatalogueException(String origin, List<String> problems) {
    super(render(origin, problems));
    this.origin = origin;
    this.problems = List.copyOf(problems);
  }

  /** Where the catalogue was read from. */
  public String origin() {
    return origin;
  }

  /** The problems found, one message each. */
  public List<String> problems() {
    return problems;
  }

  private static String render(String origin, List<String> problems) {
    StringBuilder text =
        new StringBuilder("Indicator catalogue ")
            .append(origin)
            .append(" is invalid (")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems")
            .append("); correct the entries below and rerun:");
    for (String problem : problems) {
      text.append("\n  - ").append(problem);
    }
    return text.toString();
  }
}
