package org.ruralstats.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The resident ID numbers the counties generated so far have issued, so that a later county of a
 * multi-county sample never issues one of them by chance: the only persons on two counties' rolls
 * are the ones shared on purpose. Held as one sorted {@code long[]} of the first 17 digits per
 * county (about 1.7 MB per county).
 */
final class IssuedIds {

  private final List<long[]> counties = new ArrayList<>();

  /** No IDs: what the first (or only) county is checked against. */
  static IssuedIds none() {
    return new IssuedIds();
  }

  /** Adds every ID of {@code pop}. */
  void addAll(Population pop) {
    long[] a = new long[pop.persons.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = key(pop.persons.get(i).id);
    }
    Arrays.sort(a);
    counties.add(a);
  }

  boolean contains(String id) {
    if (counties.isEmpty()) {
      return false;
    }
    long k = key(id);
    for (long[] a : counties) {
      if (Arrays.binarySearch(a, k) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static long key(String id) {
    return Long.parseLong(id.substring(0, 17));
  }
}
