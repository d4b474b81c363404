package org.ruralstats.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the secret key of the ID pseudonyms. It is configuration, never code or data: taken from
 * {@code RURAL_STATS_PSEUDONYM_KEY} (the key itself, at least 32 characters), else from the file
 * named by {@code RURAL_STATS_PSEUDONYM_KEY_FILE} or {@code --key-file}, else from {@code
 * ~/.config/rural-stats/pseudonym.key} (or under {@code $XDG_CONFIG_HOME}), which is created with a
 * random key and permissions 0600 when it does not exist. Outside local mode (a cluster master) the
 * key must be given explicitly: the default file would live in the home folder of whichever machine
 * runs the driver.
 */
public final class PseudonymKey {
  private static final Logger LOG = LoggerFactory.getLogger(PseudonymKey.class);

  /** Environment variable holding the key itself. */
  public static final String ENV_KEY = "RURAL_STATS_PSEUDONYM_KEY";

  /** Environment variable naming the key file. */
  public static final String ENV_KEY_FILE = "RURAL_STATS_PSEUDONYM_KEY_FILE";

  /** Spark setting naming the key file ({@code --conf spark.ruralstats.pseudonymKeyFile=FILE}). */
  public static final String CONF_KEY_FILE = "spark.ruralstats.pseudonymKeyFile";

  private PseudonymKey() {}

  /**
   * Resolves the key for a job launched with the given Spark settings. A key file may also be named
   * by the Spark setting {@value #CONF_KEY_FILE}. In local mode, the default key file is used (and
   * created) as by {@link #resolve(Path, Map)}; on a cluster master, a run without an explicitly
   * configured key is refused.
   *
   * @param keyFile explicit key file (from the command line), or null
   * @param env the environment (System.getenv() in production)
   * @param conf the launcher's Spark settings ({@code new SparkConf()} in production)
   * @return the key bytes
   * @throws IllegalArgumentException when no key is configured outside local mode
   */
  public static byte[] resolve(Path keyFile, Map<String, String> env, SparkConf conf) {
    Path file = keyFile;
    String fromConf = conf.get(CONF_KEY_FILE, "").trim();
    if (file == null && !fromConf.isEmpty()) {
      file = Paths.get(fromConf);
    }
    if (file == null
        && isBlank(env.get(ENV_KEY))
        && isBlank(env.get(ENV_KEY_FILE))
        && !SparkSessions.isLocal(conf)) {
      throw new IllegalArgumentException(
          "no pseudonym key is configured, and the job runs on the cluster master "
              + conf.get("spark.master")
              + ", where a key created in the home folder of the driver's machine would give the"
              + " same person different pseudonyms from one run to the next. Give the county's"
              + " key with --key-file FILE, --conf "
              + CONF_KEY_FILE
              + "=FILE, or the environment variable "
              + ENV_KEY_FILE
              + " (or "
              + ENV_KEY
              + "); nothing was run.");
    }
    return resolve(file, env);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * Resolves the key.
   *
   * @param keyFile explicit key file (from the command line), or null
   * @param env the environment (System.getenv() in production)
   * @return the key bytes
   */
  public static byte[] resolve(Path keyFile, Map<String, String> env) {
    String direct = env.get(ENV_KEY);
    if (direct != null && !direct.isBlank()) {
      if (direct.trim().length() < 32) {
        throw new IllegalArgumentException(
            ENV_KEY
                + " is set but shorter than 32 characters; set it to a long random secret"
                + " (e.g. the output of: openssl rand -hex 32)");
      }
      return direct.trim().getBytes(StandardCharsets.UTF_8);
    }
    Path file = keyFile;
    if (file == null && env.get(ENV_KEY_FILE) != null && !env.get(ENV_KEY_FILE).isBlank()) {
      file = Paths.get(env.get(ENV_KEY_FILE));
    }
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(
            "the pseudonym key file "
                + file
                + " does not exist; point to the county's key file"
                + " or unset the setting to use "
                + defaultFile(env));
      }
      return read(file);
    }
    Path def = defaultFile(env);
    if (!Files.exists(def)) {
      create(def);
    }
    return read(def);
  }

  /** The default key file location. */
  public static Path defaultFile(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Paths.get(xdg)
            : Paths.get(System.getProperty("user.home"), ".config");
    return base.resolve("rural-stats").resolve("pseudonym.key");
  }

  private static byte[] read(Path file) {
    try {
      String k = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (k.length() < 32) {
        throw new IllegalArgumentException(
            "the pseudonym key in "
                + file
                + " is shorter than 32 characters; replace it with a"
                + " long random secret");
      }
      return k.getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the pseudonym key file " + file, e);
    }
  }

  private static void create(Path file) {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    try {
      Files.createDirectories(file.getParent());
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, HexFormat.of().formatHex(random) + "\n", StandardCharsets.UTF_8);
      LOG.warn(
          "No pseudonym key was configured: created a new random key in {} (permissions 0600)."
              + " Keep it and back it up: the same key must be used for every run on this"
              + " warehouse, or persons are no longer matched across runs.",
          file);
    } catch (FileAlreadyExistsException e) {
      // another process created it first; use theirs
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the pseudonym key file " + file + "; set " + ENV_KEY_FILE + " instead", e);
    }
  }
}
