package dev.sio4j.engine;

import java.security.SecureRandom;
import java.util.Base64;

/** Generates session ids: 120 bits from {@link SecureRandom}, URL-safe base64 without padding (20 characters). */
final class SessionIds {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BYTES = 15;

  private SessionIds() {}

  static String next() {
    byte[] b = new byte[BYTES];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
