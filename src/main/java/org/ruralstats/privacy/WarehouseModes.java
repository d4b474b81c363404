package org.ruralstats.privacy;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.ruralstats.warehouse.WarehouseLock;

/**
 * Who may read which zone of the warehouse, enforced by the file system (Hadoop permissions: POSIX
 * modes on a local disk, HDFS permissions on a cluster). The raw zone ({@code raw/}, ID numbers) is
 * owner-only (folders 0700, files 0600); the clean, quality and meta zones (pseudonymized rows,
 * rejects, audit) owner and group (0750/0640); the published zone and the exports as configured
 * ({@value #CONF_PUBLISHED_MODE}, a file mode, default 0640: group-readable; folders get the
 * matching execute bits). The warehouse folder itself lets through whoever may read a zone in it.
 * Jobs also create every file owner-only from the start ({@value #UMASK_KEY} 077, see {@code
 * SparkSessions}), so these modes only ever widen what the job wrote.
 */
public final class WarehouseModes {
  /** Hadoop's umask setting. */
  public static final String UMASK_KEY = "fs.permissions.umask-mode";

  /** Spark setting (or {@code -Dspark.ruralstats.publishedMode}) for published files. */
  public static final String CONF_PUBLISHED_MODE = "spark.ruralstats.publishedMode";

  /** Mode of files in the raw zone. */
  public static final FsPermission RAW_FILE = new FsPermission((short) 0600);

  /** Mode of folders in the raw zone. */
  public static final FsPermission RAW_DIR = new FsPermission((short) 0700);

  private static final FsPermission GROUP_FILE = new FsPermission((short) 0640);
  private static final FsPermission GROUP_DIR = new FsPermission((short) 0750);

  private final FileSystem fs;
  private final Path root;
  private final FsPermission publishedFile;
  private final FsPermission publishedDir;

