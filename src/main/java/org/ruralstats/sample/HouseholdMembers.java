package org.ruralstats.sample;

import static org.ruralstats.sample.Draws.draw;
import static org.ruralstats.sample.Population.END23;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Draws the members of the households of {@link Population}, as they are at the end of 2023: how
 * many, their sexes and their birth dates.
 */
final class HouseholdMembers {

  private HouseholdMembers() {}

  /** Members of a household: a head, mostly a spouse, children, sometimes a parent. */
  static void make(Household h, SplittableRandom r) {
    int size = h.sizeAtStart;
    int head;
    if (size == 1) {
      head = r.nextDouble() < 0.68 ? 60 + r.nextInt(33) : 22 + r.nextInt(38);
    } else {
      int band = draw(new double[] {0.14, 0.20, 0.22, 0.22, 0.22}, r);
      head =
          switch (band) {
            case 0 -> 22 + r.nextInt(13);
            case 1 -> 35 + r.nextInt(10);
            case 2 -> 45 + r.nextInt(10);
            case 3 -> 55 + r.nextInt(10);
            default -> 65 + r.nextInt(21);
          };
    }
    boolean headMale = r.nextDouble() < 0.8;
    add(h, headMale, head, r);
    boolean parentAdded = false;
    for (int k = 1; k < size; k++) {
      if (k == 1 && r.nextDouble() < 0.85) {
        add(h, !headMale, clamp(head + r.nextInt(9) - 4, 20, 95), r);
      } else if (head <= 58) {
        if (!parentAdded && head <= 55 && r.nextDouble() < 0.12) {
          parentAdded = true;
          add(h, r.nextBoolean(), Math.min(96, head + 22 + r.nextInt(9)), r);
        } else {
          int lo = Math.max(0, head - 40);
          int hi = Math.max(0, head - 21);
          add(h, r.nextDouble() < 0.51, lo + r.nextInt(hi - lo + 1), r);
        }
      } else if (r.nextBoolean()) {
        add(h, r.nextDouble() < 0.51, head - 35 + r.nextInt(14), r);
      } else {
        int hi = Math.min(20, Math.max(0, head - 44));
        add(h, r.nextDouble() < 0.51, r.nextInt(hi + 1), r);
      }
    }
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** Adds a member aged {@code age} at the end of 2023. */
  private static void add(Household h, boolean male, int age, SplittableRandom r) {
    int year = 2023 - age;
    LocalDate birth = LocalDate.of(year, 1, 1).plusDays(r.nextInt(365));
    if (birth.isAfter(END23)) {
      birth = END23;
    }
    h.members.add(new Person(-1, h, male, birth));
  }
}
