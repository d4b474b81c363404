package org.ruralstats.sample;

import java.time.LocalDate;

/** One household's housing row of one year. */
final class HousingYear {
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
