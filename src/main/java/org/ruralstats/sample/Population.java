package org.ruralstats.sample;

import static org.ruralstats.sample.Draws.between;
import static org.ruralstats.sample.Draws.draw;
import static org.ruralstats.sample.Draws.pick;
import static org.ruralstats.sample.Draws.shuffle;
import static org.ruralstats.sample.Draws.sizes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.ruralstats.sample.Geography.Village;
import org.ruralstats.sample.Household.Cohort;
import org.ruralstats.sample.Household.MonitorType;

/**
 * The residents of the sample: households with their members, who is present in which year, who is
 * on the roster (alleviated, monitored) and each person's insurance row per year. Everything the
 * roster and insurance figures depend on is fixed here, by construction.
 *
 * <p>The records are {@link Household}, {@link Person}, {@link Insurance} and {@link HousingYear};
 * the members of a household are drawn by {@link HouseholdMembers}, the insurance rows planned by
 * {@link InsurancePlan}.
 */
final class Population {

  static final int Y23 = 2023;
  static final int Y24 = 2024;

  // Monitored cohorts: {households, persons}. 2024: OLD+NEW23+NEW24 = 3021 households, 6937
  // persons, of them NEW24 = 367/839 new. 2023: OLD+NEW23+both DROPs = 2748/6305, of them
  // NEW23+NEW23_DROP = 341/782 new.
  static final int[][] COHORT_SIZES = {
    {2329, 5353}, // OLD
    {325, 745}, // NEW23
    {16, 37}, // NEW23_DROP
    {78, 170}, // OLD_DROP
    {367, 839}, // NEW24
  };
  private static final Cohort[] COHORTS = {
    Cohort.OLD, Cohort.NEW23, Cohort.NEW23_DROP, Cohort.OLD_DROP, Cohort.NEW24
  };

  /** 史家山村's 12 monitored households of 2024: 8 old, 3 identified 2023, 1 identified 2024. */
  private static final int[] SHIJIASHAN_MONITORED = {8, 3, 0, 0, 1};

  private static final double[] MONITORED_SIZE_W = {0.30, 0.32, 0.18, 0.12, 0.06, 0.02};
  private static final double[] GENERAL_SIZE_W = {0.18, 0.30, 0.20, 0.17, 0.10, 0.05};

  static final int MOVED_OUT_HOUSEHOLDS = 150;
  static final int MOVED_IN_HOUSEHOLDS = 480;
  static final int DEATHS = 1300;
  static final int BIRTHS = 2100;

  /** Alleviated persons outside the monitored households, present in 2024 (approximately). */
  static final int ALLEVIATED_ONLY_2024 = 67600;

  static final LocalDate END23 = LocalDate.of(2023, 12, 31);

  final Geography geo;
  final List<Household> households = new ArrayList<>();
  final List<Person> persons = new ArrayList<>();
  final Set<String> ids = new HashSet<>();

  /** IDs issued by other counties of the sample, never issued here (except when shared). */
  private final IssuedIds elsewhere;

  private Population(Geography geo, IssuedIds elsewhere) {
    this.geo = geo;
    this.elsewhere = elsewhere;
  }

  /** Xing County's residents. */
  static Population build(long seed) {
    return build(Geography.get(), seed, IssuedIds.none());
  }

  /** The residents of {@code geo}, none with an ID of {@code elsewhere}. */
  static Population build(Geography geo, long seed, IssuedIds elsewhere) {
    Population pop = new Population(geo, elsewhere);
    pop.generate(new SplittableRandom(seed));
    return pop;
  }

