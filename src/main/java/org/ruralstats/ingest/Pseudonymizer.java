package org.ruralstats.ingest;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces an ID number by a keyed pseudonym: HMAC-SHA-256 of the upper-cased ID under the
 * pipeline's secret key, as 32 hex characters (128 bits). The same ID gives the same pseudonym in
 * every source, so persons can be matched across sources without their ID numbers.
 */
public final class Pseudonymizer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] key;
  private transient Mac mac;

  /** A pseudonymizer for the given secret key (at least 16 bytes). */
  public Pseudonymizer(byte[] key) {
    if (key == null || key.length < 16) {
      throw new IllegalArgumentException("the pseudonym key must have at least 16 bytes");
    }
    this.key = key.clone();
  }

  /** The erasure tokens under the same key (see {@link org.ruralstats.privacy.ErasureTokens}). */
  public org.ruralstats.privacy.ErasureTokens erasureTokens() {
    return new org.ruralstats.privacy.ErasureTokens(key);
  }

  /** The pseudonym of an ID number (upper-cased first). */
  public String pseudonym(String id) {
    return hex(
        mac().doFinal(id.toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8)), 16);
  }

  /**
   * A short fingerprint of the key (not the key): lets a run notice that the key differs from the
   * one the warehouse was built with.
   */
  public String fingerprint() {
    return hex(mac().doFinal("rural-stats key fingerprint".getBytes(StandardCharsets.UTF_8)), 8);
  }

  private Mac mac() {
    if (mac == null) {
      try {
        mac = Mac.getInstance(ALGORITHM);
        mac.init(new SecretKeySpec(key, ALGORITHM));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HMAC-SHA-256 is not available in this JVM", e);
      }
    }
    return mac;
  }

  private static String hex(byte[] bytes, int length) {
    return HexFormat.of().formatHex(bytes, 0, length);
  }
}
