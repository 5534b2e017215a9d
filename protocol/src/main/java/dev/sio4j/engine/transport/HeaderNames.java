package dev.sio4j.engine.transport;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lower-case HTTP header names for transports building an {@link dev.sio4j.engine.EngineRequest}. The handshake
 * request of every session is kept for the session's life (Socket.IO's {@code handshake.headers}), so a name lower-cased
 * per request would keep one more string per header and per connection; the well-known names are shared instead.
 */
public final class HeaderNames {

  private static final Map<String, String> KNOWN = Stream.of(
      "accept", "accept-encoding", "accept-language", "access-control-request-headers",
      "access-control-request-method", "authorization", "cache-control", "connection", "content-length",
      "content-type", "cookie", "dnt", "forwarded", "host", "if-none-match", "origin", "pragma", "priority",
      "referer", "sec-ch-ua", "sec-ch-ua-mobile", "sec-ch-ua-platform", "sec-fetch-dest", "sec-fetch-mode",
      "sec-fetch-site", "sec-websocket-extensions", "sec-websocket-key", "sec-websocket-protocol",
      "sec-websocket-version", "te", "upgrade", "user-agent", "x-forwarded-for", "x-forwarded-host",
      "x-forwarded-proto", "x-real-ip", "x-requested-with")
      .collect(Collectors.toUnmodifiableMap(Function.identity(), Function.identity()));

  private HeaderNames() {}

  /** {@code name} in lower case; for a well-known header, one string shared by every request. */
  public static String lowerCase(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String known = KNOWN.get(lower);
    return known != null ? known : lower;
  }
}
