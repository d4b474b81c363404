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

  @Test
  void idsWrittenAsBytesAreFound() {
    String id = "141123196503040119";
    IdScan scan = IdScan.ofTexts();
    // as Parquet's value logging writes a string (Arrays.toString of its bytes), and as Thrift
    // writes binary fields (hexadecimal); a line of other numbers is no hit
    scan.scan("RecordConsumerLoggingWrapper:   " + java.util.Arrays.toString(id.getBytes()));
    scan.scan("min_value:31 34 31 31 32 33 31 39 36 35 30 33 30 34 30 31 31 39 20 20");
    scan.scan("counts [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]");
    scan.scan("bytes [49, 52, 49, 49, 50, 51, 49, 57, 54, 53, 48, 51, 48, 52, 48, 49, 49, 56]");
    org.junit.jupiter.api.Assertions.assertEquals(2, scan.hits().size(), scan.hits().toString());
    assertTrue(scan.hits().get(1).startsWith("as bytes: 31 34 31"), scan.hits().toString());
  }
}
