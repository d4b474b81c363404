package org.ruralstats.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The sample generated once per test JVM (default seed) into a temporary folder, and its reading by
 * {@link LandingReader}; both shared by all test classes and deleted when the JVM exits.
 */
final class SampleFixture {

  private static Path dir;
  private static Summary summary;
  private static LandingReader reader;

  private SampleFixture() {}

  static synchronized Summary summary() {
    if (summary == null) {
      try {
        dir = newTempDir("xing-sample-");
        summary = XingCountySampleGenerator.generate(dir, XingCountySampleGenerator.DEFAULT_SEED);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return summary;
  }

  static synchronized Path dir() {
    summary();
    return dir;
  }

  static synchronized LandingReader reader() {
    if (reader == null) {
      try {
        reader = LandingReader.read(dir());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return reader;
  }

  /** A temporary folder deleted (with its contents) when the JVM exits. */
  static Path newTempDir(String prefix) throws IOException {
    Path d = Files.createTempDirectory(prefix);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(d)));
    return d;
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // best effort
                }
              });
    } catch (IOException e) {
      // best effort
    }
  }
}
