package org.ruralstats.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ruralstats.sample.LandingReader.Row;

/**
 * {@code --counties 3}: deterministic, Xing County's folder is the one-county sample byte for byte,
 * every county folder is a full landing folder of its own county (read back with the independent
 * reader, which rejects exactly the reported bad rows and recomputes every seed figure), and
 * neighbouring counties share persons with valid IDs.
 */
class MultiCountySampleTest {

  private static final List<String> CODES = List.of("141123000000", "141102000000", "141121000000");

  private static Path dir;
  private static List<MultiCountySample.CountySummary> summaries;

  /** What the reader saw in each county folder (the readers themselves are not kept). */
  private record Seen(
      String countyRow,
      Set<String> townships,
      Set<String> villages,
      Set<String> rejected,
      List<String> rejectedDivisions,
      Map<Integer, Map<String, Object>> figures,
      Set<String> insured,
      Set<String> roster) {}

  private static final Map<String, Seen> SEEN = new LinkedHashMap<>();

  @BeforeAll
  static void generateAndRead() throws IOException {
    dir = SampleFixture.newTempDir("multi-county-sample-");
    List<String> progress = new ArrayList<>();
    summaries =
        MultiCountySample.generate(
            dir, XingCountySampleGenerator.DEFAULT_SEED, 3, c -> progress.add(c.code()));
    assertEquals(CODES, progress, "one progress call per county, in order");
    for (String code : CODES) {
      SEEN.put(code, see(LandingReader.read(dir.resolve(code))));
    }
  }

