package org.ruralstats.sample;

import static org.ruralstats.sample.Population.Y23;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One resident: household, sex and birth date, ID, the years present, the per-person random draws
 * the plans read, and the insurance row of each year.
 */
final class Person {
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

  static int bit(int year) {
    return year == Y23 ? 1 : 2;
  }
}
