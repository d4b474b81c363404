package org.ruralstats.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.ruralstats.errors.RuralStatsErrors;

/**
 * Checks, before a run touches anything, that the newest commit file of every table is whole (each
 * line a JSON action), so a damaged Delta log ends the run with a message naming the table and the
 * file instead of a stack trace from deep inside Delta.
 */
final class DeltaLogCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeltaLogCheck() {}

  /**
   * @throws org.ruralstats.errors.RunFailure naming the first damaged table
   */
  static void check(Warehouse warehouse, List<String> tables) {
    for (String t : tables) {
      long v = warehouse.version(t);
      if (v < 0) {
        continue;
      }
      Path file = warehouse.commitFile(t, v);
      try {
        FileSystem fs = file.getFileSystem(warehouse.spark().sparkContext().hadoopConfiguration());
        boolean any = false;
        try (BufferedReader r =
            new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
          String line;
          while ((line = r.readLine()) != null) {
            if (!line.isBlank()) {
              JSON.readTree(line);
              any = true;
            }
          }
        }
        if (!any) {
          throw new IOException("the file is empty");
        }
      } catch (IOException e) {
        throw RuralStatsErrors.damagedTable(
            warehouse.path(t), file.toString(), v, RuralStatsErrors.oneLine(e));
      }
    }
  }
}
