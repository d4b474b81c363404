package org.ruralstats.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ruralstats.support.TestSpark;

class WarehouseModesTest {
  @TempDir Path wh;

  private Path file(String rel, String mode) throws IOException {
    Path f = wh.resolve(rel);
    Files.createDirectories(f.getParent());
    Files.writeString(f, "x");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
    Files.setPosixFilePermissions(f.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
    return f;
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void rawIsClosedAndSaysHowManyEntriesWereOpen() throws IOException {
    Path raw = file("raw/rows/part-0.parquet", "rw-r--r--");
    Path crc = file("raw/rows/.part-0.parquet.crc", "rw-r--r--");
    Path owner = file("raw/rows/_delta_log/0.json", "rw-------");
    WarehouseModes m = new WarehouseModes(TestSpark.hadoopConf(), wh.toString(), "640");
    assertEquals(5, m.closeRaw()); // raw, rows, _delta_log, the data file, its checksum file
    assertEquals("rw-------", mode(raw));
    assertEquals("rw-------", mode(crc));
    assertEquals("rw-------", mode(owner));
    assertEquals("rwx------", mode(raw.getParent()));
    assertEquals("rwx------", mode(wh.resolve("raw")));
    assertEquals(0, m.closeRaw());
  }

  @Test
  void zonesGetTheirModesAndPublishedFollowsTheSetting() throws IOException {
    Path clean = file("clean/roster/part-0.parquet", "rw-------");
    Path pub = file("published/indicators/part-0.parquet", "rw-------");
    new WarehouseModes(TestSpark.hadoopConf(), wh.toString(), "644").applyAll();
    assertEquals("rw-r-----", mode(clean));
    assertEquals("rwxr-x---", mode(clean.getParent()));
    assertEquals("rw-r--r--", mode(pub));
    assertEquals("rwxr-xr-x", mode(pub.getParent()));
    assertEquals("rwx--x--x", mode(wh));
    new WarehouseModes(TestSpark.hadoopConf(), wh.toString(), "600").applyAll();
    assertEquals("rw-------", mode(pub));
    assertEquals("rwx--x---", mode(wh));
    assertThrows(
        IllegalArgumentException.class,
        () -> new WarehouseModes(TestSpark.hadoopConf(), wh.toString(), "rw-r-----"));
  }
}
