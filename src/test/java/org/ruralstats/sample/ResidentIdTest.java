package org.ruralstats.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResidentIdTest {

  @Test
  void knownExamples() {
    // The example of GB 11643-1999 and a second well-known one.
    assertEquals('X', ResidentId.checkChar("11010519491231002"));
    assertTrue(ResidentId.isValid("11010519491231002X"));
    assertTrue(ResidentId.isValid("11010519491231002x"));
    assertTrue(ResidentId.isValid("440524188001010014"));
    assertFalse(ResidentId.isValid("440524188001010015"));
    assertFalse(
        ResidentId.isValid("14112319870231123" + ResidentId.checkChar("14112319870231123")));
    assertFalse(ResidentId.isValid("1411231987023112"));
  }

  @Test
  void generatorAndIndependentCheckAgree() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 10_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < 17; k++) {
        sb.append((char) ('0' + r.nextInt(10)));
      }
      String body = sb.toString();
      assertEquals(LandingValues.mod112(body + "0"), ResidentId.checkChar(body), body);
    }
  }

  @Test
  void everyValidIdInTheSamplePassesModElevenTwo() {
    LandingReader data = SampleFixture.reader();
    int ids = 0;
    int withX = 0;
    for (String[] s :
        new String[][] {
          {"roster", "person_id"},
          {"insurance", "person_id"},
          {"education_students", "student_id"},
          {"education_aid", "student_id"}
        }) {
      for (LandingReader.Row row : data.rows(s[0])) {
        String id = row.str(s[1]);
        assertEquals(18, id.length(), id);
        assertEquals(LandingValues.mod112(id), id.charAt(17), id);
        assertTrue(ResidentId.isValid(id), id);
        ids++;
        withX += id.endsWith("X") ? 1 : 0;
      }
    }
    assertTrue(ids > 500_000, "IDs checked: " + ids);
    assertTrue(withX > ids / 20, "IDs ending in X: " + withX);
  }

  @Test
  void someIdsAreWrittenWithLowerCaseX() {
    String roster = SampleFixture.reader().texts.get("roster/2024-12-31.csv");
    assertTrue(roster.toLowerCase(Locale.ROOT).contains("x,"));
    assertTrue(roster.matches("(?s).*[0-9]{17}x.*"));
  }
}
