package org.ruralstats.sample;

import java.time.LocalDate;

/** One person's insurance row of one year. */
final class Insurance {
  boolean required;
  boolean enrolled;
  boolean employee;
  int subsidyCents;
  LocalDate enrollDate;
}