  private void generate(SplittableRandom r) {
    Village sjs = geo.shijiashan;
    List<List<Household>> byVillage = new ArrayList<>();
    for (int i = 0; i < geo.villages.size(); i++) {
      byVillage.add(new ArrayList<>());
    }
    double[] cumulative = new double[geo.villages.size()];
    double acc = 0;
    for (Village v : geo.villages) {
      acc += v == sjs ? 0 : v.basePersons;
      cumulative[v.index] = acc;
    }

    // 1. Monitored households, cohort by cohort.
    Household unmatched = null;
    for (int c = 0; c < COHORTS.length; c++) {
      int[] sizes = sizes(r, COHORT_SIZES[c][0], COHORT_SIZES[c][1], MONITORED_SIZE_W);
      if (COHORTS[c] == Cohort.NEW23) {
        ensureSize3(sizes);
      }
      for (int i = 0; i < sizes.length; i++) {
        Household h = new Household();
        h.cohort = COHORTS[c];
        h.fixed = true;
        h.sizeAtStart = sizes[i];
        h.village = i < SHIJIASHAN_MONITORED[c] ? sjs : geo.villages.get(pick(cumulative, acc, r));
        double t = r.nextDouble();
        h.type =
            t < 0.36
                ? MonitorType.UNSTABLE_ALLEVIATED
                : t < 0.80 ? MonitorType.MARGINAL : MonitorType.SUDDEN_HARDSHIP;
        h.alleviated =
            h.type == MonitorType.UNSTABLE_ALLEVIATED
                || (h.type == MonitorType.SUDDEN_HARDSHIP && r.nextDouble() < 0.15);
        if (unmatched == null
            && h.cohort == Cohort.NEW23
            && h.sizeAtStart == 3
            && h.village != sjs) {
          unmatched = h;
          h.type = MonitorType.SUDDEN_HARDSHIP;
          h.alleviated = false;
          h.uninsured2023 = true;
        }
        monitoringDates(h, r);
        if (h == unmatched) {
          h.identified = LocalDate.of(2023, 12, 18);
          h.eliminated = null;
        }
        byVillage.get(h.village.index).add(h);
      }
    }
    if (unmatched == null || unmatched.sizeAtStart != YearTargets.Y2023.monitoredUnmatched()) {
      throw new IllegalStateException("no household for the unmatched 2023 monitored persons");
    }

    // 2. Ordinary households fill each village up to its base population.
    for (Village v : geo.villages) {
      List<Household> list = byVillage.get(v.index);
      int special = 0;
      for (Household h : list) {
        special += h.sizeAtStart;
      }
      int remaining = v.basePersons - special;
      int n =
          v == sjs
              ? Geography.SHIJIASHAN_HOUSEHOLDS - list.size()
              : Math.max(1, (int) Math.round(remaining / 2.86));
      int[] sizes = sizes(r, n, remaining, GENERAL_SIZE_W);
      for (int s : sizes) {
        Household h = new Household();
        h.village = v;
        h.sizeAtStart = s;
        h.fixed = v == sjs;
        list.add(h);
      }
      shuffle(list, r);
      int seq = 1;
      for (Household h : list) {
        h.id = "HH" + v.code + pad4(seq++);
        households.add(h);
      }
    }

    // 3. Members with ages.
    for (Household h : households) {
      HouseholdMembers.make(h, r);
    }

    // 4. Presence: dropped cohorts left, some households moved out or in, deaths, births.
    for (Household h : households) {
      if (h.cohort == Cohort.NEW23_DROP || h.cohort == Cohort.OLD_DROP) {
        h.members.forEach(p -> p.presence = 1);
      }
    }
    List<Household> movable = new ArrayList<>();
    for (Household h : households) {
      if (!h.fixed) {
        movable.add(h);
      }
    }
    shuffle(movable, r);
    for (int i = 0; i < MOVED_OUT_HOUSEHOLDS + MOVED_IN_HOUSEHOLDS; i++) {
      int presence = i < MOVED_OUT_HOUSEHOLDS ? 1 : 2;
      movable.get(i).members.forEach(p -> p.presence = presence);
    }
    List<Household> settled =
        movable.subList(MOVED_OUT_HOUSEHOLDS + MOVED_IN_HOUSEHOLDS, movable.size());
    List<Person> elderly = new ArrayList<>();
    for (Household h : settled) {
      if (h.members.size() >= 2) {
        for (Person p : h.members) {
          if (p.ageOn(END23) >= 72) {
            elderly.add(p);
          }
        }
      }
    }
    shuffle(elderly, r);
    for (int i = 0; i < DEATHS; i++) {
      elderly.get(i).presence = 1;
    }
    List<Household> parents = new ArrayList<>();
    for (Household h : settled) {
      if (h.members.size() < 6) {
        for (Person p : h.members) {
          int a = p.ageOn(END23);
          if (a >= 20 && a <= 40 && p.presence == 3) {
            parents.add(h);
            break;
          }
        }
      }
    }
    shuffle(parents, r);
    for (int i = 0; i < BIRTHS; i++) {
      Household h = parents.get(i);
      LocalDate birth = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(335));
      Person baby = new Person(-1, h, r.nextBoolean(), birth);
      baby.presence = 2;
      h.members.add(baby);
    }

    // 5. Person order, IDs and per-person random draws.
    for (Household h : households) {
      for (Person p : h.members) {
        p.index = persons.size();
        persons.add(p);
      }
    }
    for (Person p : persons) {
      p.id = newId(p, r);
      p.u = r.nextDouble();
      p.u2 = r.nextDouble();
      p.eduU = r.nextDouble();
      p.eduU2 = r.nextDouble();
      p.eduU3 = r.nextDouble();
      double t = r.nextDouble();
      p.track = t < 0.58 ? 0 : t < 0.85 ? 1 : 2;
    }

