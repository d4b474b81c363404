package org.ruralstats.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The student register (one row per student per school year) and the aid payments. Preschool aid
 * and compulsory dropouts are exact by construction; the other aid follows policy-like rules.
 */
final class EducationPlan {

  static final String PRESCHOOL = "preschool";
  static final String PRIMARY = "primary";
  static final String JUNIOR = "junior";
  static final String SENIOR = "senior";
  static final String VOCATIONAL = "vocational";
  static final String HIGHER = "higher";

  record Student(Person person, int year, String stage, String status) {}

  record Payment(
      int year, Person person, String stage, String aidType, int cents, LocalDate paid) {}

  final List<Student> students23 = new ArrayList<>();
  final List<Student> students24 = new ArrayList<>();
  final List<Payment> payments23 = new ArrayList<>();
  final List<Payment> payments24 = new ArrayList<>();

  /** Second preschool payments (补发) and preschool payments to children not on the register. */
  static final int[] EXTRA_PRESCHOOL = {26, 30};

  static final int[] UNREGISTERED_PRESCHOOL = {5, 6};
  static final int[] UNREGISTERED_HIGHER = {3, 4};

  private final Population pop;
  private final SplittableRandom r;

  private EducationPlan(Population pop, SplittableRandom r) {
    this.pop = pop;
    this.r = r;
  }

  static EducationPlan plan(Population pop, SplittableRandom r) {
    EducationPlan e = new EducationPlan(pop, r);
    e.register(2023, e.students23);
    e.register(2024, e.students24);
    e.aid(2023, e.students23, e.payments23);
    e.aid(2024, e.students24, e.payments24);
    return e;
  }

  static boolean compulsory(String stage) {
    return stage.equals(PRIMARY) || stage.equals(JUNIOR);
  }

  /** Age on 1 September of the school year. */
  static int schoolAge(Person p, int year) {
    return p.ageOn(LocalDate.of(year, 9, 1));
  }

  static String stageOf(Person p, int year) {
    int a = schoolAge(p, year);
    if (a >= 3 && a <= 5) {
      return p.eduU < 0.86 ? PRESCHOOL : null;
    }
    if (a >= 6 && a <= 11) {
      return p.eduU < 0.995 ? PRIMARY : null;
    }
    if (a >= 12 && a <= 14) {
      return p.eduU < 0.995 ? JUNIOR : null;
    }
    if (a >= 15 && a <= 17) {
      return p.track == 0 ? SENIOR : p.track == 1 ? VOCATIONAL : null;
    }
    if (a >= 18 && a <= 21) {
      double share = p.track == 0 ? 0.62 : p.track == 1 ? 0.30 : 0.0;
      return p.eduU < share ? HIGHER : null;
    }
    return null;
  }

  private void register(int year, List<Student> out) {
    List<Integer> juniors = new ArrayList<>();
    for (Person p : pop.persons) {
      if (!p.in(year)) {
        continue;
      }
      String stage = stageOf(p, year);
      if (stage == null) {
        continue;
      }
      // A year-specific draw so that a student's status is not the same every year.
      double s = (p.eduU2 * 7919 + year * 0.618) % 1.0;
      String status = "enrolled";
      if (s < 0.003) {
        status = "suspended";
      } else if (!compulsory(stage) && !stage.equals(PRESCHOOL) && s < 0.009) {
        status = "dropped_out";
      }
      if (stage.equals(JUNIOR) && status.equals("enrolled") && !p.household.fixed) {
        juniors.add(out.size());
      }
      out.add(new Student(p, year, stage, status));
    }
    int dropouts = YearTargets.of(year).compulsoryDropouts();
    Draws.shuffle(juniors, r);
    for (int i = 0; i < dropouts; i++) {
      int at = juniors.get(i);
      out.set(at, new Student(out.get(at).person(), year, JUNIOR, "dropped_out"));
    }
  }

  private static boolean priority(Person p, int year) {
    return p.household.onRoster(year);
  }

  private LocalDate paid(int year, boolean preschool) {
    return preschool
        ? Draws.between(LocalDate.of(year, 10, 8), LocalDate.of(year, 12, 20), r)
        : Draws.between(LocalDate.of(year, 9, 20), LocalDate.of(year, 12, 25), r);
  }

