package org.ruralstats.export;

import java.io.IOException;
import java.io.UncheckedIOException;
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

  /** What writes an output under its temporary path. */
  @FunctionalInterface
  public interface Body {
    /**
     * Writes the output under {@code tmp} (a file, or a folder for a writer that makes one) and
     * returns the file to put in place: {@code tmp} itself, or a file under it.
     */
    Path write(FileSystem fs, Path tmp) throws IOException;
  }

  /**
   * Writes {@code target} through {@code body} under a hidden temporary path in its folder ({@code
   * .NAME.tmp-UUID}), then replaces {@code target} with the file the body returns and removes what
   * is left of the temporary path; on any failure removes the temporary path and leaves {@code
   * target} as it was.
   *
   * @param what the output, for the message of a failure ("the export FILE")
   * @throws UncheckedIOException when writing or moving fails
   */
  public static void write(Configuration conf, Path target, String what, Body body) {
    Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp-" + UUID.randomUUID());
    try {
      FileSystem fs = target.getFileSystem(conf);
      if (target.getParent() != null) {
        fs.mkdirs(target.getParent());
      }
      replace(conf, fs, body.write(fs, tmp), target);
      removeIfPresent(fs, tmp); // the rest of the temporary folder, when the body made one
    } catch (IOException e) {
      discard(conf, tmp);
      throw new UncheckedIOException("cannot write " + what + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      discard(conf, tmp);
      throw e;
    }
  }

  /** Moves the file {@code from} onto {@code target}, replacing it. */
  private static void replace(Configuration conf, FileSystem fs, Path from, Path target)
      throws IOException {
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
  private static void discard(Configuration conf, Path tmp) {
    try {
      removeIfPresent(tmp.getFileSystem(conf), tmp);
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not remove the temporary {}: {}", tmp, e.toString());
    }
  }

  private static void removeIfPresent(FileSystem fs, Path tmp) throws IOException {
    if (fs.exists(tmp)) {
      fs.delete(tmp, true);
    }
  }
}
