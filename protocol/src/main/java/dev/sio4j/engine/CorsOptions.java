package dev.sio4j.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Cross-origin policy, as Node's {@code cors} option. Polling responses get {@code Access-Control-*} headers when the
 * request's {@code Origin} is allowed; a WebSocket handshake whose {@code Origin} is not allowed is refused (403),
 * which stops cross-site WebSocket hijacking.
 *
 * <p>As Node's {@code cors} module, {@code "*"} is answered with a literal {@code Access-Control-Allow-Origin: *}, with
 * or without credentials: browsers then refuse every credentialed cross-origin read, so {@code "*"} never exposes a
 * logged-in user's responses to another site. To allow credentialed reads, list the origins: a listed origin is echoed
 * back. The origin {@code null} (sandboxed frames, {@code file:} pages, some redirects) is allowed only when listed
 * as {@code "null"}.
 *
 * @param origins allowed origins, exactly as browsers send them (e.g. {@code https://example.com}); {@code "*"} allows any
 * @param credentials whether {@code Access-Control-Allow-Credentials: true} is sent; it lets browsers make credentialed
 *     reads only from listed origins (never with {@code "*"})
 * @param allowedHeaders request headers a preflight may ask for; empty echoes what the preflight asked
 * @param maxAge how long browsers may cache a preflight answer, or {@code null}
 * @param originMatcher origins allowed besides the listed ones, as Node's {@code origin: /regex/} or
 *     {@code origin: (origin, callback) => ...}: called with the request's {@code Origin} (also {@code "null"}) on the
 *     request's thread, so it must be fast and thread safe; if it throws, the origin is not allowed. {@code null}:
 *     only the listed origins
 */
public record CorsOptions(List<String> origins, boolean credentials, List<String> allowedHeaders, Duration maxAge,
    Predicate<String> originMatcher) {

  /** Copies the lists. */
  public CorsOptions {
    origins = List.copyOf(origins);
    allowedHeaders = List.copyOf(allowedHeaders);
  }

  /** Only the listed origins (or {@code "*"}), without a matcher. */
  public CorsOptions(List<String> origins, boolean credentials, List<String> allowedHeaders, Duration maxAge) {
    this(origins, credentials, allowedHeaders, maxAge, null);
  }

  /** Any origin, no credentials: {@code origin: "*"} in Node. */
  public static CorsOptions allowAll() {
    return new CorsOptions(List.of("*"), false, List.of(), null);
  }

  /** Only these origins, with credentials. */
  public static CorsOptions allowOrigins(String... origins) {
    return new CorsOptions(List.of(origins), true, List.of(), null);
  }

  /**
   * The origins a pattern matches as a whole, with credentials (Node's {@code origin: /^https:\/\/.*\.example\.com$/}).
   * <pre>{@code CorsOptions.allowOriginsMatching(Pattern.compile("https://[a-z0-9-]+\\.example\\.com"))}</pre>
   */
  public static CorsOptions allowOriginsMatching(Pattern pattern) {
    return allowOriginsMatching(pattern.asMatchPredicate());
  }

  /** The origins a predicate accepts, with credentials (Node's {@code origin} function). */
  public static CorsOptions allowOriginsMatching(Predicate<String> matcher) {
    return new CorsOptions(List.of(), true, List.of(), null, Objects.requireNonNull(matcher, "matcher"));
  }

  /** Whether {@code "*"} is among the origins: every origin is answered with a literal {@code *}. */
  public boolean anyOrigin() {
    return origins.contains("*");
  }

  /** Whether a request with this {@code Origin} header (possibly {@code null}: same-origin or non-browser) is allowed. */
  public boolean allows(String origin) {
    return origin == null || anyOrigin() || origins.contains(origin) || matches(origin); // "null" only if listed/matched
  }

  private boolean matches(String origin) {
    if (originMatcher == null) {
      return false;
    }
    try {
      return originMatcher.test(origin);
    } catch (RuntimeException e) {
      return false; // an origin the application's check cannot judge is not allowed
    }
  }
}
