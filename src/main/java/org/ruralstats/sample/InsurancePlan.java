package org.ruralstats.sample;

import static org.ruralstats.sample.Draws.between;
import static org.ruralstats.sample.Draws.draw;
import static org.ruralstats.sample.Population.Y23;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans every resident's insurance row of a year ({@link Person#ins23}, {@link Person#ins24}) so
 * that the county's insurance figures of {@link YearTargets} come out exactly.
 */
final class InsurancePlan {

  private static final int[][] SUBSIDY_CENTS = {
    {17500, 24500, 35000}, // 2023 (premium 350 yuan)
    {19000, 26600, 38000}, // 2024 (premium 380 yuan)
  };
  private static final double[] SUBSIDY_W = {0.60, 0.25, 0.15};

  private InsurancePlan() {}

  /**
   * Decides every insurance row of a year so that the county figures come out exactly: the
   * monitored and alleviated members that are required are all enrolled and subsidised, the rest of
   * the required and enrolled counts come from the residents outside both groups.
   */
  static void plan(List<Person> persons, YearTargets t, SplittableRandom r) {
    int year = t.year();
    List<Person> ma = new ArrayList<>();
    List<Person> mo = new ArrayList<>();
    List<Person> ao = new ArrayList<>();
    List<Person> g0 = new ArrayList<>();
    int unmatched = 0;
    for (Person p : persons) {
      if (!p.in(year)) {
        continue;
      }
      Household h = p.household;
      if (year == Y23 && h.uninsured2023) {
        unmatched++;
        continue;
      }
      if (h.monitoredIn(year)) {
        (h.alleviated ? ma : mo).add(p);
      } else if (h.alleviated) {
        ao.add(p);
      } else {
        g0.add(p);
      }
    }
    if (unmatched != t.monitoredUnmatched()) {
      throw new IllegalStateException("unmatched " + unmatched);
    }
    int monitored = ma.size() + mo.size() + unmatched;
    if (monitored != t.monPersons()) {
      throw new IllegalStateException(year + ": monitored persons " + monitored);
    }
    int reqMa =
        (int)
            Math.round((double) ma.size() * t.monitoredInsuredRequired() / (ma.size() + mo.size()));
    int reqMo = t.monitoredInsuredRequired() - reqMa;
    int reqAo = t.alleviatedRequired() - reqMa;
    int groupRequired = reqMa + reqMo + reqAo;
    int reqG0 = t.insRequired() - groupRequired;
    int enrG0 = t.insEnrolled() - groupRequired;
    check(year, "monitored+alleviated", reqMa, ma.size());
    check(year, "monitored only", reqMo, mo.size());
    check(year, "alleviated only", reqAo, ao.size());
    check(year, "others", reqG0, g0.size());
    check(year, "others enrolled", enrG0, reqG0);

    int[] subsidy = SUBSIDY_CENTS[year == Y23 ? 0 : 1];
    for (List<Person> group : List.of(ma, mo, ao)) {
      int k = group == ma ? reqMa : group == mo ? reqMo : reqAo;
      List<Person> sorted = byU(group);
      for (int i = 0; i < sorted.size(); i++) {
        Person p = sorted.get(i);
        Insurance in = new Insurance();
        in.required = i < k;
        if (in.required) {
          in.enrolled = true;
          in.subsidyCents = subsidy[draw(SUBSIDY_W, r)];
        } else {
          in.enrolled = r.nextDouble() < 0.12;
        }
        finish(p, in, year, r);
      }
    }
    List<Person> sorted = byU(g0);
    List<Person> required = sortedBy(sorted.subList(0, reqG0), p -> p.u2);
    for (int i = 0; i < required.size(); i++) {
      Person p = required.get(i);
      Insurance in = new Insurance();
      in.required = true;
      in.enrolled = i < enrG0;
      if (in.enrolled && r.nextDouble() < 0.02) {
        in.subsidyCents = subsidy[draw(SUBSIDY_W, r)];
      }
      finish(p, in, year, r);
    }
    for (Person p : sorted.subList(reqG0, sorted.size())) {
      Insurance in = new Insurance();
      in.enrolled = r.nextDouble() < 0.12;
      finish(p, in, year, r);
    }
  }

  private static void check(int year, String what, int k, int available) {
    if (k < 0 || k > available) {
      throw new IllegalStateException(
          year + ": cannot choose " + k + " required persons among " + available + " " + what);
    }
  }

  private static List<Person> byU(List<Person> group) {
    return sortedBy(group, p -> p.u);
  }

  private static void finish(Person p, Insurance in, int year, SplittableRandom r) {
    if (in.enrolled) {
      in.employee = r.nextDouble() < (in.required ? 0.05 : 0.5);
      if (p.birth.getYear() == year) {
        in.enrollDate = p.birth.plusDays(3 + r.nextInt(58));
        if (in.enrollDate.getYear() > year) {
          in.enrollDate = LocalDate.of(year, 12, 31);
        }
      } else if (r.nextDouble() < 0.78) {
        in.enrollDate = between(LocalDate.of(year - 1, 9, 1), LocalDate.of(year - 1, 12, 31), r);
      } else {
        in.enrollDate = between(LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30), r);
      }
    }
    if (year == Y23) {
      p.ins23 = in;
    } else {
      p.ins24 = in;
    }
  }

  /**
   * Sorts persons by a key in [0, 1), ties broken by index, using primitive sorting (fast and
   * deterministic).
   */
  static List<Person> sortedBy(
      List<Person> group, java.util.function.ToDoubleFunction<Person> key) {
    long[] k = new long[group.size()];
    for (int i = 0; i < k.length; i++) {
      Person p = group.get(i);
      k[i] = ((long) (key.applyAsDouble(p) * (1L << 40)) << 22) | i;
    }
    java.util.Arrays.sort(k);
    List<Person> out = new ArrayList<>(k.length);
    for (long v : k) {
      out.add(group.get((int) (v & ((1L << 22) - 1))));
    }
    return out;
  }
}
