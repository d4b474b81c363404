package org.ruralstats.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Housing rows (one per household per year) and the household water-safety checks, with the
 * renovation tasks placed so that the task counts and 罗峪口镇's rooms come out exactly. Also picks the
 * 2024 rows that the housing correction file restates.
 */
final class HousingPlan {

  /** Rooms 0..8. */
  private static final double[] ROOM_W = {0.005, 0.06, 0.18, 0.30, 0.26, 0.12, 0.05, 0.015, 0.01};

  /** One household water check. */
  static final class Survey {
    int persons;
    boolean quantity = true;
    boolean quality = true;
    boolean convenience = true;
    boolean reliability = true;
  }

  final Map<Household, Survey> survey23 = new IdentityHashMap<>();
  final Map<Household, Survey> survey24 = new IdentityHashMap<>();

  /** 2024 rows restated by the correction file, in the order restated. */
  final List<Household> corrected = new ArrayList<>();

  /** For each restated row: the version the 2024-12-31 file carries (before correction). */
  final Map<Household, HousingYear> originals24 = new IdentityHashMap<>();

  /** A 罗峪口镇 household whose correction row is bad (rooms 120): the valid row must stay. */
  Household rooms120;

  private final Population pop;
  private final SplittableRandom r;
  private final Set<Household> tasked = Collections.newSetFromMap(new IdentityHashMap<>());

  private HousingPlan(Population pop, SplittableRandom r) {
    this.pop = pop;
    this.r = r;
  }

  static HousingPlan plan(Population pop, SplittableRandom r) {
    HousingPlan p = new HousingPlan(pop, r);
    p.baseRows();
    p.tasks();
    p.roomsOfLuoyukou(2024, YearTargets.Y2024.luoyukouRooms());
    p.roomsOfLuoyukou(2023, YearTargets.Y2023.luoyukouRooms());
    p.corrections();
    p.surveys(2023, 0.978, p.survey23);
    p.surveys(2024, 0.985, p.survey24);
    return p;
  }

  private boolean luo(Household h) {
    return h.village.township == pop.geo.luoyukou;
  }

  private void baseRows() {
    for (Household h : pop.households) {
      int base = Draws.draw(ROOM_W, r);
      double g = r.nextDouble();
      String grade = g < 0.52 ? "A" : g < 0.88 ? "B" : g < 0.885 ? "C" : g < 0.887 ? "D" : null;
      if (luo(h) && ("C".equals(grade) || "D".equals(grade))) {
        grade = "B";
      }
      if (h.in(2023)) {
        HousingYear y = new HousingYear();
        y.rooms = base >= 2 && r.nextDouble() < 0.03 ? base - 1 : base;
        y.grade = grade;
        h.housing23 = y;
      }
      if (h.in(2024)) {
        HousingYear y = new HousingYear();
        y.rooms = base;
        y.grade = grade;
        h.housing24 = y;
      }
    }
  }

  private List<Household> choose(int n, int year, Predicate<Household> ok, double otherShare) {
    List<Household> pool = new ArrayList<>(pop.households);
    Draws.shuffle(pool, r);
    List<Household> out = new ArrayList<>();
    for (Household h : pool) {
      if (out.size() == n) {
        break;
      }
      if (!h.in(year) || tasked.contains(h) || !ok.test(h)) {
        continue;
      }
      if (h.onRoster(year) || r.nextDouble() < otherShare) {
        out.add(h);
        tasked.add(h);
      }
    }
    if (out.size() != n) {
      throw new IllegalStateException("not enough households for " + n + " tasks in " + year);
    }
    return out;
  }

  private String ab() {
    return r.nextDouble() < 0.45 ? "A" : "B";
  }

  private int subsidy(boolean rebuild) {
    return rebuild ? (30000 + 500 * r.nextInt(21)) * 100 : (10000 + 500 * r.nextInt(17)) * 100;
  }

  private static String finished(SplittableRandom r, double completedShare) {
    return r.nextDouble() < completedShare ? "completed" : "accepted";
  }

