package dev.sio4j.engine;

import java.time.Duration;
import java.util.List;

/**
 * Cross-origin policy, as Node's {@code cors} option. Polling responses get {@code Access-Control-*} headers when the
 * request's {@code Origin} is allowed; a WebSocket handshake whose {@code Origin} is not allowed is refused (403),
 * which stops cross-site WebSocket hijacking.
 *
 * @param origins allowed origins, exactly as browsers send them (e.g. {@code https://example.com}); {@code "*"} allows any
 * @param credentials whether {@code Access-Control-Allow-Credentials: true} is sent (the origin is then echoed, never {@code *})
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

  /** Whether a request with this {@code Origin} header (possibly {@code null}: same-origin or non-browser) is allowed. */
  public boolean allows(String origin) {
    return origin == null || origins.contains("*") || origins.contains(origin);
  }
}