    // 6. Alleviated (脱贫) ordinary households, poorer townships first on average.
    List<Household> ordinary = new ArrayList<>();
    int k = 0;
    for (Household h : households) {
      if (h.cohort == Cohort.NONE) {
        ordinary.add(h);
      }
    }
    double[] keys = new double[ordinary.size()];
    for (Household h : ordinary) {
      keys[k++] = r.nextDouble() / h.village.township.povertyRate;
    }
    Integer[] order = new Integer[ordinary.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> keys[i]));
    int alleviated = 0;
    for (Integer i : order) {
      if (alleviated >= ALLEVIATED_ONLY_2024) {
        break;
      }
      Household h = ordinary.get(i);
      h.alleviated = true;
      alleviated += h.size(Y24);
    }

    // 7. Insurance rows of both years.
    InsurancePlan.plan(persons, YearTargets.Y2023, r);
    InsurancePlan.plan(persons, YearTargets.Y2024, r);
  }

  static String pad4(int n) {
    String s = String.valueOf(n);
    return "0000".substring(Math.min(4, s.length())) + s;
  }

  private static void ensureSize3(int[] s) {
    for (int v : s) {
      if (v == 3) {
        return;
      }
    }
    for (int i = 0; i < s.length; i++) {
      if (s[i] < 3) {
        for (int j = 0; j < s.length; j++) {
          if (s[j] > 3) {
            s[i]++;
            s[j]--;
            ensureSize3(s);
            return;
          }
        }
      }
    }
    throw new IllegalStateException("no household of 3");
  }

  private static void monitoringDates(Household h, SplittableRandom r) {
    LocalDate end24 = LocalDate.of(2024, 11, 30);
    switch (h.cohort) {
      case OLD, OLD_DROP ->
          h.identified = between(LocalDate.of(2020, 7, 1), LocalDate.of(2022, 12, 20), r);
      case NEW23 -> h.identified = between(LocalDate.of(2023, 1, 5), LocalDate.of(2023, 12, 10), r);
      case NEW23_DROP ->
          h.identified = between(LocalDate.of(2023, 1, 5), LocalDate.of(2023, 10, 31), r);
      case NEW24 -> h.identified = between(LocalDate.of(2024, 1, 5), end24, r);
      default -> throw new IllegalStateException();
    }
    double t = r.nextDouble();
    switch (h.cohort) {
      case OLD -> {
        if (t < 0.62) {
          h.eliminated = between(h.identified.plusDays(180), end24, r);
        }
      }
      case NEW23 -> {
        if (t < 0.30) {
          LocalDate from = h.identified.plusDays(120);
          if (from.isBefore(LocalDate.of(2024, 1, 15))) {
            from = LocalDate.of(2024, 1, 15);
          }
          h.eliminated = between(from, end24, r);
        }
      }
      case NEW24 -> {
        LocalDate from = h.identified.plusDays(60);
        if (t < 0.03 && from.isBefore(LocalDate.of(2024, 12, 20))) {
          h.eliminated = between(from, LocalDate.of(2024, 12, 20), r);
        }
      }
      case OLD_DROP, NEW23_DROP -> {
        LocalDate from = h.identified.plusDays(150);
        if (t < 0.5 && from.isBefore(LocalDate.of(2023, 11, 30))) {
          h.eliminated = between(from, LocalDate.of(2023, 11, 30), r);
        }
      }
      default -> throw new IllegalStateException();
    }
  }

  /** Weights of {@link Geography#idAreas}: own code, former code, three other places. */
  private static final double[] AREA_W = {0.86, 0.07, 0.03, 0.02, 0.02};

  private String newId(Person p, SplittableRandom r) {
    String area = geo.idAreas[draw(AREA_W, r)];
    if (area.equals(geo.idAreas[1]) && p.birth.getYear() >= 2001) {
      area = geo.areaCode;
    }
    for (int attempt = 0; ; attempt++) {
      int seq = 2 * r.nextInt(500) + (p.male ? 1 : 0);
      if (seq == 0) {
        seq = 2;
      }
      String id = ResidentId.of(attempt < 50 ? area : geo.areaCode, p.birth, seq);
      if (!elsewhere.contains(id) && ids.add(id)) {
        return id;
      }
    }
  }

  /**
   * A valid ID (for the sample's bad rows) that no resident has: the highest free sequence number
   * of the birth date. Reads only, so it may be called from several threads.
   */
  String freshId(LocalDate birth, boolean male) {
    for (int seq = male ? 999 : 998; seq > 0; seq -= 2) {
      String id = ResidentId.of(geo.areaCode, birth, seq);
      if (!ids.contains(id) && !elsewhere.contains(id)) {
        return id;
      }
    }
    throw new IllegalStateException("no free ID for " + birth);
  }
}