  private void tasks() {
    LocalDate y24a = LocalDate.of(2024, 3, 15);
    LocalDate y24b = LocalDate.of(2024, 11, 30);
    // 罗峪口镇: three dangerous houses found at the end of 2023, renovated under the 2024 plan.
    List<Household> luoDangerous =
        choose(3, 2024, h -> luo(h) && h.in(2023) && h.onRoster(2023), 0.0);
    List<Household> plan24 = new ArrayList<>(luoDangerous);
    plan24.addAll(choose(YearTargets.Y2024.housingPlanTasks() - 3, 2024, h -> true, 0.08));
    for (int i = 0; i < plan24.size(); i++) {
      Household h = plan24.get(i);
      HousingYear y = h.housing24;
      String before = null;
      if (h.housing23 != null && (!luo(h) || i < 3)) {
        before = i < 3 ? (i == 2 ? "D" : "C") : (r.nextDouble() < 0.6 ? "C" : "D");
        h.housing23.grade = before;
      }
      y.taskSource = "plan";
      y.taskStatus = finished(r, 0.68);
      y.completion = Draws.between(y24a, y24b, r);
      y.grade = ab();
      y.subsidyCents = subsidy("D".equals(before));
    }

    // 2024 dynamic tasks: the unfinished ones (still dangerous) lie outside 罗峪口镇.
    List<Household> dyn24 = choose(YearTargets.Y2024.housingDynamicTasks(), 2024, h -> true, 0.1);
    dyn24.sort((a, b) -> Boolean.compare(!luo(a), !luo(b)));
    String[] status24 = statuses(dyn24.size(), 118, 35, 21);
    for (int i = 0; i < dyn24.size(); i++) {
      Household h = dyn24.get(i);
      HousingYear y = h.housing24;
      y.taskSource = "dynamic";
      y.taskStatus = status24[i];
      dynamicRow(y, 2024);
      if (luo(h) && y.dangerous()) {
        throw new IllegalStateException("unfinished dynamic task in 罗峪口镇");
      }
    }

    // 2023 plan and dynamic tasks; the households' 2024 rows show a safe house.
    YearTargets t23 = YearTargets.Y2023;
    List<Household> plan23 = choose(t23.housingPlanTasks(), 2023, h -> true, 0.08);
    plan23.sort((a, b) -> Boolean.compare(!luo(a), !luo(b)));
    for (int i = 0; i < plan23.size(); i++) {
      Household h = plan23.get(i);
      HousingYear y = h.housing23;
      y.taskSource = "plan";
      boolean done = i < t23.housingPlanCompleted();
      if (!done && luo(h)) {
        throw new IllegalStateException("unfinished plan task in 罗峪口镇");
      }
      y.taskStatus = done ? finished(r, 0.6) : "in_progress";
      y.completion =
          done ? Draws.between(LocalDate.of(2023, 3, 1), LocalDate.of(2023, 11, 30), r) : null;
      y.grade = done ? ab() : "D";
      y.subsidyCents = subsidy(r.nextDouble() < 0.4);
      if (h.housing24 != null) {
        h.housing24.grade = "B";
      }
    }
    List<Household> dyn23 = choose(t23.housingDynamicTasks(), 2023, h -> true, 0.1);
    dyn23.sort((a, b) -> Boolean.compare(!luo(a), !luo(b)));
    String[] status23 = statuses(dyn23.size(), 105, 40, 14);
    for (int i = 0; i < dyn23.size(); i++) {
      Household h = dyn23.get(i);
      HousingYear y = h.housing23;
      y.taskSource = "dynamic";
      y.taskStatus = status23[i];
      dynamicRow(y, 2023);
      if (luo(h) && y.dangerous()) {
        throw new IllegalStateException("unfinished dynamic task in 罗峪口镇");
      }
      if (h.housing24 != null) {
        h.housing24.grade = "B";
      }
    }
  }

  private static String[] statuses(int n, int completed, int accepted, int inProgress) {
    String[] s = new String[n];
    for (int i = 0; i < n; i++) {
      s[i] =
          i < completed
              ? "completed"
              : i < completed + accepted
                  ? "accepted"
                  : i < completed + accepted + inProgress ? "in_progress" : "not_started";
    }
    return s;
  }

