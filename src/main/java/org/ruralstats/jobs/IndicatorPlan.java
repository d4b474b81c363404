package org.ruralstats.jobs;

import java.util.List;

/**
 * What a run's indicator stage computes: nothing (no clean table changed), some fact groups (the
 * groups that read a changed clean table, their indicators' rows replaced), or the whole catalogue.
 *
 * @param facts the fact groups to compute, in catalogue order (every group when {@code full})
 * @param full whether the whole indicator table is replaced
 * @param groups how many fact groups the catalogue has
 * @param reason why, in words for the run's console
 */
public record IndicatorPlan(List<String> facts, boolean full, int groups, String reason) {

  /** A plan; the fact list is copied. */
  public IndicatorPlan {
    facts = List.copyOf(facts);
  }

  /** The whole catalogue, for {@code reason}. */
  public static IndicatorPlan full(List<String> allFacts, String reason) {
    return new IndicatorPlan(allFacts, true, allFacts.size(), reason);
  }

  /** Nothing to compute: the published table stands. */
  public static IndicatorPlan nothing(int groups, String reason) {
    return new IndicatorPlan(List.of(), false, groups, reason);
  }

  /** Whether there is nothing to compute. */
  public boolean isNothing() {
    return facts.isEmpty();
  }

  /** One line for the run's console, e.g. "2 of 9 groups (insurance, priority_insurance): …". */
  public String describe() {
    if (isNothing()) {
      return "unchanged: " + reason;
    }
    if (full) {
      return "all " + groups + " groups: " + reason;
    }
    return facts.size() + " of " + groups + " groups (" + String.join(", ", facts) + "): " + reason;
  }
}
