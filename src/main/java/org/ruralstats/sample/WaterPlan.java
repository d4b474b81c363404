package org.ruralstats.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.ruralstats.sample.Geography.Village;

/**
 * Drinking-water projects of 2023 and 2024 with the villages they serve, split so that count,
 * investment and beneficiaries of each type come out exactly.
 */
final class WaterPlan {

  static final String MAINT = "maintenance";
  static final String QUALITY = "quality_upgrade";
  static final String CONSOL = "consolidation";

  /** A project's benefit to one village. */
  record Served(Village village, int beneficiaries) {}

  static final class Project {
    final String id;
    final int year;
    final String type;
    String status;
    int investmentCents;
    final List<Served> villages = new ArrayList<>();

    /** as the 2023 file showed it, when the 2024 file restates the project differently */
    String originalStatus;

    int originalCents = -1;

    Project(String id, int year, String type) {
      this.id = id;
      this.year = year;
      this.type = type;
    }
  }

  final List<Project> projects = new ArrayList<>();

  /** 2023 projects that the 2024 file restates (status or investment updated). */
  final List<Project> restated = new ArrayList<>();

  static final String ORPHAN_PROJECT = "XXSL-2025-GG-01";

  private final Population pop;
  private final SplittableRandom r;

  private final int[][] people;

  private WaterPlan(Population pop, SplittableRandom r) {
    this.pop = pop;
    this.r = r;
    this.people = new int[2][pop.geo.villages.size()];
    for (Household h : pop.households) {
      people[0][h.village.index] += h.size(2023);
      people[1][h.village.index] += h.size(2024);
    }
  }

  static WaterPlan plan(Population pop, SplittableRandom r) {
    WaterPlan w = new WaterPlan(pop, r);
    for (int year : new int[] {2023, 2024}) {
      YearTargets t = YearTargets.of(year);
      w.type(year, MAINT, "WX", t.maint(), 5, 1, 2, 0.6, false);
      w.type(year, QUALITY, "SZ", t.quality(), 100, 0, 0, 0.9, false);
      w.type(year, CONSOL, "GG", t.consol(), 10, 1, 3, 0.5, year == 2024);
    }
    w.restate();
    return w;
  }

  private int population(Village v, int year) {
    return people[year == 2023 ? 0 : 1][v.index];
  }

  private void type(
      int year,
      String type,
      String abbr,
      YearTargets.Water target,
      int unitCents,
      int minVillages,
      int maxVillages,
      double reach,
      boolean lastWithoutVillages) {
    int n = target.projects();
    int[] units = split(target.investmentCents() / unitCents, n);
    List<Project> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Project p = new Project(String.format("XXSL-%d-%s-%02d", year, abbr, i + 1), year, type);
      p.investmentCents = units[i] * unitCents;
      list.add(p);
    }
    // Villages served and their capacity (share of the village's population).
    List<Village> villages = new ArrayList<>(pop.geo.villages);
    Draws.shuffle(villages, r);
    List<Project> owners = new ArrayList<>();
    List<Village> served = new ArrayList<>();
    List<Integer> capacity = new ArrayList<>();
    if (type.equals(QUALITY)) {
      // Large schemes: villages taken until there is room for the target, then cut by code into
      // contiguous areas, one per project.
      List<Village> chosen = new ArrayList<>();
      long room = 0;
      for (Village v : villages) {
        if (room >= target.beneficiaries() * 1.15) {
          break;
        }
        chosen.add(v);
        room += (long) (reach * population(v, year));
      }
      chosen.sort(Comparator.comparing(v -> v.code));
      for (int i = 0; i < chosen.size(); i++) {
        owners.add(list.get(i * n / chosen.size()));
        served.add(chosen.get(i));
      }
    } else {
      int next = 0;
      for (int i = 0; i < n; i++) {
        if (lastWithoutVillages && i == n - 1) {
          break;
        }
        int k = minVillages + r.nextInt(maxVillages - minVillages + 1);
        for (int j = 0; j < k; j++) {
          owners.add(list.get(i));
          served.add(villages.get(next++ % villages.size()));
        }
      }
    }
    long room = 0;
    for (Village v : served) {
      int c = (int) (reach * population(v, year));
      capacity.add(c);
      room += c;
    }
    if (room < target.beneficiaries()) {
      throw new IllegalStateException("not enough people for " + type + " " + year);
    }
    // Largest remainder: proportional to capacity, never above it.
    int[] give = new int[served.size()];
    double[] frac = new double[served.size()];
    int given = 0;
    for (int i = 0; i < give.length; i++) {
      double exact = (double) target.beneficiaries() * capacity.get(i) / room;
      give[i] = (int) Math.floor(exact);
      frac[i] = exact - give[i];
      given += give[i];
    }
    Integer[] order = new Integer[give.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(frac[b], frac[a]));
    for (int i = 0; given < target.beneficiaries(); i++) {
      give[order[i % order.length]]++;
      given++;
    }
    for (int i = 0; i < give.length; i++) {
      owners.get(i).villages.add(new Served(served.get(i), give[i]));
    }
    for (Project p : list) {
      p.villages.sort(Comparator.comparing(s -> s.village().code));
      p.status =
          year == 2023 || !type.equals(CONSOL)
              ? "completed"
              : r.nextDouble() < 0.7 ? "planned" : "in_progress";
      if (lastWithoutVillages && p == list.get(n - 1)) {
        p.status = "planned";
      }
    }
    projects.addAll(list);
  }

  /** Splits {@code total} units into {@code n} positive parts of uneven size. */
  private int[] split(int total, int n) {
    double[] w = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      w[i] = 0.4 + r.nextDouble();
      sum += w[i];
    }
    int[] out = new int[n];
    int given = 0;
    for (int i = 0; i < n; i++) {
      out[i] = Math.max(1, (int) Math.floor(total * w[i] / sum));
      given += out[i];
    }
    for (int i = 0; given < total; i = (i + 1) % n) {
      out[i]++;
      given++;
    }
    for (int i = 0; given > total; i = (i + 1) % n) {
      if (out[i] > 1) {
        out[i]--;
        given--;
      }
    }
    return out;
  }

  /** Three 2023 consolidation projects finished late; one 2023 maintenance figure was mistyped. */
  private void restate() {
    int consol = 0;
    for (Project p : projects) {
      if (p.year == 2023 && p.type.equals(CONSOL) && consol < 3) {
        p.originalStatus = "in_progress";
        restated.add(p);
        consol++;
      }
    }
    for (Project p : projects) {
      if (p.year == 2023 && p.type.equals(MAINT)) {
        p.originalCents = p.investmentCents + 150;
        restated.add(p);
        break;
      }
    }
  }
}
