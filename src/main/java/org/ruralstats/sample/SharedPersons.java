package org.ruralstats.sample;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Persons on two counties' rolls in a multi-county sample: {@link #PER_COUNTY} residents of every
 * synthetic county carry the ID number of a resident of the county before it (same birth date and
 * sex, present in both years in both counties). Where it can, a person on the neighbour's 2024
 * roster (alleviated or monitored) takes the place of a person on this county's 2024 roster, so the
 * shared persons show up in the roster as well as in insurance, education and aid. Only IDs change,
 * so every county figure stays as it was.
 */
final class SharedPersons {

  /** Persons of each synthetic county also listed by the county before it. */
  static final int PER_COUNTY = 600;

  private SharedPersons() {}

  /** A resident of the neighbour county that may also be listed by the next county. */
  record Candidate(String id, LocalDate birth, boolean male, boolean onRoster) {}

  /** What was shared: how many persons, how many of them on both counties' 2024 roster. */
  record Shared(int persons, int onBothRosters) {}

  /**
   * Residents of {@code pop} present in both years whose ID has the county's own area code, in a
   * random order drawn from {@code r}; three times as many as needed, so enough of them find a
   * match.
   */
  static List<Candidate> candidates(Population pop, SplittableRandom r) {
    List<Person> eligible = new ArrayList<>();
    for (Person p : pop.persons) {
      if (p.presence == 3 && p.id.startsWith(pop.geo.areaCode)) {
        eligible.add(p);
      }
    }
    int n = Math.min(eligible.size(), 3 * PER_COUNTY);
    List<Candidate> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int j = i + r.nextInt(eligible.size() - i);
      Person p = eligible.get(j);
      eligible.set(j, eligible.get(i));
      eligible.set(i, p);
      out.add(new Candidate(p.id, p.birth, p.male, p.household.onRoster(Population.Y24)));
    }
    return out;
  }

  /**
   * Gives {@link #PER_COUNTY} residents of {@code pop} (present in both years, same birth date and
   * sex, the same roster status where possible) the IDs of {@code candidates}, in their order.
   */
  static Shared share(Population pop, List<Candidate> candidates) {
    Map<String, ArrayDeque<Person>> byKey = new HashMap<>();
    for (Person p : pop.persons) {
      if (p.presence == 3 && p.id.startsWith(pop.geo.areaCode)) {
        byKey
            .computeIfAbsent(
                key(p.birth, p.male, p.household.onRoster(Population.Y24)), k -> new ArrayDeque<>())
            .add(p);
      }
    }
    int shared = 0;
    int bothRosters = 0;
    for (Candidate c : candidates) {
      if (shared == PER_COUNTY) {
        break;
      }
      ArrayDeque<Person> same = byKey.get(key(c.birth(), c.male(), c.onRoster()));
      if (same == null || same.isEmpty()) {
        same = byKey.get(key(c.birth(), c.male(), !c.onRoster()));
      }
      if (same == null || same.isEmpty()) {
        continue;
      }
      Person p = same.poll();
      pop.ids.remove(p.id);
      p.id = c.id();
      pop.ids.add(p.id);
      shared++;
      if (c.onRoster() && p.household.onRoster(Population.Y24)) {
        bothRosters++;
      }
    }
    if (shared < PER_COUNTY) {
      throw new IllegalStateException(
          "only "
              + shared
              + " of "
              + PER_COUNTY
              + " shared persons found a match in "
              + pop.geo.countyCode);
    }
    return new Shared(shared, bothRosters);
  }

  private static String key(LocalDate birth, boolean male, boolean onRoster) {
    return birth + (male ? "M" : "F") + (onRoster ? "R" : "-");
  }
}
