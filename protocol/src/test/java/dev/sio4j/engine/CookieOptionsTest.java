package dev.sio4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The {@code Set-Cookie} value, compared with what Node's {@code cookie} package serializes for the same options. */
class CookieOptionsTest {

  @Test
  void nodesDefaultCookieIsSecureOnlyOverTls() {
    assertEquals("io=abc; Path=/; HttpOnly; SameSite=Lax", CookieOptions.defaults().header("abc", false));
    assertEquals("io=abc; Path=/; HttpOnly; Secure; SameSite=Lax", CookieOptions.defaults().header("abc", true));
  }

  @Test
  void secureCanBeForcedOnOrOff() {
    assertEquals("io=abc; Path=/; HttpOnly; Secure; SameSite=Lax",
        CookieOptions.defaults().withSecure(true).header("abc", false));
    assertEquals("io=abc; Path=/; HttpOnly; SameSite=Lax",
        CookieOptions.defaults().withSecure(false).header("abc", true));
  }

  @Test
  void everyAttributeInTheOrderOfNodesCookiePackage() {
    // cookie.serialize("io", "abc", {maxAge: 3600, domain: "example.com", path: "/", expires: new Date(0),
    //   httpOnly: true, secure: true, sameSite: "strict"}), with sameSite capitalised as engine.io users write it
    CookieOptions c = CookieOptions.defaults().withMaxAge(Duration.ofHours(1)).withDomain("example.com")
        .withExpires(Instant.EPOCH).withSameSite("Strict").withSecure(true);
    assertEquals("io=abc; Max-Age=3600; Domain=example.com; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly;"
        + " Secure; SameSite=Strict", c.header("abc", false));
  }

  @Test
  void refusesAttributesThatWouldBreakTheHeader() {
    assertThrows(IllegalArgumentException.class, () -> CookieOptions.defaults().withName("a b"));
    assertThrows(IllegalArgumentException.class, () -> CookieOptions.defaults().withDomain("x.example; Secure"));
    assertThrows(IllegalArgumentException.class, () -> CookieOptions.defaults().withMaxAge(Duration.ofSeconds(-1)));
  }
}
