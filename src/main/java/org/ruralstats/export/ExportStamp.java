package org.ruralstats.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.CodeSource;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.ruralstats.warehouse.Warehouse;

/**
 * Remembers beside an export which published table versions it was written from (a hidden file
 * {@code .<name>.stamp} in the export's folder), so that a nightly run that published nothing new
 * leaves alone an export that already holds exactly those tables instead of writing it again. The
 * stamp also records the export's size and modification time and the build that wrote it: an export
 * edited, replaced or deleted by hand, or written by another build of the job, is written again.
 */
public final class ExportStamp {
  static final String UNKNOWN = "unknown";

  private ExportStamp() {}

  /**
   * What an export is written from: the warehouse, each published table's version and when that
   * version was committed (a warehouse rebuilt in the same place has other commit times), and this
   * build.
   *
   * @param warehouse the warehouse
   * @param versions the published run's table versions
   */
  public static String state(Warehouse warehouse, Map<String, Long> versions) {
    Map<String, String> tables = new TreeMap<>();
    boolean known = true;
    for (Map.Entry<String, Long> e : versions.entrySet()) {
      long at = warehouse.commitTime(e.getKey(), e.getValue());
      known &= at >= 0;
      tables.put(e.getKey(), e.getValue() + "@" + at);
    }
    return state(warehouse.root(), tables, known ? build() : UNKNOWN);
  }

  static String state(String root, Map<String, String> tables, String build) {
    return "warehouse=" + root + "\ntables=" + new TreeMap<>(tables) + "\nbuild=" + build + "\n";
  }

  /** Whether {@code file} exists and was written from {@code state}, and is as it was written. */
  public static boolean current(Configuration conf, String file, String state) {
    if (state.contains("\nbuild=" + UNKNOWN + "\n")) {
      return false;
    }
    Path target = new Path(file);
    try {
      FileSystem fs = target.getFileSystem(conf);
      Path stamp = stampOf(target);
      if (!fs.exists(target) || !fs.exists(stamp)) {
        return false;
      }
      String recorded;
      try (InputStream in = fs.open(stamp)) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        recorded = b.toString(StandardCharsets.UTF_8);
      }
      return recorded.equals(state + file(fs.getFileStatus(target)));
    } catch (IOException e) {
      return false; // no usable stamp: the export is written again
    }
  }

  /** Records that {@code file}, just written, holds {@code state}. */
  public static void record(Configuration conf, String file, String state) {
    Path target = new Path(file);
    try {
      FileSystem fs = target.getFileSystem(conf);
      try (OutputStream out = fs.create(stampOf(target), true)) {
        out.write((state + file(fs.getFileStatus(target))).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the stamp of the export " + file, e);
    }
  }

  private static Path stampOf(Path target) {
    return new Path(target.getParent(), "." + target.getName() + ".stamp");
  }

  private static String file(FileStatus st) {
    return "size=" + st.getLen() + "\nmodified=" + st.getModificationTime() + "\n";
  }

  /** The jar (or class folder) of this build: its size and modification time. */
  private static String build() {
    try {
      CodeSource src = ExportStamp.class.getProtectionDomain().getCodeSource();
      if (src == null || !"file".equals(src.getLocation().getProtocol())) {
        return UNKNOWN;
      }
      java.nio.file.Path p = java.nio.file.Path.of(src.getLocation().toURI());
      return src.getLocation()
          + " "
          + Files.size(p)
          + " "
          + Files.getLastModifiedTime(p).toMillis();
    } catch (IOException | URISyntaxException | SecurityException e) {
      return UNKNOWN;
    }
  }
}
