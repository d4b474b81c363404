package org.ruralstats.warehouse;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.errors.RunFailure;
import org.ruralstats.errors.RuralStatsErrors;
import org.ruralstats.support.TestSpark;

/** A damaged newest commit file is found before a run touches anything, named, with what to do. */
class DeltaLogCheckTest {
  @TempDir Path dir;

  @Test
  void aTornNewestCommitFileNamesTheTableAndTheFile() throws IOException {
    SparkSession spark = TestSpark.session();
    Warehouse wh = new Warehouse(spark, dir.toString());
    wh.overwrite(Warehouse.INDICATORS, spark.range(3).toDF("n"));
    wh.overwrite(Warehouse.INDICATORS, spark.range(2).toDF("n"));
    assertDoesNotThrow(() -> DeltaLogCheck.check(wh, List.of(Warehouse.INDICATORS)));

    Path commit = dir.resolve("published/indicators/_delta_log/00000000000000000001.json");
    String whole = Files.readString(commit);
    Files.writeString(commit, whole.substring(0, whole.length() - 10)); // torn mid-line
    RunFailure f =
        assertThrows(
            RunFailure.class, () -> DeltaLogCheck.check(wh, List.of(Warehouse.INDICATORS)));
    assertEquals(RuralStatsErrors.FAILED, f.exitCode());
    assertTrue(f.getMessage().contains("published/indicators is damaged"), f.getMessage());
    assertTrue(f.getMessage().contains("00000000000000000001.json (version 1)"), f.getMessage());
    assertTrue(f.getMessage().contains("move the file out of _delta_log"), f.getMessage());

    Files.writeString(commit, "");
    RunFailure empty =
        assertThrows(
            RunFailure.class, () -> DeltaLogCheck.check(wh, List.of(Warehouse.INDICATORS)));
    assertTrue(empty.getMessage().contains("the file is empty"), empty.getMessage());
  }
}
