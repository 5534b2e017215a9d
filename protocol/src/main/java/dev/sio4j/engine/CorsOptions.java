package dev.sio4j.engine;

import java.time.Duration;
import java.util.List;

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
 */
public record CorsOptions(List<String> origins, boolean credentials, List<String> allowedHeaders, Duration maxAge) {

  /** Copies the lists. */
  public CorsOptions {
    origins = List.copyOf(origins);
    allowedHeaders = List.copyOf(allowedHeaders);
  }

  /** Any origin, no credentials: {@code origin: "*"} in Node. */
  public static CorsOptions allowAll() {
    return new CorsOptions(List.of("*"), false, List.of(), null);
  }

  /** Only these origins, with credentials. */
  public static CorsOptions allowOrigins(String... origins) {
    return new CorsOptions(List.of(origins), true, List.of(), null);
  }

  /** Whether {@code "*"} is among the origins: every origin is answered with a literal {@code *}. */
  public boolean anyOrigin() {
    return origins.contains("*");
  }

  /** Whether a request with this {@code Origin} header (possibly {@code null}: same-origin or non-browser) is allowed. */
  public boolean allows(String origin) {
    return origin == null || anyOrigin() || origins.contains(origin); // "null" only matches when listed
  }
}
