package org.ruralstats.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

  private static List<CsvRecords.Record> all(String text) {
    List<CsvRecords.Record> out = new ArrayList<>();
    new CsvRecords(text).forEachRemaining(out::add);
    return out;
  }

  @Test
  void physicalLineNumbersWithLfCrlfBlankLinesAndMultiLineFields() {
    String text =
        "a,b\r\n" // 1
            + "\r\n" // 2 blank
            + "1,2\r\n" // 3
            + "\"x\ny\",\"q\"\"uote, comma\"\n" // 4-5
            + "   \n" // 6 white space only
            + "\u3000\n" // 7 full-width space only
            + "3,4\n" // 8
            + "\n\n"; // 9, 10 blank
    List<CsvRecords.Record> r = all(text);
    assertEquals(4, r.size());
    assertEquals(List.of(1, 3, 4, 8), r.stream().map(CsvRecords.Record::line).toList());
    assertEquals(List.of("x\ny", "q\"uote, comma"), r.get(2).fields());
  }

  @Test
  void aMalformedLineIsReportedAndTheRestOfTheFileIsStillRead() {
    String text = "a,b\n1,2\n\"bad\"x,3\n4,5\n";
    List<CsvRecords.Record> r = all(text);
    assertEquals(4, r.size());
    assertEquals(3, r.get(2).line());
    assertNull(r.get(2).fields());
    assertNotNull(r.get(2).error());
    assertEquals(4, r.get(3).line());
    assertEquals(List.of("4", "5"), r.get(3).fields());
  }

  @Test
  void anUnterminatedQuoteAtTheEndIsReported() {
    List<CsvRecords.Record> r = all("a,b\n1,2\n3,\"never closed\n");
    assertEquals(3, r.size());
    assertEquals(3, r.get(2).line());
    assertNull(r.get(2).fields());
  }
}
