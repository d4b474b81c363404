package org.ruralstats.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymKeyOnClusterTest {
  @TempDir Path tmp;

  private static SparkConf master(String master) {
    return new SparkConf(false).setMaster(master);
  }

  @Test
  void onAClusterARunWithoutAConfiguredKeyIsRefused() {
    Map<String, String> env = Map.of("XDG_CONFIG_HOME", tmp.toString());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PseudonymKey.resolve(null, env, master("spark://127.0.0.1:7077")));
    assertTrue(e.getMessage().contains("spark://127.0.0.1:7077"), e.getMessage());
    assertTrue(e.getMessage().contains("--key-file"), e.getMessage());
    assertTrue(e.getMessage().contains(PseudonymKey.CONF_KEY_FILE), e.getMessage());
    assertTrue(
        Files.notExists(tmp.resolve("rural-stats/pseudonym.key")), "no key was made up on the way");
  }

  @Test
  void onAClusterTheKeyComesFromASparkSettingTheEnvironmentOrTheCommandLine() throws Exception {
    String key = "c".repeat(48);
    Path file = Files.writeString(tmp.resolve("county.key"), key + "\n");
    byte[] want = key.getBytes(StandardCharsets.UTF_8);
    SparkConf yarn = master("yarn").set(PseudonymKey.CONF_KEY_FILE, file.toString());
    assertArrayEquals(want, PseudonymKey.resolve(null, Map.of(), yarn));
    assertArrayEquals(want, PseudonymKey.resolve(file, Map.of(), master("yarn")));
    assertArrayEquals(
        want,
        PseudonymKey.resolve(
            null, Map.of(PseudonymKey.ENV_KEY_FILE, file.toString()), master("yarn")));
    assertArrayEquals(
        want, PseudonymKey.resolve(null, Map.of(PseudonymKey.ENV_KEY, key), master("yarn")));
  }

  @Test
  void inLocalModeTheDefaultKeyFileIsStillCreated() {
    Map<String, String> env = Map.of("XDG_CONFIG_HOME", tmp.toString());
    byte[] key = PseudonymKey.resolve(null, env, new SparkConf(false));
    assertTrue(Files.isRegularFile(tmp.resolve("rural-stats/pseudonym.key")));
    assertArrayEquals(key, PseudonymKey.resolve(null, env, master("local[2]")));
  }
}
