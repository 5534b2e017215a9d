package dev.sio4j.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The cookie set on the handshake response (Node's {@code cookie} option), carrying the session id so load
 * balancers can keep a client on one node. The session id is a bearer token of the session, so the cookie is
 * {@code HttpOnly} by default and {@code Secure} whenever the handshake came over TLS.
 *
 * <pre>{@code
 * CookieOptions.defaults().withDomain("example.com").withMaxAge(Duration.ofHours(1))
 * }</pre>
 *
 * <p>Immutable and thread safe.
 *
 * @param name the cookie name; Node uses {@code io}
 * @param path the cookie path, {@code /} by default, or {@code null} for none
 * @param httpOnly whether the cookie is {@code HttpOnly}
 * @param sameSite the {@code SameSite} attribute ({@code Lax}, {@code Strict}, {@code None}) or {@code null}
 * @param secure whether the cookie is {@code Secure}: {@code true} always, {@code false} never, {@code null} (the
 *     default) when the handshake request came over TLS
 * @param domain the {@code Domain} attribute, or {@code null} (the default: the host that answered)
 * @param maxAge the {@code Max-Age} attribute (whole seconds), or {@code null} (the default: a session cookie)
 * @param expires the {@code Expires} attribute, or {@code null} (the default)
 */
public record CookieOptions(String name, String path, boolean httpOnly, String sameSite, Boolean secure,
    String domain, Duration maxAge, Instant expires) {

  /** {@code Expires} as JavaScript's {@code Date.toUTCString()} writes it, what Node's {@code cookie} package sends. */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  /** Checks the name and that no attribute could break the header. */
  public CookieOptions {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || !token(name)) {
      throw new IllegalArgumentException("cookie name must be a non-empty token, was '" + name + "'");
    }
    for (String v : new String[] {path, sameSite, domain}) {
      if (v != null && (v.indexOf(';') >= 0 || v.chars().anyMatch(c -> c < 0x20 || c == 0x7f))) {
        throw new IllegalArgumentException("cookie attribute must not contain ';' or control characters: '" + v + "'");
      }
    }
    if (maxAge != null && maxAge.isNegative()) {
      throw new IllegalArgumentException("cookie maxAge must be >= 0, was " + maxAge);
    }
  }

  /** The four attributes of earlier versions: {@code Secure} on TLS handshakes, no domain, a session cookie. */
  public CookieOptions(String name, String path, boolean httpOnly, String sameSite) {
    this(name, path, httpOnly, sameSite, null, null, null, null);
  }

  /** Node's defaults when {@code cookie: true}: {@code io}, path {@code /}, HttpOnly, SameSite=Lax; Secure over TLS. */
  public static CookieOptions defaults() {
    return new CookieOptions("io", "/", true, "Lax");
  }

  /** A copy with another name. */
  public CookieOptions withName(String v) {
    return new CookieOptions(v, path, httpOnly, sameSite, secure, domain, maxAge, expires);
  }

  /** A copy with another path ({@code null} for none). */
  public CookieOptions withPath(String v) {
    return new CookieOptions(name, v, httpOnly, sameSite, secure, domain, maxAge, expires);
  }

  /** A copy with {@code HttpOnly} on or off. */
  public CookieOptions withHttpOnly(boolean v) {
    return new CookieOptions(name, path, v, sameSite, secure, domain, maxAge, expires);
  }

  /** A copy with another {@code SameSite} ({@code null} for none). */
  public CookieOptions withSameSite(String v) {
    return new CookieOptions(name, path, httpOnly, v, secure, domain, maxAge, expires);
  }

  /** A copy with {@code Secure} always ({@code true}), never ({@code false}) or over TLS only ({@code null}). */
  public CookieOptions withSecure(Boolean v) {
    return new CookieOptions(name, path, httpOnly, sameSite, v, domain, maxAge, expires);
  }

  /** A copy with a {@code Domain}. */
  public CookieOptions withDomain(String v) {
    return new CookieOptions(name, path, httpOnly, sameSite, secure, v, maxAge, expires);
  }

  /** A copy with a {@code Max-Age}. */
  public CookieOptions withMaxAge(Duration v) {
    return new CookieOptions(name, path, httpOnly, sameSite, secure, domain, v, expires);
  }

  /** A copy with an {@code Expires}. */
  public CookieOptions withExpires(Instant v) {
    return new CookieOptions(name, path, httpOnly, sameSite, secure, domain, maxAge, v);
  }

  /**
   * The {@code Set-Cookie} value for {@code sid}, attributes in the order of Node's {@code cookie} package:
   * {@code io=<sid>; Max-Age=..; Domain=..; Path=/; Expires=..; HttpOnly; Secure; SameSite=Lax}.
   */
  String header(String sid, boolean overTls) {
    StringBuilder sb = new StringBuilder(name).append('=').append(sid);
    if (maxAge != null) {
      sb.append("; Max-Age=").append(maxAge.toSeconds());
    }
    if (domain != null) {
      sb.append("; Domain=").append(domain);
    }
    if (path != null) {
      sb.append("; Path=").append(path);
    }
    if (expires != null) {
      sb.append("; Expires=").append(HTTP_DATE.format(expires));
    }
    if (httpOnly) {
      sb.append("; HttpOnly");
    }
    if (secure != null ? secure : overTls) {
      sb.append("; Secure");
    }
    if (sameSite != null) {
      sb.append("; SameSite=").append(sameSite);
    }
    return sb.toString();
  }

  private static boolean token(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }
}
