package org.ruralstats.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DeterminismTest {

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void sameSeedGivesByteIdenticalFilesAndReplacesAPreviousSample() throws IOException {
    Path first = SampleFixture.dir();
    Path second = SampleFixture.newTempDir("xing-sample-again-");
    // Make the second folder look like an older sample with a file this version does not write.
    Files.createDirectories(second.resolve("divisions"));
    Files.createDirectories(second.resolve("roster"));
    Files.writeString(second.resolve("roster/2022-12-31.csv"), "stale");
    Files.writeString(second.resolve("divisions/2023-12-31.csv"), "old content");

    Summary again =
        XingCountySampleGenerator.generate(second, XingCountySampleGenerator.DEFAULT_SEED);

    assertEquals(List.of("roster/2022-12-31.csv"), again.removed());
    List<String> names = files(first);
    assertEquals(names, files(second));
    assertEquals(20, names.size());
    for (String name : names) {
      assertEquals(-1L, Files.mismatch(first.resolve(name), second.resolve(name)), name);
    }
    assertEquals(SampleFixture.summary().files(), again.files());
    assertEquals(SampleFixture.summary().badRows(), again.badRows());
    for (Summary.WrittenFile f : again.files()) {
      assertEquals(Files.size(second.resolve(f.source()).resolve(f.name())), f.bytes(), f.path());
    }
  }

  @Test
  void refusesAFolderThatIsNotASample() throws IOException {
    Path dir = SampleFixture.newTempDir("not-a-sample-");
    Files.writeString(dir.resolve("notes.txt"), "mine");
    assertThrows(
        XingCountySampleGenerator.NotASampleFolderException.class,
        () -> XingCountySampleGenerator.generate(dir, 1));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(1, s.count(), "nothing written");
    }
  }

  @Test
  void noTemporaryFilesAreLeft() throws IOException {
    for (String name : files(SampleFixture.dir())) {
      assertFalse(name.endsWith(".tmp"), name);
      assertTrue(name.toLowerCase().endsWith(".csv"), name);
    }
  }
}
