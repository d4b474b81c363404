package org.ruralstats.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The bad rows the generator reports are exactly the rows a reader of SOURCES.md rejects. */
class BadRowsTest {

  private static String key(String source, String file, Integer line) {
    return source + "/" + file + ":" + line;
  }

  @Test
  void rejectedRowsAreExactlyTheReportedBadRows() {
    TreeSet<String> reported = new TreeSet<>();
    for (Summary.BadRow b : SampleFixture.summary().badRows()) {
      reported.add(key(b.source(), b.file(), b.line()));
    }
    TreeSet<String> rejected = new TreeSet<>();
    for (LandingReader.Rejected r : SampleFixture.reader().rejected) {
      rejected.add(key(r.source(), r.file(), r.line()));
    }
    assertEquals(reported, rejected);
  }

  @Test
  void noWholeFileIsRejected() {
    for (LandingReader.Rejected r : SampleFixture.reader().rejected) {
      assertTrue(r.line() != null, "rejected file: " + r);
    }
  }

  @Test
  void aboutThirtyBadRowsOfSeveralSources() {
    List<Summary.BadRow> bad = SampleFixture.summary().badRows();
    assertTrue(bad.size() >= 15 && bad.size() <= 30, "bad rows: " + bad.size());
    assertEquals(
        9, bad.stream().map(Summary.BadRow::source).distinct().count(), "every source has some");
  }

  @Test
  void docsListEveryBadRowWithItsLine() throws IOException {
    Path doc = Path.of("docs", "sample.md");
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    for (Summary.BadRow b : SampleFixture.summary().badRows()) {
      String cells = "| " + b.source() + " | " + b.file() + " | " + b.line() + " |";
      if (!text.contains(cells)) {
        missing.add(cells);
      }
    }
    assertTrue(missing.isEmpty(), "docs/sample.md lacks " + missing);
  }
}
