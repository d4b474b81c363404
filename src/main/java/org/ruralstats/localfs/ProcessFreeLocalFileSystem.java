package org.ruralstats.localfs;

import org.apache.hadoop.fs.LocalFileSystem;

/**
 * Hadoop's checksummed {@link LocalFileSystem} over {@link ProcessFreeRawLocalFileSystem}: the
 * {@code FileSystem} of {@code file:} paths ({@code fs.file.impl}).
 */
public class ProcessFreeLocalFileSystem extends LocalFileSystem {
  /** Hadoop creates file systems by their no-argument constructor. */
  public ProcessFreeLocalFileSystem() {
    super(new ProcessFreeRawLocalFileSystem());
  }
}
