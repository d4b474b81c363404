package org.ruralstats.export;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every output file is put in place: written under a hidden temporary name beside its target,
 * then moved onto the target in one rename that replaces it, so a reader sees the old file or the
 * new one, never half a file and never none; on a failure the temporary path is removed and the old
 * file stays. The replacing rename is Hadoop's {@code FileContext} rename with {@code OVERWRITE}
 * (one system call on local disks, one operation on HDFS); a file system without a {@code
 * FileContext} gets delete, then rename.
 */
public final class InPlace {
  private static final Logger LOG = LoggerFactory.getLogger(InPlace.class);

  private InPlace() {}

  /** A hidden temporary path in the target's folder: {@code .NAME.tmp-UUID}. */
  public static Path temporaryBeside(Path target) {
    return new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
  }

  /** Moves the file {@code from} onto {@code target}, replacing it. */
  public static void replace(Configuration conf, Path from, Path target) throws IOException {
    FileSystem fs = target.getFileSystem(conf);
    Path src = fs.makeQualified(from);
    Path dst = fs.makeQualified(target);
    FileContext fc;
    try {
      fc = FileContext.getFileContext(dst.toUri(), conf);
    } catch (UnsupportedFileSystemException e) {
      if (fs.exists(dst)) {
        fs.delete(dst, false);
      }
      if (!fs.rename(src, dst)) {
        throw new IOException("cannot move " + src + " to " + dst);
      }
      return;
    }
    fc.rename(src, dst, Options.Rename.OVERWRITE);
  }

  /** Removes a temporary path after a failure (best effort: the failure is what is reported). */
  public static void discard(Configuration conf, Path tmp) {
    try {
      FileSystem fs = tmp.getFileSystem(conf);
      if (fs.exists(tmp)) {
        fs.delete(tmp, true);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not remove the temporary {}: {}", tmp, e.toString());
    }
  }
}
