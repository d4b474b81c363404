package org.ruralstats.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;

/**
 * The entries of a source folder the run does not read: sub-folders and every file that is not a
 * {@code .csv} file ({@code .csv.gz}, {@code .txt}, {@code .xlsx}, …). They are listed in the run's
 * output so a compressed or misplaced delivery never vanishes without a word.
 */
final class IgnoredEntries {
  private IgnoredEntries() {}

  /** "name/" for a folder, "name" for a file, sorted, among the entries of a source folder. */
  static List<String> of(FileStatus[] entries) {
    List<String> out = new ArrayList<>();
    for (FileStatus st : entries) {
      String name = st.getPath().getName();
      if (st.isDirectory()) {
        out.add(name + "/");
      } else if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
        out.add(name);
      }
    }
    out.sort(String::compareTo);
    return List.copyOf(out);
  }
}
