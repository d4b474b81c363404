package org.ruralstats.privacy;

import java.io.Serializable;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens of erased persons that survive a key rotation without keeping their ID numbers. A token is
 * {@code H(id)^k mod p}: {@code p} the 2048-bit safe prime of RFC 3526 (group 14), {@code H} a hash
 * into the subgroup of squares (prime order {@code q = (p-1)/2}), {@code k} an exponent derived
 * from the pseudonym key. Without the key a token says nothing about the ID (the decisional
 * Diffie-Hellman assumption); with it, a delivered ID is recognized by computing its token. Unlike
 * an HMAC pseudonym, a token can be moved to a new key without the ID: {@code t^(k2/k1 mod q)} is
 * the token under the new key ({@link #rekey}). One token costs about 1 ms (a modular power), so
 * the pipeline computes tokens only for persons new to a table.
 */
public final class ErasureTokens implements Serializable {
  private static final long serialVersionUID = 1L;

  /** RFC 3526, 2048-bit MODP group (group 14): a safe prime. */
  static final BigInteger P =
      new BigInteger(
          "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A0879"
              + "8E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A6"
              + "37ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163"
              + "BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966"
              + "D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5"
              + "C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AACAA68FFFF"
              + "FFFFFFFFFFFF",
          16);

  /** The order of the subgroup of squares. */
  static final BigInteger Q = P.subtract(BigInteger.ONE).shiftRight(1);

  private final BigInteger exponent;

  /** The tokens under a pseudonym key. */
  public ErasureTokens(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] a = mac.doFinal("rural-stats erasure exponent 1".getBytes(StandardCharsets.UTF_8));
      byte[] b = mac.doFinal("rural-stats erasure exponent 2".getBytes(StandardCharsets.UTF_8));
      byte[] both = new byte[a.length + b.length];
      System.arraycopy(a, 0, both, 0, a.length);
      System.arraycopy(b, 0, both, a.length, b.length);
      this.exponent = new BigInteger(1, both).mod(Q.subtract(BigInteger.ONE)).add(BigInteger.ONE);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available in this JVM", e);
    }
  }

  /** The token of an ID number (upper-cased first), as hex. */
  public String token(String id) {
    return hash(id.toUpperCase(Locale.ROOT)).modPow(exponent, P).toString(16);
  }

  /** A token under this key moved to the key of {@code target}. */
  public String rekey(String token, ErasureTokens target) {
    BigInteger e = target.exponent.multiply(exponent.modInverse(Q)).mod(Q);
    return new BigInteger(token, 16).modPow(e, P).toString(16);
  }

  /** Hashes into the subgroup of squares mod P: SHA-512 expanded to 2560 bits, squared. */
  private static BigInteger hash(String id) {
    try {
      byte[] out = new byte[320];
      for (int i = 0; i < 5; i++) {
        MessageDigest sha = MessageDigest.getInstance("SHA-512");
        sha.update((byte) i);
        sha.update("rural-stats erased person ".getBytes(StandardCharsets.UTF_8));
        sha.update(id.getBytes(StandardCharsets.UTF_8));
        System.arraycopy(sha.digest(), 0, out, i * 64, 64);
      }
      BigInteger h = new BigInteger(1, out).mod(P);
      return h.multiply(h).mod(P);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-512 is not available in this JVM", e);
    }
  }
}
