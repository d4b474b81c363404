package org.ruralstats.sample;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.ruralstats.sample.Geography.Village;

/**
 * The residents of the sample: households with their members, who is present in which year, who is
 * on the roster (alleviated, monitored) and each person's insurance row per year. Everything the
 * roster and insurance figures depend on is fixed here, by construction.
 */
final class Population {

  static final int Y23 = 2023;
  static final int Y24 = 2024;

  /**
   * When a monitored household was identified and in which years it is on the monitoring roster.
   */
  enum Cohort {
    NONE,
    /** identified 2020–2022, monitored in both years */
    OLD,
    /** identified 2023, monitored in both years */
    NEW23,
    /** identified 2023, left the county before the end of 2024 */
    NEW23_DROP,
    /** identified 2020–2022, left the county before the end of 2024 */
    OLD_DROP,
    /** identified 2024 (was an ordinary or alleviated household in 2023) */
    NEW24;

    boolean monitoredIn(int year) {
      return switch (this) {
        case NONE -> false;
        case OLD, NEW23 -> true;
        case NEW23_DROP, OLD_DROP -> year == Y23;
        case NEW24 -> year == Y24;
      };
    }
  }

  enum MonitorType {
    UNSTABLE_ALLEVIATED("unstable_alleviated", "脱贫不稳定户"),
    MARGINAL("marginal", "边缘易致贫户"),
    SUDDEN_HARDSHIP("sudden_hardship", "突发严重困难户");

    final String code;
    final String label;

    MonitorType(String code, String label) {
      this.code = code;
      this.label = label;
    }
  }

  /** One person's insurance row of one year. */
  static final class Insurance {
    boolean required;
    boolean enrolled;
    boolean employee;
    int subsidyCents;
    LocalDate enrollDate;
  }

  static final class Person {
    int index;
    final Household household;
    final boolean male;
    final LocalDate birth;
    String id;

    /** bit 1: present in 2023, bit 2: present in 2024 */
    int presence = 3;

    double u;
    double u2;
    double eduU;
    double eduU2;
    double eduU3;
    int track;
    Insurance ins23;
    Insurance ins24;

    Person(int index, Household household, boolean male, LocalDate birth) {
      this.index = index;
      this.household = household;
      this.male = male;
      this.birth = birth;
    }

    boolean in(int year) {
      return (presence & bit(year)) != 0;
    }

    Insurance ins(int year) {
      return year == Y23 ? ins23 : ins24;
    }

    /** Age in completed years on the given date. */
    int ageOn(LocalDate d) {
      return (int) ChronoUnit.YEARS.between(birth, d);
    }
  }

  static final class Household {
    Village village;
    String id;
    int sizeAtStart;
    final List<Person> members = new ArrayList<>();
    Cohort cohort = Cohort.NONE;
    MonitorType type;
    boolean alleviated;
    LocalDate identified;
    LocalDate eliminated;

    /** the 2023 monitored household that has no 2023 insurance rows (INS_MONITORED_UNMATCHED) */
    boolean uninsured2023;

    /** no births, deaths or moves (monitored households and 史家山村) */
    boolean fixed;

    HousingYear housing23;
    HousingYear housing24;

    boolean in(int year) {
      for (Person p : members) {
        if (p.in(year)) {
          return true;
        }
      }
      return false;
    }

    int size(int year) {
      int n = 0;
      for (Person p : members) {
        if (p.in(year)) {
          n++;
        }
      }
      return n;
    }

    boolean monitoredIn(int year) {
      return cohort.monitoredIn(year);
    }

    boolean onRoster(int year) {
      return alleviated || monitoredIn(year);
    }

    /** The risk-elimination date as the roster of {@code year} shows it. */
    LocalDate eliminatedAsOf(int year) {
      return eliminated != null && eliminated.getYear() <= year ? eliminated : null;
    }

    HousingYear housing(int year) {
      return year == Y23 ? housing23 : housing24;
    }
  }

  /** One household's housing row of one year. */
  static final class HousingYear {
    int rooms;
    String grade;
    String taskSource;
    String taskStatus;
    LocalDate completion;
    int subsidyCents = -1;

    HousingYear copy() {
      HousingYear c = new HousingYear();
      c.rooms = rooms;
      c.grade = grade;
      c.taskSource = taskSource;
      c.taskStatus = taskStatus;
      c.completion = completion;
      c.subsidyCents = subsidyCents;
      return c;
    }

    boolean dangerous() {
      return "C".equals(grade) || "D".equals(grade);
    }
  }

  static int bit(int year) {
    return year == Y23 ? 1 : 2;
  }

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
      makeMembers(h, r);
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
    planInsurance(YearTargets.Y2023, r);
    planInsurance(YearTargets.Y2024, r);
  }

  static String pad4(int n) {
    String s = String.valueOf(n);
    return "0000".substring(Math.min(4, s.length())) + s;
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

  /** Draws {@code n} household sizes (1–6) that sum to exactly {@code total}. */
  static int[] sizes(SplittableRandom r, int n, int total, double[] weights) {
    if (n <= 0 || total < n || total > 6 * n) {
      throw new IllegalArgumentException("cannot split " + total + " persons into " + n);
    }
    int[] s = new int[n];
    int sum = 0;
    for (int i = 0; i < n; i++) {
      s[i] = 1 + draw(weights, r);
      sum += s[i];
    }
    while (sum != total) {
      int i = r.nextInt(n);
      if (sum < total && s[i] < 6) {
        s[i]++;
        sum++;
      } else if (sum > total && s[i] > 1) {
        s[i]--;
        sum--;
      }
    }
    return s;
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

  static int draw(double[] weights, SplittableRandom r) {
    double t = r.nextDouble();
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    t *= sum;
    for (int i = 0; i < weights.length; i++) {
      t -= weights[i];
      if (t < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private static int pick(double[] cumulative, double total, SplittableRandom r) {
    double t = r.nextDouble() * total;
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > t) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  static <T> void shuffle(List<T> list, SplittableRandom r) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  static LocalDate between(LocalDate from, LocalDate to, SplittableRandom r) {
    long days = ChronoUnit.DAYS.between(from, to);
    return days <= 0 ? from : from.plusDays(r.nextLong(days + 1));
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

  /** Members of a household: a head, mostly a spouse, children, sometimes a parent. */
  private void makeMembers(Household h, SplittableRandom r) {
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

  // ---------------------------------------------------------------------------------------------
  // Insurance

  private static final int[][] SUBSIDY_CENTS = {
    {17500, 24500, 35000}, // 2023 (premium 350 yuan)
    {19000, 26600, 38000}, // 2024 (premium 380 yuan)
  };
  private static final double[] SUBSIDY_W = {0.60, 0.25, 0.15};

  /**
   * Decides every insurance row of a year so that the county figures come out exactly: the
   * monitored and alleviated members that are required are all enrolled and subsidised, the rest of
   * the required and enrolled counts come from the residents outside both groups.
   */
  private void planInsurance(YearTargets t, SplittableRandom r) {
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
}
