package org.ruralstats.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The log scan's notion of an ID number: every real one, not a long number Spark logs. */
class IdScanTest {
  @Test
  void realIdsAreFoundAndShuffleChecksumsAreNot() {
    assertTrue(IdScan.isId("141123196503040119"));
    assertTrue(IdScan.isId(IdScan.validId("14112320100101301")));
    // logged by Spark as "Checksum of map output for task 351 is -258742788855018719": its check
    // character is right, but 2587 has no province and 8885-50-18 is no birth date
    assertFalse(IdScan.isId("258742788855018719"));
    assertFalse(IdScan.isId(IdScan.validId("14112319651304011"))); // month 13
    assertFalse(IdScan.isId(IdScan.validId("99112319650304011"))); // no province 99
  }
}