  /**
   * @param conf the Hadoop configuration
   * @param root the warehouse folder
   * @param publishedMode octal file mode of published tables and exports (e.g. "640", "644")
   */
  public WarehouseModes(Configuration conf, String root, String publishedMode) {
    this.root = new Path(root);
    try {
      FileSystem f = this.root.getFileSystem(conf);
      // on a local disk, the raw file system: Hadoop's hidden .crc files are then listed too
      this.fs = f instanceof ChecksumFileSystem c ? c.getRawFileSystem() : f;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + root, e);
    }
    short file;
    try {
      file = (short) (Integer.parseInt(publishedMode.trim(), 8) & 0666);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          CONF_PUBLISHED_MODE
              + " is '"
              + publishedMode
              + "', not an octal file mode; give e.g. 640 (group-readable) or 600 (owner only)");
    }
    file |= 0600;
    this.publishedFile = new FsPermission(file);
    this.publishedDir = new FsPermission((short) (file | ((file & 0444) >> 2) | 0100));
  }

  /** The zones' modes for a warehouse in a session, the published mode from its configuration. */
  public static WarehouseModes of(org.apache.spark.sql.SparkSession spark, String root) {
    String mode =
        spark.conf().get(CONF_PUBLISHED_MODE, System.getProperty(CONF_PUBLISHED_MODE, "640"));
    return new WarehouseModes(spark.sparkContext().hadoopConfiguration(), root, mode);
  }

  /** The zones' modes before a session starts: the published mode from the launcher's settings. */
  public static WarehouseModes of(
      org.apache.spark.SparkConf given, Configuration conf, String root) {
    String mode = given.get(CONF_PUBLISHED_MODE, System.getProperty(CONF_PUBLISHED_MODE, "640"));
    return new WarehouseModes(conf, root, mode);
  }

  /** Mode of published files and exports. */
  public FsPermission publishedFile() {
    return publishedFile;
  }

  /**
   * Counts the entries under {@code raw/} that anyone but the owner may use, and makes them
   * owner-only.
   *
   * @return how many entries were opened wider than owner-only (0: nothing to fix)
   */
  public int closeRaw() {
    return apply(new Path(root, "raw"), RAW_DIR, RAW_FILE, true);
  }

  /** Sets every zone's modes (after a run's commit). */
  public void applyAll() {
    try {
      if (!fs.exists(root)) {
        return;
      }
      short through =
          (short) (0700 | (GROUP_DIR.toShort() & 0010) | (publishedDir.toShort() & 0011));
      fs.setPermission(root, new FsPermission(through));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set the permissions of " + root, e);
    }
    apply(new Path(root, "raw"), RAW_DIR, RAW_FILE, false);
    apply(new Path(root, WarehouseLock.FOLDER), RAW_DIR, RAW_FILE, false);
    for (String zone : new String[] {"clean", "quality", "meta"}) {
      apply(new Path(root, zone), GROUP_DIR, GROUP_FILE, false);
    }
    apply(new Path(root, "published"), publishedDir, publishedFile, false);
    apply(new Path(root, "exports"), publishedDir, publishedFile, false);
  }

  /** Gives an export (file or folder, anywhere) the published mode. */
  public void applyToExport(String path) {
    apply(new Path(path), publishedDir, publishedFile, false);
  }

  /** The modes of the zones, for the docs and messages. */
  public Map<String, String> describe() {
    return Map.of(
        "raw", "0700/0600",
        "clean, quality, meta", "0750/0640",
        "published, exports", publishedDir + "/" + publishedFile);
  }

  private int apply(Path p, FsPermission dir, FsPermission file, boolean countWider) {
    try {
      if (!fs.exists(p)) {
        return 0;
      }
      if ("file".equals(fs.getUri().getScheme())) {
        return walkLocal(fs.makeQualified(p), dir, file, countWider);
      }
      return walk(fs.getFileStatus(p), dir, file, countWider);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set the permissions under " + p, e);
    }
  }

  /**
   * The same walk on a local disk through java.nio: Hadoop's local file system without its native
   * library starts a process ({@code stat}, {@code chmod}) for every file whose mode it reads or
   * sets, which took minutes on a warehouse of a few thousand files.
   */
  private static int walkLocal(Path p, FsPermission dir, FsPermission file, boolean countWider)
      throws IOException {
    Set<PosixFilePermission> dirMode = PosixFilePermissions.fromString(dir.toString());
    Set<PosixFilePermission> fileMode = PosixFilePermissions.fromString(file.toString());
    int[] wider = {0};
    Files.walkFileTree(
        Paths.get(p.toUri()),
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(java.nio.file.Path d, BasicFileAttributes attrs)
              throws IOException {
            fix(d, dirMode);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(java.nio.file.Path f, BasicFileAttributes attrs)
              throws IOException {
            if (!attrs.isSymbolicLink()) {
              fix(f, fileMode);
            }
            return FileVisitResult.CONTINUE;
          }

          private void fix(java.nio.file.Path x, Set<PosixFilePermission> want) throws IOException {
            Set<PosixFilePermission> has = Files.getPosixFilePermissions(x, NOFOLLOW_LINKS);
            if (!has.equals(want)) {
              if (countWider
                  && has.stream()
                      .anyMatch(b -> !want.contains(b) && !b.name().startsWith("OWNER"))) {
                wider[0]++;
              }
              Files.setPosixFilePermissions(x, want);
            }
          }
        });
    return wider[0];
  }

  private int walk(FileStatus st, FsPermission dir, FsPermission file, boolean countWider)
      throws IOException {
    FsPermission want = st.isDirectory() ? dir : file;
    int wider = 0;
    FsPermission has = st.getPermission();
    if (!has.equals(want)) {
      if (countWider && (has.toShort() & ~want.toShort() & 0077) != 0) {
        wider++;
      }
      fs.setPermission(st.getPath(), want);
    }
    if (st.isDirectory()) {
      for (FileStatus child : fs.listStatus(st.getPath())) {
        wider += walk(child, dir, file, countWider);
      }
    }
    return wider;
  }
}
