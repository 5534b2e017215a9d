package dev.sio4j.engine;

import dev.sio4j.engine.transport.TransportType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Options of an {@link EngineServer}. Defaults equal those of the Node.js {@code engine.io} server.
 *
 * <pre>{@code
 * EngineOptions options = EngineOptions.builder()
 *     .pingInterval(Duration.ofSeconds(10))
 *     .cors(CorsOptions.allowAll())
 *     .build();
 * }</pre>
 *
 * <p>Rate limits ({@code maxHandshakesPerAddress}, {@code maxSessionsPerAddress}, {@code maxInboundPacketsPerSecond})
 * are off by default: Node's {@code engine.io} has none built in (Node users write them in {@code allowRequest}).
 * A refused handshake gets HTTP 429 (Too Many Requests, what HTTP tooling and proxies expect) with the Engine.IO
 * error body of code 4 ({@code Forbidden}, what Node's {@code allowRequest} refusal sends) and a message saying why;
 * clients treat both as a failed connection attempt and retry with their reconnection back-off. Over a JSR-356
 * WebSocket, which always answers 101, the refusal is a close with 1008 and that message. The per-address limits key
 * on {@link EngineRequest#remoteAddress()}: behind a reverse proxy that is the proxy's address unless the container
 * takes the client's address from forwarded headers (Jetty's {@code ForwardedRequestCustomizer}, Tomcat's
 * {@code RemoteIpValve}). Requests without a known address are not limited per address.
 *
 * @param path the URL path the transports serve; defaults to {@code /engine.io/} ({@code /socket.io/} for Socket.IO)
 * @param pingInterval how often the server pings; defaults to 25 s
 * @param pingTimeout how long after a ping the server waits for the pong before closing; defaults to 20 s
 * @param upgradeTimeout how long an upgrade may take before it is cancelled; defaults to 10 s
 * @param maxHttpBufferSize the largest message or HTTP body (bytes) accepted from a client; defaults to 1,000,000
 * @param transports the transports clients may use; defaults to polling and websocket
 * @param allowUpgrades whether polling sessions may upgrade to WebSocket; defaults to {@code true}
 * @param cookie the {@code io} cookie sent on handshake, or {@code null} (the default) for none
 * @param cors the CORS policy for polling and the Origin check for WebSocket, or {@code null} (the default) for none
 * @param allowRequest a hook that may refuse a handshake or request, or {@code null} (the default) to allow all
 * @param perMessageDeflate whether WebSocket per-message deflate is offered; defaults to {@code false} (as Node)
 * @param httpCompressionThreshold poll responses of at least this many bytes are gzip/deflate-compressed when the
 *     client accepts it; {@code -1} turns compression off; defaults to 1024
 * @param maxBufferedPackets the most packets queued for one session before it is closed as a slow consumer;
 *     defaults to 4,096 (Node has no such bound; see {@code maxBufferedBytes} for the arithmetic)
 * @param maxBufferedBytes the most bytes (UTF-16 units for text) queued for one session before it is closed as a
 *     slow consumer; defaults to 1 MiB, so the largest message a client may send ({@code maxHttpBufferSize}) can
 *     still be relayed. Worst case per slow session, when everything queued for it is its own (an echo, per-user
 *     data): 1 MiB of Latin-1 text (2 MiB for other text) plus about 100 bytes per queued packet, about 1.4 MB with
 *     the defaults; a broadcast is encoded once and shared by every queue it is in, so slow readers of broadcasts cost
 *     a few bytes per packet each. So 200 slow sessions hold at most about 290 MB of a 512 MB heap; bound the number
 *     of sessions ({@code maxSessions}, {@code maxSessionsPerAddress}) for more
 * @param maxSessions the most concurrent sessions; {@code 0} (the default) for no limit
 * @param maxHandshakesPerAddress the most handshakes one remote address may make per {@code handshakeWindow}
 *     (fixed windows); further handshakes are refused with HTTP 429 and the Engine.IO error body
 *     {@code {"code":4,"message":"Too many handshakes"}}; {@code 0} (the default) turns this limit off
 * @param handshakeWindow the time window of {@code maxHandshakesPerAddress}, and how often idle per-address entries
 *     are expired; defaults to 1 minute
 * @param maxSessionsPerAddress the most concurrent sessions of one remote address; further handshakes are refused
 *     with HTTP 429 ({@code {"code":4,"message":"Too many sessions from this address"}}); {@code 0} (the default)
 *     turns this limit off
 * @param maxTrackedAddresses the most remote addresses the per-address limits keep state for at once (bounded
 *     memory); once full, handshakes from addresses not yet tracked are let through unlimited and logged; defaults to
 *     100,000
 * @param maxInboundPacketsPerSecond the sustained rate of Engine.IO packets (each Socket.IO event and each binary
 *     attachment is one) a session may send, enforced with a token bucket; a session over it is closed with
 *     {@link DisconnectReason#TRANSPORT_ERROR} and the description {@code "inbound packet rate exceeded"};
 *     {@code 0} (the default) turns this limit off
 * @param inboundPacketBurst the bucket size of {@code maxInboundPacketsPerSecond}: how many packets a session may
 *     send at once (a polling client batches its packets into one request); {@code 0} (the default) means the same as
 *     {@code maxInboundPacketsPerSecond}
 * @param requestTimeout how long the body of a polling POST may take to arrive, from the moment the engine starts
 *     reading it; a body still incomplete then is answered {@code 408 Request Timeout} (the connection is closed),
 *     what was received is dropped and the session is closed with {@link DisconnectReason#TRANSPORT_ERROR}; defaults to
 *     5 minutes, Node's {@code http.Server.requestTimeout}. The body buffer grows with the bytes received, never with
 *     the declared {@code Content-Length}, and a POST still being read when its session closes is answered 400 and
 *     dropped (as Node's polling transport destroys it)
 * @param allowEIO3 whether Engine.IO v3 clients ({@code EIO=3}: socket.io-client 2.x, the Java client 1.x) are
 *     accepted, as Node's {@code allowEIO3}; defaults to {@code false} (they get the error of an unsupported protocol
 *     version). With v3 the client pings and the server answers, and polling payloads use the v3 framing
 */
public record EngineOptions(
    String path,
    Duration pingInterval,
    Duration pingTimeout,
    Duration upgradeTimeout,
    long maxHttpBufferSize,
    Set<TransportType> transports,
    boolean allowUpgrades,
    CookieOptions cookie,
    CorsOptions cors,
    AllowRequest allowRequest,
    boolean perMessageDeflate,
    int httpCompressionThreshold,
    int maxBufferedPackets,
    long maxBufferedBytes,
    int maxSessions,
    int maxHandshakesPerAddress,
    Duration handshakeWindow,
    int maxSessionsPerAddress,
    int maxTrackedAddresses,
    int maxInboundPacketsPerSecond,
    int inboundPacketBurst,
    Duration requestTimeout,
    boolean allowEIO3) {

  /** Validates every value and says which one is wrong. */
  public EngineOptions {
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    if (!path.endsWith("/")) {
      path = path + "/";
    }
    positive(pingInterval, "pingInterval");
    positive(pingTimeout, "pingTimeout");
    positive(upgradeTimeout, "upgradeTimeout");
    if (maxHttpBufferSize <= 0) {
      throw new IllegalArgumentException("maxHttpBufferSize must be > 0, was " + maxHttpBufferSize);
    }
    Objects.requireNonNull(transports, "transports");
    if (transports.isEmpty()) {
      throw new IllegalArgumentException("transports must name at least one transport");
    }
    transports = Set.copyOf(transports);
    if (httpCompressionThreshold < -1) {
      throw new IllegalArgumentException("httpCompressionThreshold must be >= -1, was " + httpCompressionThreshold);
    }
    if (maxBufferedPackets <= 0) {
      throw new IllegalArgumentException("maxBufferedPackets must be > 0, was " + maxBufferedPackets);
    }
    if (maxBufferedBytes <= 0) {
      throw new IllegalArgumentException("maxBufferedBytes must be > 0, was " + maxBufferedBytes);
    }
    if (maxSessions < 0) {
      throw new IllegalArgumentException("maxSessions must be >= 0, was " + maxSessions);
    }
    notNegative(maxHandshakesPerAddress, "maxHandshakesPerAddress");
    positive(handshakeWindow, "handshakeWindow");
    notNegative(maxSessionsPerAddress, "maxSessionsPerAddress");
    if (maxTrackedAddresses <= 0) {
      throw new IllegalArgumentException("maxTrackedAddresses must be > 0, was " + maxTrackedAddresses);
    }
    notNegative(maxInboundPacketsPerSecond, "maxInboundPacketsPerSecond");
    notNegative(inboundPacketBurst, "inboundPacketBurst");
    positive(requestTimeout, "requestTimeout");
  }

  private static void notNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0 (0: off), was " + value);
    }
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0, was " + d);
    }
  }

  /** The defaults (Node's). */
  public static EngineOptions defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link EngineOptions}; every setter documents its default on the record. Not thread safe. */
  public static final class Builder {
    private String path = "/engine.io/";
    private Duration pingInterval = Duration.ofMillis(25_000);
    private Duration pingTimeout = Duration.ofMillis(20_000);
    private Duration upgradeTimeout = Duration.ofMillis(10_000);
    private long maxHttpBufferSize = 1_000_000;
    private Set<TransportType> transports = EnumSet.allOf(TransportType.class);
    private boolean allowUpgrades = true;
    private CookieOptions cookie;
    private CorsOptions cors;
    private AllowRequest allowRequest;
    private boolean perMessageDeflate;
    private int httpCompressionThreshold = 1024;
    private int maxBufferedPackets = 4096;
    private long maxBufferedBytes = 1024 * 1024;
    private int maxSessions;
    private int maxHandshakesPerAddress;
    private Duration handshakeWindow = Duration.ofMinutes(1);
    private int maxSessionsPerAddress;
    private int maxTrackedAddresses = 100_000;
    private int maxInboundPacketsPerSecond;
    private int inboundPacketBurst;
    private Duration requestTimeout = Duration.ofMinutes(5);
    private boolean allowEIO3;

    private Builder() {}

    private Builder(EngineOptions o) {
      path = o.path;
      pingInterval = o.pingInterval;
      pingTimeout = o.pingTimeout;
      upgradeTimeout = o.upgradeTimeout;
      maxHttpBufferSize = o.maxHttpBufferSize;
      transports = o.transports;
      allowUpgrades = o.allowUpgrades;
      cookie = o.cookie;
      cors = o.cors;
      allowRequest = o.allowRequest;
      perMessageDeflate = o.perMessageDeflate;
      httpCompressionThreshold = o.httpCompressionThreshold;
      maxBufferedPackets = o.maxBufferedPackets;
      maxBufferedBytes = o.maxBufferedBytes;
      maxSessions = o.maxSessions;
      maxHandshakesPerAddress = o.maxHandshakesPerAddress;
      handshakeWindow = o.handshakeWindow;
      maxSessionsPerAddress = o.maxSessionsPerAddress;
      maxTrackedAddresses = o.maxTrackedAddresses;
      maxInboundPacketsPerSecond = o.maxInboundPacketsPerSecond;
      inboundPacketBurst = o.inboundPacketBurst;
      requestTimeout = o.requestTimeout;
      allowEIO3 = o.allowEIO3;
    }

    /** See {@link EngineOptions#path()}. */
    public Builder path(String v) { path = v; return this; }
    /** See {@link EngineOptions#pingInterval()}. */
    public Builder pingInterval(Duration v) { pingInterval = v; return this; }
    /** See {@link EngineOptions#pingTimeout()}. */
    public Builder pingTimeout(Duration v) { pingTimeout = v; return this; }
    /** See {@link EngineOptions#upgradeTimeout()}. */
    public Builder upgradeTimeout(Duration v) { upgradeTimeout = v; return this; }
    /** See {@link EngineOptions#maxHttpBufferSize()}. */
    public Builder maxHttpBufferSize(long v) { maxHttpBufferSize = v; return this; }
    /** See {@link EngineOptions#transports()}. */
    public Builder transports(Set<TransportType> v) { transports = v; return this; }
    /** See {@link EngineOptions#allowUpgrades()}. */
    public Builder allowUpgrades(boolean v) { allowUpgrades = v; return this; }
    /** See {@link EngineOptions#cookie()}. */
    public Builder cookie(CookieOptions v) { cookie = v; return this; }
    /** See {@link EngineOptions#cors()}. */
    public Builder cors(CorsOptions v) { cors = v; return this; }
    /** See {@link EngineOptions#allowRequest()}. */
    public Builder allowRequest(AllowRequest v) { allowRequest = v; return this; }
    /** See {@link EngineOptions#perMessageDeflate()}. */
    public Builder perMessageDeflate(boolean v) { perMessageDeflate = v; return this; }
    /** See {@link EngineOptions#httpCompressionThreshold()}. */
    public Builder httpCompressionThreshold(int v) { httpCompressionThreshold = v; return this; }
    /** See {@link EngineOptions#maxBufferedPackets()}. */
    public Builder maxBufferedPackets(int v) { maxBufferedPackets = v; return this; }
    /** See {@link EngineOptions#maxBufferedBytes()}. */
    public Builder maxBufferedBytes(long v) { maxBufferedBytes = v; return this; }
    /** See {@link EngineOptions#maxSessions()}. */
    public Builder maxSessions(int v) { maxSessions = v; return this; }
    /** See {@link EngineOptions#maxHandshakesPerAddress()}; default {@code 0}, off. */
    public Builder maxHandshakesPerAddress(int v) { maxHandshakesPerAddress = v; return this; }
    /** See {@link EngineOptions#handshakeWindow()}; default 1 minute. */
    public Builder handshakeWindow(Duration v) { handshakeWindow = v; return this; }
    /** See {@link EngineOptions#maxSessionsPerAddress()}; default {@code 0}, off. */
    public Builder maxSessionsPerAddress(int v) { maxSessionsPerAddress = v; return this; }
    /** See {@link EngineOptions#maxTrackedAddresses()}; default 100,000. */
    public Builder maxTrackedAddresses(int v) { maxTrackedAddresses = v; return this; }
    /** See {@link EngineOptions#maxInboundPacketsPerSecond()}; default {@code 0}, off. */
    public Builder maxInboundPacketsPerSecond(int v) { maxInboundPacketsPerSecond = v; return this; }
    /** See {@link EngineOptions#inboundPacketBurst()}; default {@code 0}, the same as the rate. */
    public Builder inboundPacketBurst(int v) { inboundPacketBurst = v; return this; }
    /** See {@link EngineOptions#requestTimeout()}; default 5 minutes (Node's {@code requestTimeout}). */
    public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }
    /** See {@link EngineOptions#allowEIO3()}; default {@code false}. */
    public Builder allowEIO3(boolean v) { allowEIO3 = v; return this; }

    /** Validates and builds. */
    public EngineOptions build() {
      return new EngineOptions(path, pingInterval, pingTimeout, upgradeTimeout, maxHttpBufferSize, transports,
          allowUpgrades, cookie, cors, allowRequest, perMessageDeflate, httpCompressionThreshold, maxBufferedPackets,
          maxBufferedBytes, maxSessions, maxHandshakesPerAddress, handshakeWindow, maxSessionsPerAddress,
          maxTrackedAddresses, maxInboundPacketsPerSecond, inboundPacketBurst, requestTimeout, allowEIO3);
    }
  }
}
