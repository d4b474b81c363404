package org.ruralstats.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymKeyTest {
  @TempDir Path tmp;

  @Test
  void createsAPrivateKeyFileOnceAndReusesIt() throws Exception {
    Map<String, String> env = Map.of("XDG_CONFIG_HOME", tmp.toString());
    byte[] first = PseudonymKey.resolve(null, env);
    Path file = tmp.resolve("rural-stats/pseudonym.key");
    assertTrue(Files.isRegularFile(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(64, first.length, "32 random bytes as hex");
    assertArrayEquals(first, PseudonymKey.resolve(null, env));
  }

  @Test
  void takesTheKeyFromTheEnvironmentOrAKeyFile() throws Exception {
    String key = "k".repeat(40);
    assertArrayEquals(
        key.getBytes(StandardCharsets.UTF_8),
        PseudonymKey.resolve(null, Map.of(PseudonymKey.ENV_KEY, key)));
    Path file = Files.writeString(tmp.resolve("county.key"), key + "\n");
    assertArrayEquals(
        key.getBytes(StandardCharsets.UTF_8),
        PseudonymKey.resolve(null, Map.of(PseudonymKey.ENV_KEY_FILE, file.toString())));
  }

  @Test
  void refusesAShortKeyOrAMissingKeyFile() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PseudonymKey.resolve(null, Map.of(PseudonymKey.ENV_KEY, "short")));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PseudonymKey.resolve(tmp.resolve("nope.key"), Map.of()));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }
}
