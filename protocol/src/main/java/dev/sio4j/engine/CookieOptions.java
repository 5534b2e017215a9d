package dev.sio4j.engine;

/**
 * The cookie set on the handshake response (Node's {@code cookie} option), carrying the session id so load
 * balancers can keep a client on one node.
 *
 * @param name the cookie name; Node uses {@code io}
 * @param path the cookie path, {@code /} by default
 * @param httpOnly whether the cookie is {@code HttpOnly}
 * @param sameSite the {@code SameSite} attribute ({@code Lax}, {@code Strict}, {@code None}) or {@code null}
 */
public record CookieOptions(String name, String path, boolean httpOnly, String sameSite) {

  /** Node's defaults when {@code cookie: true}: {@code io}, path {@code /}, HttpOnly, SameSite=Lax. */
  public static CookieOptions defaults() {
    return new CookieOptions("io", "/", true, "Lax");
  }
}