  private void aid(int year, List<Student> register, List<Payment> out) {
    int y = year == 2023 ? 0 : 1;
    YearTargets t = YearTargets.of(year);
    int cents = YearTargets.PRESCHOOL_AID_YUAN * 100;

    // Preschool: exactly t.preschoolAidTimes() payments of 500 yuan.
    List<Person> prioPre = new ArrayList<>();
    List<Person> otherPre = new ArrayList<>();
    List<Person> registered = new ArrayList<>();
    for (Student s : register) {
      registered.add(s.person());
      if (s.stage().equals(PRESCHOOL)) {
        (priority(s.person(), year) ? prioPre : otherPre).add(s.person());
      }
    }
    java.util.Set<Person> onRegister =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    onRegister.addAll(registered);
    Comparator<Person> byU3 =
        Comparator.comparingDouble((Person p) -> p.eduU3).thenComparingInt(p -> p.index);
    prioPre.sort(byU3);
    otherPre.sort(byU3);
    int distinct = t.preschoolAidTimes() - EXTRA_PRESCHOOL[y] - UNREGISTERED_PRESCHOOL[y];
    List<Person> aided = new ArrayList<>();
    int fromPriority = Math.min(distinct, (int) (prioPre.size() * 0.93));
    aided.addAll(prioPre.subList(0, fromPriority));
    aided.addAll(otherPre.subList(0, distinct - fromPriority));
    List<Person> unregistered = new ArrayList<>();
    List<Person> unregisteredHigher = new ArrayList<>();
    for (Person p : pop.persons) {
      if (p.in(year) && !onRegister.contains(p) && priority(p, year)) {
        int a = schoolAge(p, year);
        if (a >= 3 && a <= 5) {
          unregistered.add(p);
        } else if (a >= 18 && a <= 21) {
          unregisteredHigher.add(p);
        }
      }
    }
    unregistered.sort(byU3);
    unregisteredHigher.sort(byU3);
    List<Payment> pays = new ArrayList<>();
    for (Person p : aided) {
      pays.add(new Payment(year, p, PRESCHOOL, "学前教育资助", cents, paid(year, true)));
    }
    List<Person> second = new ArrayList<>(aided);
    Draws.shuffle(second, r);
    for (Person p : second.subList(0, EXTRA_PRESCHOOL[y])) {
      pays.add(new Payment(year, p, PRESCHOOL, "学前教育资助（补发）", cents, paid(year, true)));
    }
    for (Person p : unregistered.subList(0, UNREGISTERED_PRESCHOOL[y])) {
      pays.add(new Payment(year, p, PRESCHOOL, "学前教育资助", cents, paid(year, true)));
    }
    for (Person p : unregisteredHigher.subList(0, UNREGISTERED_HIGHER[y])) {
      pays.add(new Payment(year, p, HIGHER, "雨露计划职业教育补助", 300000, paid(year, false)));
    }

    // Other stages: policy-like rules, a little less coverage in 2023.
    double lift = year == 2023 ? 0.95 : 1.0;
    for (Student s : register) {
      Person p = s.person();
      boolean prio = priority(p, year);
      double u = p.eduU3;
      switch (s.stage()) {
        case PRIMARY, JUNIOR -> {
          if ((prio && u < 0.50 * lift) || (!prio && u < 0.03)) {
            int c = s.stage().equals(PRIMARY) ? 100000 : 125000;
            pays.add(new Payment(year, p, s.stage(), "家庭经济困难寄宿生生活补助", c, paid(year, false)));
          }
        }
        case SENIOR -> {
          if ((prio && u < 0.90 * lift) || (!prio && u < 0.08)) {
            pays.add(new Payment(year, p, SENIOR, "普通高中国家助学金", 200000, paid(year, false)));
          }
        }
        case VOCATIONAL -> {
          if ((prio && u < 0.92 * lift) || (!prio && u < 0.10)) {
            pays.add(new Payment(year, p, VOCATIONAL, "中职国家助学金", 200000, paid(year, false)));
          }
          if (prio && u < 0.75 * lift) {
            pays.add(new Payment(year, p, VOCATIONAL, "雨露计划职业教育补助", 300000, paid(year, false)));
          }
        }
        case HIGHER -> {
          if (prio && schoolAge(p, year) == 18 && u < 0.7 * lift) {
            pays.add(new Payment(year, p, HIGHER, "大学新生入学资助", 100000, paid(year, false)));
          }
          if (prio && p.track == 1 && u < 0.6 * lift) {
            pays.add(new Payment(year, p, HIGHER, "雨露计划职业教育补助", 300000, paid(year, false)));
          }
        }
        default -> {}
      }
    }
    // File order: by household order of the student, then date.
    pays.sort(
        Comparator.comparingInt((Payment p) -> p.person().index)
            .thenComparing(Payment::paid)
            .thenComparing(Payment::aidType));
    out.addAll(pays);
  }
}
