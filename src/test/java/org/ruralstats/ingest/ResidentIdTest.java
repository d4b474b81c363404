package org.ruralstats.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ResidentIdTest {

  @Test
  void acceptsTheStandardsExamplesAndUpperCasesX() throws Exception {
    // Examples from GB 11643-1999 and its usual references.
    assertEquals("11010519491231002X", ResidentId.normalize("11010519491231002X"));
    assertEquals("11010519491231002X", ResidentId.normalize("11010519491231002x"));
    assertEquals("440524188001010014", ResidentId.normalize("440524188001010014"));
  }

  @Test
  void rejectsAWrongCheckCharacterWithoutRepeatingTheId() {
    FieldFault f = assertThrows(FieldFault.class, () -> ResidentId.normalize("110105194912310021"));
    assertEquals(RejectCode.INVALID_ID, f.code());
    assertFalse(f.getMessage().contains("110105194912310021"), f.getMessage());
  }

  @Test
  void rejectsAnImpossibleBirthDate() {
    // 1949-02-30 does not exist; check character computed for these 17 digits
    String first17 = "11010519490230002";
    String id = first17 + ResidentId.checkCharacter(first17);
    FieldFault f = assertThrows(FieldFault.class, () -> ResidentId.normalize(id));
    assertEquals(RejectCode.INVALID_ID, f.code());
    assertEquals(
        "the birth date in the ID number (digits 7-14) is not a real date", f.getMessage());
  }

  @Test
  void rejectsWrongLengthAndLetters() {
    assertThrows(FieldFault.class, () -> ResidentId.normalize("11010519491231002"));
    assertThrows(FieldFault.class, () -> ResidentId.normalize("1101051949123100AX"));
    assertThrows(FieldFault.class, () -> ResidentId.normalize("11010519491231002Y"));
  }
}
