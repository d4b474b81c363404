package org.ruralstats.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErasureTokensTest {
  private static final ErasureTokens K1 =
      new ErasureTokens("first-key-first-key-first-key-first".getBytes(StandardCharsets.UTF_8));
  private static final ErasureTokens K2 =
      new ErasureTokens("second-key-second-key-second-key-sec".getBytes(StandardCharsets.UTF_8));

  @Test
  void theGroupIsRfc3526Group14ASafePrime() {
    assertEquals(2048, ErasureTokens.P.bitLength());
    assertTrue(ErasureTokens.P.isProbablePrime(64));
    assertTrue(ErasureTokens.Q.isProbablePrime(64));
    assertEquals(ErasureTokens.P, ErasureTokens.Q.shiftLeft(1).add(BigInteger.ONE));
  }

  @Test
  void aTokenMovedToANewKeyIsTheTokenUnderThatKey() {
    String id = "141123196503040119";
    assertEquals(K1.token(id), K1.token(id.toLowerCase()));
    assertNotEquals(K1.token(id), K2.token(id));
    assertNotEquals(K1.token(id), K1.token("141123201509090428"));
    assertEquals(K2.token(id), K1.rekey(K1.token(id), K2));
    assertEquals(K1.token(id), K2.rekey(K1.rekey(K1.token(id), K2), K1));
  }
}
