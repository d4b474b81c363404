package org.ruralstats.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.FileUtils;
import org.ruralstats.config.PipelineConfig;
import org.ruralstats.jobs.NightlyJob;

/**
 * The warehouse the real nightly job builds from the committed small landing folder ({@code
 * data-samples/small-landing}) with {@link #KEY}, and the exports that run wrote ({@link
 * #exports()}), built once per test JVM and shared: tests that only read it use {@link
 * #warehouse()}; tests that run the job again on it work on a copy ({@link #copyWarehouseTo}).
 * Deleted when the JVM exits.
 */
public final class SmallLandingBuild {
  /** The pseudonym key of the shared build (a copy must be run with it). */
  public static final String KEY = "small-landing-test-key-small-landing-test-key";

  private static Path root;

  private SmallLandingBuild() {}

  /** The key as bytes. */
  public static byte[] key() {
    return KEY.getBytes(StandardCharsets.UTF_8);
  }

  /** The shared warehouse (read it only), built on first use. */
  public static synchronized Path warehouse() {
    if (root == null) {
      try {
        Path dir = Files.createTempDirectory("rural-stats-small-build");
        Runtime.getRuntime()
            .addShutdownHook(new Thread(() -> FileUtils.deleteQuietly(dir.toFile())));
        Path landing = dir.resolve("landing");
        FileUtils.copyDirectory(Path.of("data-samples/small-landing").toFile(), landing.toFile());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int code =
            NightlyJob.run(
                TestSpark.session(),
                new PipelineConfig(
                    landing.toString(),
                    dir.resolve("warehouse").toString(),
                    dir.resolve("exports"),
                    key()),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        if (code != NightlyJob.OK) {
          throw new IllegalStateException("the nightly run of the small landing failed:\n" + log);
        }
        root = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return root.resolve("warehouse");
  }

  /** The export folder of the shared build's run (read it only): indicators.csv, rejects.csv. */
  public static synchronized Path exports() {
    return warehouse().resolveSibling("exports");
  }

  /** Copies the shared warehouse to {@code target} (which must not exist yet). */
  public static void copyWarehouseTo(Path target) {
    try {
      FileUtils.copyDirectory(warehouse().toFile(), target.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
