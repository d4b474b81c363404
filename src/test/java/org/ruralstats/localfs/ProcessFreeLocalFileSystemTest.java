package org.ruralstats.localfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.support.TestSpark;

/**
 * The local file system of the job's local sessions on real files: the modes Hadoop's would give
 * (the umask applied on create and mkdirs, chmod on request), renames through {@code FileContext}
 * as Delta's log store makes them, and the link status of a link, a file and a missing file as
 * Hadoop's own file system gives it.
 */
class ProcessFreeLocalFileSystemTest {
  @TempDir java.nio.file.Path dir;

  /** The session's Hadoop settings (umask 077, the process-free file systems). */
  private static Configuration conf() {
    return new Configuration(TestSpark.session().sparkContext().hadoopConfiguration());
  }

  private static String mode(java.nio.file.Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void theSessionsFileSystemsAreTheProcessFreeOnes() throws Exception {
    try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), conf())) {
      assertInstanceOf(ProcessFreeLocalFileSystem.class, fs);
      assertInstanceOf(
          ProcessFreeRawLocalFileSystem.class, ((ProcessFreeLocalFileSystem) fs).getRaw());
    }
    assertInstanceOf(
        ProcessFreeLocalFs.class, FileContext.getLocalFSFileContext(conf()).getDefaultFileSystem());
    // Hadoop keeps one file: file system per JVM, made with the settings of its first user: a test
    // that used a plain Configuration first would leave every later test Hadoop's own
    assertInstanceOf(
        ProcessFreeLocalFileSystem.class,
        FileSystem.get(URI.create("file:///"), conf()),
        "the JVM's shared file: file system (TestSpark.hadoopConf() for tests without a session)");
  }

  @Test
  void createAndMkdirsApplyTheUmaskAndSetPermissionSetsTheMode() throws Exception {
    try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), conf())) {
      Path folder = new Path(dir.toUri().toString(), "a/b");
      assertTrue(fs.mkdirs(folder));
      assertEquals("rwx------", mode(dir.resolve("a/b")));
      assertEquals("rwx------", mode(dir.resolve("a")));
      try (OutputStream out = fs.create(new Path(folder, "f.txt"))) {
        out.write("x".getBytes(StandardCharsets.UTF_8));
      }
      assertEquals("rw-------", mode(dir.resolve("a/b/f.txt")));
      assertEquals("rw-------", mode(dir.resolve("a/b/.f.txt.crc")), "its checksum file too");
      fs.setPermission(new Path(folder, "f.txt"), new FsPermission((short) 0640));
      assertEquals("rw-r-----", mode(dir.resolve("a/b/f.txt")));
      fs.setPermission(folder, new FsPermission((short) 0751));
      assertEquals("rwxr-x--x", mode(dir.resolve("a/b")));
      FileNotFoundException missing =
          assertThrows(
              FileNotFoundException.class,
              () -> fs.getFileStatus(new Path(folder, "none")),
              "a missing file is still reported as missing");
      assertTrue(missing.getMessage().contains("none"), missing.getMessage());
    }
  }

  @Test
  void theStickyBitIsLeftToHadoop() throws Exception {
    try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), conf())) {
      Path folder = new Path(dir.toUri().toString(), "shared");
      fs.mkdirs(folder);
      fs.setPermission(folder, new FsPermission((short) 01777));
      Process stat =
          new ProcessBuilder("stat", "-c", "%a", dir.resolve("shared").toString()).start();
      String octal =
          new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertEquals(0, stat.waitFor());
      assertEquals("1777", octal);
    }
  }

  @Test
  void fileContextRenamesWithoutOverwriteAndSeesLinks() throws Exception {
    FileContext fc = FileContext.getLocalFSFileContext(conf());
    Path from = new Path(dir.toUri().toString(), "00001.json.tmp");
    Path to = new Path(dir.toUri().toString(), "00001.json");
    try (OutputStream out =
        fc.create(from, EnumSet.of(CreateFlag.CREATE), Options.CreateOpts.createParent())) {
      out.write("{}".getBytes(StandardCharsets.UTF_8));
    }
    fc.rename(from, to, Options.Rename.NONE);
    assertEquals("{}", Files.readString(dir.resolve("00001.json")));
    assertFalse(Files.exists(dir.resolve("00001.json.tmp")));
    assertEquals("rw-------", mode(dir.resolve("00001.json")));
    // a second commit of the same version is refused, as Delta's log store relies on
    Path again = new Path(dir.toUri().toString(), "again.tmp");
    try (OutputStream out = fc.create(again, EnumSet.of(CreateFlag.CREATE))) {
      out.write("[]".getBytes(StandardCharsets.UTF_8));
    }
    assertThrows(
        org.apache.hadoop.fs.FileAlreadyExistsException.class,
        () -> fc.rename(again, to, Options.Rename.NONE));
    assertEquals("{}", Files.readString(dir.resolve("00001.json")));

    // links: the same answer as Hadoop's own file system (which, for a path with its scheme, does
    // not tell a link from its target: its readlink process is handed "file:/...")
    Files.createSymbolicLink(dir.resolve("link.json"), dir.resolve("00001.json"));
    Configuration hadoops = conf();
    hadoops.set("fs.AbstractFileSystem.file.impl", "org.apache.hadoop.fs.local.LocalFs");
    FileContext own = FileContext.getLocalFSFileContext(hadoops);
    assertFalse(own.getDefaultFileSystem() instanceof ProcessFreeLocalFs);
    for (String name : new String[] {"link.json", "00001.json"}) {
      Path p = new Path(dir.toUri().toString(), name);
      FileStatus ours = fc.getFileLinkStatus(p);
      FileStatus theirs = own.getFileLinkStatus(p);
      assertEquals(theirs.isSymlink(), ours.isSymlink(), name);
      assertEquals(theirs.getLen(), ours.getLen(), name);
      assertEquals(theirs.getPath(), ours.getPath(), name);
    }
    assertEquals(2, fc.getFileLinkStatus(to).getLen());
    Path none = new Path(dir.toUri().toString(), "none.json");
    assertThrows(FileNotFoundException.class, () -> fc.getFileLinkStatus(none));
  }
}
