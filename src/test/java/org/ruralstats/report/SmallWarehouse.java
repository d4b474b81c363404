package org.ruralstats.report;

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
import org.ruralstats.support.TestSpark;
import org.ruralstats.warehouse.Warehouse;

/**
 * The warehouse of the committed small landing folder ({@code data-samples/small-landing}), built
 * once per test JVM by the real nightly job and shared by the report and export tests (they only
 * read it). Deleted when the JVM exits.
 */
final class SmallWarehouse {
  private static Path root;

  private SmallWarehouse() {}

  /** The published tables of the small landing folder's warehouse. */
  static synchronized PublishedTables tables() {
    if (root == null) {
      try {
        Path dir = Files.createTempDirectory("rural-stats-report-test");
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
                    null,
                    "report-test-key-report-test-key!!".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        if (code != NightlyJob.OK && code != NightlyJob.FILE_REJECTED) {
          throw new IllegalStateException("the nightly run failed:\n" + log);
        }
        root = dir.resolve("warehouse");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return PublishedTables.latest(new Warehouse(TestSpark.session(), root.toString()));
  }
}
