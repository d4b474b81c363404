package org.ruralstats.sample;

import static org.ruralstats.sample.Population.Y23;
import static org.ruralstats.sample.Population.Y24;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ruralstats.sample.Geography.Village;

/**
 * One household: village and ID, members, monitoring cohort, type and dates, whether alleviated,
 * and the housing row of each year.
 */
final class Household {

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

  /** The type of a monitored household (监测对象类别): its code and its Chinese label. */
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