  private static Seen see(LandingReader data) {
    String county = null;
    Set<String> townships = new TreeSet<>();
    for (Row r : data.rows("divisions")) {
      if (r.str("level").equals("county") && county == null) {
        county = r.str("code");
      }
      if (r.str("level").equals("township")) {
        townships.add(r.str("code"));
      }
    }
    Set<String> rejected = new TreeSet<>();
    List<String> rejectedDivisions = new ArrayList<>();
    for (LandingReader.Rejected r : data.rejected) {
      rejected.add(r.source() + "/" + r.file() + ":" + r.line());
      if (r.source().equals("divisions")) {
        rejectedDivisions.add(r.reason());
      }
    }
    // The township that plays 罗峪口镇: the only town (镇) with ten villages; its second village
    // plays 史家山村.
    String luo = null;
    for (String t : townships) {
      long n = data.villageTownship.values().stream().filter(t::equals).count();
      if (n == 10 && data.names.get(t).endsWith("镇")) {
        assertEquals(null, luo, "a second town with ten villages: " + t);
        luo = t;
      }
    }
    String tw = luo;
    String sjs =
        data.villageTownship.entrySet().stream()
            .filter(e -> e.getValue().equals(tw))
            .map(Map.Entry::getKey)
            .sorted()
            .skip(1)
            .findFirst()
            .orElseThrow();
    Map<Integer, Map<String, Object>> figures = new LinkedHashMap<>();
    for (int year : new int[] {2023, 2024}) {
      figures.put(year, SampleFiguresTest.computed(data, year, luo, sjs));
    }
    Set<String> insured = new HashSet<>();
    for (Row r : data.rows("insurance")) {
      insured.add(r.str("person_id").toUpperCase());
    }
    Set<String> roster = new HashSet<>();
    for (Row r : data.rows("roster")) {
      if ((Long) r.get("year") == 2024) {
        roster.add(r.str("person_id").toUpperCase());
      }
    }
    return new Seen(
        county,
        townships,
        new TreeSet<>(data.villageTownship.keySet()),
        rejected,
        rejectedDivisions,
        figures,
        insured,
        roster);
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void sameSeedGivesByteIdenticalCountiesAndXingIsTheOneCountySample() throws IOException {
    // The second folder looks like an older, larger sample: a file this version does not write and
    // a county beyond the third.
    Path again = SampleFixture.newTempDir("multi-county-sample-again-");
    Files.createDirectories(again.resolve("141123000000/divisions"));
    Files.createDirectories(again.resolve("141102000000/roster"));
    Files.writeString(again.resolve("141102000000/roster/2022-12-31.csv"), "stale");
    Files.createDirectories(again.resolve("141122000000/insurance"));
    Files.writeString(again.resolve("141122000000/insurance/2024-12-31.csv"), "stale");
    List<String> removed = new ArrayList<>();
    MultiCountySample.generate(
        again, XingCountySampleGenerator.DEFAULT_SEED, 3, c -> removed.addAll(c.files().removed()));
    assertEquals(
        List.of("141102000000/roster/2022-12-31.csv", "141122000000/insurance/2024-12-31.csv"),
        removed);
    assertTrue(
        Files.notExists(again.resolve("141122000000")), "the fourth county's folder is gone");
    List<String> names = files(dir);
    assertEquals(60, names.size());
    assertEquals(names, files(again));
    for (String name : names) {
      assertEquals(-1L, Files.mismatch(dir.resolve(name), again.resolve(name)), name);
    }
    Path flat = SampleFixture.dir();
    Path xing = dir.resolve("141123000000");
    assertEquals(files(flat), files(xing));
    for (String name : files(flat)) {
      assertEquals(-1L, Files.mismatch(flat.resolve(name), xing.resolve(name)), "Xing " + name);
    }
  }

  @Test
  void eachCountyFolderIsAFullLandingFolderOfItsOwnCounty() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(
          new TreeSet<>(CODES), new TreeSet<>(s.map(p -> p.getFileName().toString()).toList()));
    }
    for (MultiCountySample.CountySummary c : summaries) {
      Path county = dir.resolve(c.code());
      for (String source : XingCountySampleGenerator.SOURCES) {
        try (Stream<Path> s = Files.list(county.resolve(source))) {
          assertTrue(s.count() >= 1, c.code() + "/" + source);
        }
      }
      assertEquals(20, files(county).size(), c.code());
      Seen seen = SEEN.get(c.code());
      assertEquals(c.code(), seen.countyRow(), "the dictionary names its folder's county");
      assertEquals(15, seen.townships().size(), c.code());
      String area = c.code().substring(0, 6);
      for (String code : seen.villages()) {
        assertTrue(code.startsWith(area), code + " in " + c.code());
      }
      for (String code : seen.townships()) {
        assertTrue(code.startsWith(area), code + " in " + c.code());
      }
      // The bad rows it reports are exactly what an independent reader rejects, among them a
      // second county row naming another county.
      Set<String> reported = new TreeSet<>();
      for (Summary.BadRow b : c.files().badRows()) {
        reported.add(b.source() + "/" + b.file() + ":" + b.line());
      }
      assertEquals(reported, seen.rejected(), c.code());
      assertTrue(seen.rejectedDivisions().contains("second county"), c.code());
    }
  }

  @Test
  void everyCountyReproducesTheSeedFigures() {
    for (String code : CODES) {
      for (int year : new int[] {2023, 2024}) {
        Map<String, Object> want = SampleFiguresTest.expected(year);
        Map<String, Object> got = SEEN.get(code).figures().get(year);
        List<String> wrong = new ArrayList<>();
        for (String k : want.keySet()) {
          if (!want.get(k).equals(got.get(k))) {
            wrong.add(k + ": expected " + want.get(k) + ", computed " + got.get(k));
          }
        }
        assertTrue(wrong.isEmpty(), code + " " + year + " " + wrong);
      }
    }
  }

  @Test
  void neighboursShareSixHundredPersonsWithValidIds() {
    for (int k = 1; k < CODES.size(); k++) {
      Seen before = SEEN.get(CODES.get(k - 1));
      Seen here = SEEN.get(CODES.get(k));
      Set<String> shared = new HashSet<>(here.insured());
      shared.retainAll(before.insured());
      assertEquals(SharedPersons.PER_COUNTY, shared.size(), CODES.get(k));
      for (String id : shared) {
        assertTrue(ResidentId.isValid(id), id);
        assertTrue(
            id.startsWith(CODES.get(k - 1).substring(0, 6)), "issued by the neighbour: " + id);
      }
      Set<String> rosters = new HashSet<>(here.roster());
      rosters.retainAll(before.roster());
      assertTrue(rosters.size() >= 50, "on both 2024 rosters: " + rosters.size());
      assertEquals(rosters.size(), summaries.get(k).onBothRosters(), CODES.get(k));
      assertEquals(SharedPersons.PER_COUNTY, summaries.get(k).shared());
    }
    Set<String> firstAndThird = new HashSet<>(SEEN.get(CODES.get(0)).insured());
    firstAndThird.retainAll(SEEN.get(CODES.get(2)).insured());
    assertEquals(Set.of(), firstAndThird, "only neighbours share persons");
  }

  @Test
  void refusesToMixLayoutsOrCountMoreThanItKnows() throws IOException {
    Path flat = SampleFixture.newTempDir("flat-sample-");
    Files.createDirectories(flat.resolve("divisions"));
    assertThrows(
        XingCountySampleGenerator.NotASampleFolderException.class,
        () -> MultiCountySample.generate(flat, 1, 2, c -> {}));
    assertThrows(
        XingCountySampleGenerator.NotASampleFolderException.class,
        () -> XingCountySampleGenerator.generate(dir, 1));
    assertThrows(
        IllegalArgumentException.class, () -> SampleCounties.first(SampleCounties.MAX + 1));
    assertEquals(
        SampleCounties.MAX,
        SampleCounties.first(SampleCounties.MAX).stream().map(c -> c.code()).distinct().count());
  }
}
