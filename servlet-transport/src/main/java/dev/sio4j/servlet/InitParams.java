package dev.sio4j.servlet;

import dev.sio4j.engine.CookieOptions;
import dev.sio4j.engine.CorsOptions;
import dev.sio4j.engine.EngineOptions;
import dev.sio4j.engine.transport.TransportType;
import dev.sio4j.socket.ConnectionStateRecovery;
import dev.sio4j.socket.adapter.Adapter;
import dev.sio4j.socket.adapter.AdapterNamespace;
import dev.sio4j.socket.adapter.AdapterProvider;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.function.Function;

/**
 * Reads options from servlet-context init-params ({@code <context-param>} in {@code web.xml}, or
 * {@code ServletContext.setInitParameter}). Every name starts with {@code sio4j.}; an absent parameter keeps the
 * default; a malformed one fails deployment with a message naming it. Durations are milliseconds ({@code 25000}) or
 * ISO-8601 ({@code PT25S}).
 *
 * <table>
 *   <caption>Parameters</caption>
 *   <tr><th>name</th><th>meaning</th></tr>
 *   <tr><td>{@code sio4j.enabled}</td><td>{@code false} turns automatic registration off</td></tr>
 *   <tr><td>{@code sio4j.path}</td><td>{@link EngineOptions#path()}, {@code /socket.io/} by default</td></tr>
 *   <tr><td>{@code sio4j.pingInterval}, {@code sio4j.pingTimeout}, {@code sio4j.upgradeTimeout}</td><td>durations</td></tr>
 *   <tr><td>{@code sio4j.maxHttpBufferSize}, {@code sio4j.maxBufferedBytes}</td><td>bytes</td></tr>
 *   <tr><td>{@code sio4j.maxBufferedPackets}, {@code sio4j.maxSessions}, {@code sio4j.httpCompressionThreshold}</td><td>ints</td></tr>
 *   <tr><td>{@code sio4j.maxHandshakesPerAddress}, {@code sio4j.maxSessionsPerAddress},
 *       {@code sio4j.maxInboundPacketsPerSecond}, {@code sio4j.inboundPacketBurst}, {@code sio4j.maxTrackedAddresses}
 *       </td><td>rate limits (ints; the first four default to {@code 0}, off), see {@link EngineOptions}</td></tr>
 *   <tr><td>{@code sio4j.handshakeWindow}</td><td>duration of {@code maxHandshakesPerAddress}'s window (1 minute)</td></tr>
 *   <tr><td>{@code sio4j.transports}</td><td>comma list: {@code polling,websocket}</td></tr>
 *   <tr><td>{@code sio4j.allowUpgrades}, {@code sio4j.perMessageDeflate}</td><td>booleans</td></tr>
 *   <tr><td>{@code sio4j.cookie}</td><td>{@code true} (Node's {@code io} cookie) or a cookie name</td></tr>
 *   <tr><td>{@code sio4j.cookie.path}, {@code sio4j.cookie.domain}, {@code sio4j.cookie.sameSite}</td><td>cookie
 *       attributes ({@code /}, none, {@code Lax}; {@code sameSite=false} for none)</td></tr>
 *   <tr><td>{@code sio4j.cookie.httpOnly}, {@code sio4j.cookie.secure}</td><td>booleans ({@code true}; absent
 *       {@code secure}: {@code Secure} when the handshake came over TLS)</td></tr>
 *   <tr><td>{@code sio4j.cookie.maxAge}, {@code sio4j.cookie.expires}</td><td>a duration; an ISO-8601 instant</td></tr>
 *   <tr><td>{@code sio4j.allowEIO3}</td><td>boolean ({@code false}): accept Engine.IO v3 / socket.io-client 2.x</td></tr>
 *   <tr><td>{@code sio4j.requestTimeout}</td><td>duration a polling POST body may take to arrive (5 minutes), then
 *       408</td></tr>
 *   <tr><td>{@code sio4j.cors.origins}</td><td>comma list of origins, or {@code *}; enables CORS</td></tr>
 *   <tr><td>{@code sio4j.cors.credentials}</td><td>boolean, default {@code false}</td></tr>
 *   <tr><td>{@code sio4j.cors.allowedHeaders}</td><td>comma list</td></tr>
 *   <tr><td>{@code sio4j.cors.maxAge}</td><td>duration</td></tr>
 *   <tr><td>{@code sio4j.connectTimeout}</td><td>Socket.IO: how long a client has to join a namespace</td></tr>
 *   <tr><td>{@code sio4j.maxAttachments}, {@code sio4j.maxPendingAcks}, {@code sio4j.maxNestingDepth}</td><td>Socket.IO bounds (ints)</td></tr>
 *   <tr><td>{@code sio4j.connectionStateRecovery}</td><td>boolean, default {@code false}: enables connection state
 *       recovery ({@link ConnectionStateRecovery}) with the bounds below</td></tr>
 *   <tr><td>{@code sio4j.connectionStateRecovery.maxDisconnectionDuration}</td><td>duration (2 minutes)</td></tr>
 *   <tr><td>{@code sio4j.connectionStateRecovery.skipMiddlewares}</td><td>boolean ({@code true})</td></tr>
 *   <tr><td>{@code sio4j.connectionStateRecovery.maxBufferedPackets},
 *       {@code sio4j.connectionStateRecovery.maxSessions}</td><td>ints (10,000 each)</td></tr>
 *   <tr><td>{@code sio4j.connectionStateRecovery.maxBufferedBytes}</td><td>bytes kept for replay per namespace
 *       (16 MiB)</td></tr>
 *   <tr><td>{@code sio4j.parser}</td><td>the Socket.IO packet codec by name: {@code json} (default) or
 *       {@code msgpack} (needs {@code sio4j-msgpack-parser}; clients use {@code socket.io-msgpack-parser})</td></tr>
 *   <tr><td>{@code sio4j.cleanupEmptyChildNamespaces}</td><td>boolean, default {@code false}: remove a dynamic
 *       namespace's child once its last socket left</td></tr>
 *   <tr><td>{@code sio4j.endpoints}</td><td>comma list of {@code @SocketIoEndpoint} class names to register (for
 *       containers that do not scan; see {@link SocketIoEndpoints})</td></tr>
 *   <tr><td>{@code sio4j.adapter}</td><td>name of an {@link AdapterProvider} ({@code redis}); its own settings follow
 *       (e.g. {@code sio4j.redis.uri})</td></tr>
 *   <tr><td>{@code sio4j.serveClient}</td><td>{@code false} stops serving the browser client (default {@code true}
 *       when {@code sio4j-client-dist} is on the class path)</td></tr>
 *   <tr><td>{@code sio4j.endpoints.scan}</td><td>{@code false} ignores the scanned {@code @SocketIoEndpoint} classes
 *       (default {@code true})</td></tr>
 * </table>
 *
 * <p>The full reference, with types, defaults and Node's names, is {@code docs/configuration.md};
 * {@code ConfigurationDocTest} fails when a parameter read here is missing there.
 */
