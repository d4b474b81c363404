package org.ruralstats.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.support.TestSpark;

class ExportStampTest {
  private final Configuration conf = TestSpark.hadoopConf();

  private static String state(String root, Map<String, String> tables) {
    return ExportStamp.state(root, tables, "build-1");
  }

  @Test
  void anExportIsCurrentOnlyForTheTablesItWasWrittenFromAndAsItWasWritten(@TempDir Path dir)
      throws IOException {
    Path csv = dir.resolve("indicators.csv");
    String file = csv.toUri().toString();
    String state = state("/w", Map.of("published/indicators", "3@100", "quality/rejects", "5@90"));
    assertFalse(ExportStamp.current(conf, file, state), "no export yet");
    Files.writeString(csv, "a,b\n1,2\n");
    assertFalse(ExportStamp.current(conf, file, state), "an export without a stamp");
    ExportStamp.record(conf, file, state);
    assertTrue(ExportStamp.current(conf, file, state));
    assertTrue(
        ExportStamp.current(
            conf,
            file,
            state("/w", Map.of("quality/rejects", "5@90", "published/indicators", "3@100"))),
        "the order of the tables does not matter");
    assertFalse(
        ExportStamp.current(
            conf,
            file,
            state("/w", Map.of("published/indicators", "4@110", "quality/rejects", "5@90"))),
        "a newer indicator table");
    assertFalse(
        ExportStamp.current(
            conf,
            file,
            state("/w", Map.of("published/indicators", "3@120", "quality/rejects", "5@90"))),
        "a warehouse rebuilt in the same place: same version, another commit");
    assertFalse(
        ExportStamp.current(
            conf,
            file,
            state("/v", Map.of("published/indicators", "3@100", "quality/rejects", "5@90"))),
        "another warehouse");
    assertFalse(
        ExportStamp.current(
            conf,
            file,
            ExportStamp.state(
                "/w", Map.of("published/indicators", "3@100", "quality/rejects", "5@90"), "other")),
        "another build");
    String unknownBuild =
        ExportStamp.state(
            "/w",
            Map.of("published/indicators", "3@100", "quality/rejects", "5@90"),
            ExportStamp.UNKNOWN);
    ExportStamp.record(conf, file, unknownBuild);
    assertFalse(ExportStamp.current(conf, file, unknownBuild), "an unknown build: always written");
    ExportStamp.record(conf, file, state);

    Files.writeString(csv, "a,b\n1,3\n");
    Files.setLastModifiedTime(csv, FileTime.fromMillis(1_000_000L));
    assertFalse(ExportStamp.current(conf, file, state), "an export edited by hand");
    ExportStamp.record(conf, file, state);
    assertTrue(ExportStamp.current(conf, file, state));
    Files.delete(csv);
    assertFalse(ExportStamp.current(conf, file, state), "a deleted export");
  }
}
