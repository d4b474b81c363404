package org.ruralstats.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The entries of a source folder the run does not read: sub-folders and every file that is not a
 * {@code .csv} file ({@code .csv.gz}, {@code .txt}, {@code .xlsx}, …). They are listed in the run's
 * output so a compressed or misplaced delivery never vanishes without a word.
 */
final class IgnoredEntries {
  private IgnoredEntries() {}

  /** "name/" for a folder, "name" for a file, sorted; empty when the folder is absent. */
  static List<String> of(FileSystem fs, Path dir) {
    List<String> out = new ArrayList<>();
    try {
      if (!fs.exists(dir)) {
        return out;
      }
      for (FileStatus st : fs.listStatus(dir)) {
        String name = st.getPath().getName();
        if (st.isDirectory()) {
          out.add(name + "/");
        } else if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
          out.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    out.sort(String::compareTo);
    return out;
  }
}