  private void dynamicRow(HousingYear y, int year) {
    boolean done = y.taskStatus.equals("completed") || y.taskStatus.equals("accepted");
    if (done) {
      y.grade = ab();
      y.completion = Draws.between(LocalDate.of(year, 2, 1), LocalDate.of(year, 12, 15), r);
    } else {
      y.grade = r.nextDouble() < 0.55 ? "C" : "D";
    }
    y.subsidyCents = y.taskStatus.equals("not_started") ? -1 : subsidy(r.nextDouble() < 0.35);
  }

  /** Adjusts rooms of 罗峪口镇's households of a year so they sum to the target. */
  private void roomsOfLuoyukou(int year, int target) {
    List<HousingYear> rows = new ArrayList<>();
    int sum = 0;
    for (Household h : pop.households) {
      HousingYear y = h.housing(year);
      if (luo(h) && y != null) {
        rows.add(y);
        sum += y.rooms;
      }
    }
    int guard = 0;
    while (sum != target) {
      HousingYear y = rows.get(r.nextInt(rows.size()));
      if (sum < target && y.rooms < 8) {
        y.rooms++;
        sum++;
      } else if (sum > target && y.rooms > 1) {
        y.rooms--;
        sum--;
      }
      if (++guard > 10_000_000) {
        throw new IllegalStateException("cannot reach " + target + " rooms in 罗峪口镇");
      }
    }
  }

  private void corrections() {
    List<Household> pool = new ArrayList<>(pop.households);
    Draws.shuffle(pool, r);
    int[] roomDeltas = {10, -1, 1, 20, -2};
    int rooms = 0;
    int planStatus = 0;
    int dynamicSource = 0;
    int unchanged = 0;
    Household luoDangerous = null;
    for (Household h : pool) {
      HousingYear y = h.housing24;
      if (y == null) {
        continue;
      }
      boolean restate = false;
      HousingYear o = y.copy();
      if (luo(h) && y.taskSource == null && rooms < roomDeltas.length) {
        o.rooms = y.rooms + roomDeltas[rooms];
        if (o.rooms < 0) {
          o.rooms = y.rooms + 3;
        }
        rooms++;
        restate = true;
      } else if (luo(h)
          && luoDangerous == null
          && "plan".equals(y.taskSource)
          && h.housing23 != null
          && h.housing23.dangerous()) {
        luoDangerous = h;
        o.grade = "C";
        o.taskStatus = "in_progress";
        o.completion = null;
        restate = true;
      } else if (!luo(h) && "plan".equals(y.taskSource) && planStatus < 4) {
        o.taskStatus = "in_progress";
        o.completion = null;
        planStatus++;
        restate = true;
      } else if (!luo(h)
          && "dynamic".equals(y.taskSource)
          && y.completion != null
          && dynamicSource < 2) {
        o.taskSource = null;
        o.taskStatus = null;
        o.completion = null;
        o.subsidyCents = -1;
        dynamicSource++;
        restate = true;
      } else if (!luo(h) && y.taskSource == null && unchanged < 2) {
        unchanged++;
        restate = true;
      } else if (luo(h) && y.taskSource == null && rooms120 == null) {
        rooms120 = h;
      }
      if (restate) {
        corrected.add(h);
        originals24.put(h, o);
      }
    }
    if (corrected.size() != 14 || rooms120 == null) {
      throw new IllegalStateException("could not pick the housing corrections");
    }
  }

  private void surveys(int year, double okShare, Map<Household, Survey> out) {
    for (Household h : pop.households) {
      if (!h.in(year)) {
        continue;
      }
      Survey s = new Survey();
      s.persons = h.size(year);
      if (r.nextDouble() >= okShare) {
        int faults = 1 + r.nextInt(2);
        for (int i = 0; i < faults; i++) {
          switch (r.nextInt(4)) {
            case 0 -> s.quantity = false;
            case 1 -> s.quality = false;
            case 2 -> s.convenience = false;
            default -> s.reliability = false;
          }
        }
      }
      out.put(h, s);
    }
  }
}
