package org.ruralstats.localfs;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FsConstants;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.local.LocalConfigKeys;

/**
 * Hadoop's checksummed {@code FileContext} file system of {@code file:} paths ({@code
 * fs.AbstractFileSystem.file.impl}, which Delta's log store commits through) over {@link
 * ProcessFreeRawLocalFileSystem}: Hadoop's {@code LocalFs}, whose raw layer ({@code RawLocalFs})
 * creates Hadoop's own raw file system and cannot be given another.
 */
public class ProcessFreeLocalFs extends ChecksumFs {
  /**
   * Hadoop creates {@code FileContext} file systems by this constructor; like Hadoop's {@code
   * LocalFs}, it serves {@code file:///} whatever {@code uri} says.
   */
  public ProcessFreeLocalFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
    super(new Raw(conf));
  }

  /** Hadoop's {@code RawLocalFs}, over {@link ProcessFreeRawLocalFileSystem}. */
  static final class Raw extends DelegateToFileSystem {
    Raw(Configuration conf) throws IOException, URISyntaxException {
      super(
          FsConstants.LOCAL_FS_URI,
          new ProcessFreeRawLocalFileSystem(),
          conf,
          FsConstants.LOCAL_FS_URI.getScheme(),
          false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1; // no port for the local file system
    }

    @Override
    @SuppressWarnings("deprecation")
    public FsServerDefaults getServerDefaults() throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public FsServerDefaults getServerDefaults(Path f) throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public boolean isValidName(String src) {
      return true; // any name is valid locally
    }
  }
}