final class InitParams {

  static final String PREFIX = "sio4j.";
  static final String ENABLED = PREFIX + "enabled";
  static final String DEFAULT_PATH = "/socket.io/";
  private static final String RECOVERY = "connectionStateRecovery";

  private final Function<String, String> source;

  InitParams(Function<String, String> source) {
    this.source = source;
  }

  boolean enabled() {
    Boolean b = bool("enabled");
    return b == null || b;
  }

  /** {@code sio4j.serveClient}: whether the browser client is served when its jar is present (default {@code true}). */
  boolean serveClient() {
    Boolean b = bool("serveClient");
    return b == null || b;
  }

  /** The class names of {@code sio4j.endpoints}, empty when absent. */
  List<String> endpoints() {
    List<String> names = list("endpoints");
    return names == null ? List.of() : names;
  }

  /** {@code sio4j.endpoints.scan}: whether scanned endpoint classes are registered (default {@code true}). */
  boolean scanEndpoints() {
    Boolean b = bool("endpoints.scan");
    return b == null || b;
  }

  /** {@code sio4j.adapter}: the name of the {@link AdapterProvider} to use, or {@code null} (in-memory). */
  String adapter() {
    return raw("adapter");
  }

  /** Any parameter by its full name (an {@link AdapterProvider}'s settings), trimmed; {@code null} when unset. */
  String setting(String fullName) {
    String v = source.apply(fullName);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** Engine options with Socket.IO's default path. */
  EngineOptions engineOptions() {
    EngineOptions.Builder b = EngineOptions.builder().path(DEFAULT_PATH);
    String path = raw("path");
    if (path != null) {
      b.path(path);
    }
    ifPresent(duration("pingInterval"), b::pingInterval);
    ifPresent(duration("pingTimeout"), b::pingTimeout);
    ifPresent(duration("upgradeTimeout"), b::upgradeTimeout);
    ifPresent(longValue("maxHttpBufferSize"), b::maxHttpBufferSize);
    ifPresent(longValue("maxBufferedBytes"), b::maxBufferedBytes);
    ifPresent(intValue("maxBufferedPackets"), b::maxBufferedPackets);
    ifPresent(intValue("maxSessions"), b::maxSessions);
    ifPresent(intValue("httpCompressionThreshold"), b::httpCompressionThreshold);
    ifPresent(intValue("maxHandshakesPerAddress"), b::maxHandshakesPerAddress);
    ifPresent(duration("handshakeWindow"), b::handshakeWindow);
    ifPresent(intValue("maxSessionsPerAddress"), b::maxSessionsPerAddress);
    ifPresent(intValue("maxTrackedAddresses"), b::maxTrackedAddresses);
    ifPresent(intValue("maxInboundPacketsPerSecond"), b::maxInboundPacketsPerSecond);
    ifPresent(intValue("inboundPacketBurst"), b::inboundPacketBurst);
    ifPresent(duration("requestTimeout"), b::requestTimeout);
    ifPresent(bool("allowUpgrades"), b::allowUpgrades);
    ifPresent(bool("allowEIO3"), b::allowEIO3);
    ifPresent(bool("perMessageDeflate"), b::perMessageDeflate);
    List<String> transports = list("transports");
    if (transports != null) {
      Set<TransportType> set = EnumSet.noneOf(TransportType.class);
      for (String t : transports) {
        TransportType type = TransportType.fromWireName(t);
        if (type == null) {
          throw bad("transports", String.join(",", transports), "polling and/or websocket");
        }
        set.add(type);
      }
      b.transports(set);
    }
    b.cookie(cookie());
    List<String> origins = list("cors.origins");
    Pattern originPattern = pattern("cors.originPattern");
    if (origins != null || originPattern != null) {
      Boolean credentials = bool("cors.credentials");
      List<String> headers = list("cors.allowedHeaders");
      b.cors(new CorsOptions(origins == null ? List.of() : origins, credentials != null && credentials,
          headers == null ? List.of() : headers, duration("cors.maxAge"),
          originPattern == null ? null : originPattern.asMatchPredicate()));
    }
    return b.build();
  }

  /** {@code sio4j.cookie} and its attributes {@code sio4j.cookie.*}, or {@code null} when no cookie is set. */
  private CookieOptions cookie() {
    String cookie = raw("cookie");
    if (cookie == null || cookie.equalsIgnoreCase("false")) {
      return null;
    }
    CookieOptions c = CookieOptions.defaults();
    if (!cookie.equalsIgnoreCase("true")) {
      c = c.withName(cookie);
    }
    String path = raw("cookie.path");
    if (path != null) {
      c = c.withPath(path);
    }
    Boolean httpOnly = bool("cookie.httpOnly");
    if (httpOnly != null) {
      c = c.withHttpOnly(httpOnly);
    }
    String sameSite = raw("cookie.sameSite");
    if (sameSite != null) {
      c = c.withSameSite(sameSite.equalsIgnoreCase("false") ? null : sameSite);
    }
    Boolean secure = bool("cookie.secure");
    if (secure != null) {
      c = c.withSecure(secure);
    }
    c = c.withDomain(raw("cookie.domain")).withMaxAge(duration("cookie.maxAge"));
    String expires = raw("cookie.expires");
    if (expires != null) {
      try {
        c = c.withExpires(java.time.Instant.parse(expires));
      } catch (DateTimeParseException e) {
        throw bad("cookie.expires", expires, "an ISO-8601 instant (2030-01-01T00:00:00Z)");
      }
    }
    return c;
  }

  /** Socket.IO options: {@link #engineOptions()} plus the Socket.IO parameters of the table above. */
  dev.sio4j.socket.SocketIoOptions socketIoOptions() {
    return socketIoOptions(null);
  }

  /** {@link #socketIoOptions()} with this adapter factory, or the default one when {@code adapters} is null. */
  dev.sio4j.socket.SocketIoOptions socketIoOptions(Function<AdapterNamespace, Adapter> adapters) {
    dev.sio4j.socket.SocketIoOptions.Builder b = dev.sio4j.socket.SocketIoOptions.builder().engine(engineOptions());
    if (adapters != null) {
      b.adapterFactory(adapters);
    }
    ifPresent(duration("connectTimeout"), b::connectTimeout);
    ifPresent(intValue("maxAttachments"), b::maxAttachments);
    ifPresent(intValue("maxPendingAcks"), b::maxPendingAcks);
    ifPresent(intValue("maxNestingDepth"), b::maxNestingDepth);
    ifPresent(bool("cleanupEmptyChildNamespaces"), b::cleanupEmptyChildNamespaces);
    String parser = raw("parser");
    if (parser != null) {
      try {
        b.parser(dev.sio4j.socket.parser.SocketParser.byName(parser));
      } catch (IllegalArgumentException e) {
        throw bad("parser", parser, "json or the name of a parser on the class path (" + e.getMessage() + ")");
      }
    }
    b.connectionStateRecovery(connectionStateRecovery());
    return b.build();
  }

  /** {@code sio4j.connectionStateRecovery} with its bounds, or {@code null} when it is off (the default). */
  ConnectionStateRecovery connectionStateRecovery() {
    Boolean on = bool(RECOVERY);
    if (on == null || !on) {
      return null;
    }
    ConnectionStateRecovery d = ConnectionStateRecovery.defaults();
    Duration duration = duration(RECOVERY + ".maxDisconnectionDuration");
    Boolean skip = bool(RECOVERY + ".skipMiddlewares");
    Integer packets = intValue(RECOVERY + ".maxBufferedPackets");
    Integer sessions = intValue(RECOVERY + ".maxSessions");
    Long bytes = longValue(RECOVERY + ".maxBufferedBytes");
    try {
      return new ConnectionStateRecovery(duration == null ? d.maxDisconnectionDuration() : duration,
          skip == null ? d.skipMiddlewares() : skip, packets == null ? d.maxBufferedPackets() : packets,
          sessions == null ? d.maxSessions() : sessions, bytes == null ? d.maxBufferedBytes() : bytes);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("init-param " + PREFIX + RECOVERY + ".*: " + e.getMessage(), e);
    }
  }

  /** A duration parameter, or {@code null} when absent. */
  Duration duration(String name) {
    String v = raw(name);
    if (v == null) {
      return null;
    }
    try {
      return AdapterProvider.Settings.parseDuration(PREFIX + name, v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("init-param " + e.getMessage(), e);
    }
  }

  private Long longValue(String name) {
    String v = raw(name);
    try {
      return v == null ? null : Long.valueOf(v);
    } catch (NumberFormatException e) {
      throw bad(name, v, "an integer");
    }
  }

  private Integer intValue(String name) {
    String v = raw(name);
    try {
      return v == null ? null : Integer.valueOf(v);
    } catch (NumberFormatException e) {
      throw bad(name, v, "an integer");
    }
  }

  private Boolean bool(String name) {
    String v = raw(name);
    if (v == null) {
      return null;
    }
    switch (v.toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw bad(name, v, "true or false");
    }
  }

  private Pattern pattern(String name) {
    String v = raw(name);
    if (v == null) {
      return null;
    }
    try {
      return Pattern.compile(v);
    } catch (PatternSyntaxException e) {
      throw bad(name, v, "a java.util.regex pattern (" + e.getDescription() + ")");
    }
  }

  private List<String> list(String name) {
    String v = raw(name);
    return v == null ? null : Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private String raw(String name) {
    return setting(PREFIX + name);
  }

  private static <T> void ifPresent(T value, java.util.function.Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  private static IllegalArgumentException bad(String name, String value, String expected) {
    return new IllegalArgumentException("init-param " + PREFIX + name + "='" + value + "': expected " + expected);
  }
}
