package dev.sio4j.spring.boot;

import dev.sio4j.engine.transport.TransportType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code sio4j.*} configuration of a Spring Boot application: every option of the servlet init-params (see
 * {@code dev.sio4j.servlet.InitParams}), with Boot's relaxed binding ({@code sio4j.ping-interval} or
 * {@code SIO4J_PINGINTERVAL}), {@link Duration} syntax ({@code 10s}, {@code 500ms}, {@code PT25S}; a bare number is
 * milliseconds) and {@link DataSize} syntax ({@code 1MB}; a bare number is bytes). An absent option keeps sio4j's
 * default, which equals Node's. Immutable.
 *
 * <pre>{@code
 * sio4j.ping-interval=10s
 * sio4j.cors.origins=https://example.com
 * sio4j.max-http-buffer-size=1MB
 * }</pre>
 *
 * @param enabled false leaves the application untouched: no server, no servlet, no WebSocket endpoint
 * @param path the URL path of the transports below the context path
 * @param pingInterval how often the server pings; 25 s by default
 * @param pingTimeout how long after a ping the server waits for the pong; 20 s by default
 * @param upgradeTimeout how long an upgrade to WebSocket may take; 10 s by default
 * @param maxHttpBufferSize the largest message or HTTP body accepted from a client; 1,000,000 bytes by default
 * @param maxBufferedBytes the most bytes queued for one session before it is closed as a slow consumer; 16 MiB
 * @param maxBufferedPackets the most packets queued for one session before it is closed; 10,000 by default
 * @param maxSessions the most concurrent sessions; 0 (the default) for no limit
 * @param httpCompressionThreshold poll responses of at least this many bytes are compressed; -1 for never; 1024
 * @param maxHandshakesPerAddress handshakes one address may make per handshake-window; 0 (default) for off
 * @param handshakeWindow the window of max-handshakes-per-address; 1 minute by default
 * @param maxSessionsPerAddress concurrent sessions of one address; 0 (the default) for no limit
 * @param maxTrackedAddresses the most addresses the per-address limits track; 100,000 by default
 * @param maxInboundPacketsPerSecond the sustained packet rate a session may send; 0 (the default) for no limit
 * @param inboundPacketBurst the burst of max-inbound-packets-per-second; 0 means the same as the rate
 * @param transports the transports clients may use; polling and websocket by default
 * @param allowUpgrades whether polling sessions may upgrade to WebSocket; true by default
 * @param allowEio3 whether Engine.IO v3 clients (socket.io-client 2.x) are served; false by default (as Node)
 * @param perMessageDeflate whether WebSocket per-message deflate is offered; false by default (as Node)
 * @param cookie true for Node's io cookie, a cookie name, or false (the default) for none
 * @param cors the CORS policy of polling and the Origin check of WebSocket; none by default
 * @param connectTimeout how long a client has to join a namespace after the handshake; 45 s by default
 * @param maxAttachments the most binary attachments of one packet; 10 by default
 * @param maxPendingAcks the most acknowledgements one socket may wait for; 1000 by default
 * @param cleanupEmptyChildNamespaces whether a dynamic namespace's child is removed once its last socket left
 * @param endpoints which @SocketIoEndpoint classes are registered
 * @param redis the Redis adapter (with sio4j-redis-adapter on the class path)
 */
@ConfigurationProperties("sio4j")
public record Sio4jProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("/socket.io/") String path,
    Duration pingInterval,
    Duration pingTimeout,
    Duration upgradeTimeout,
    DataSize maxHttpBufferSize,
    DataSize maxBufferedBytes,
    Integer maxBufferedPackets,
    Integer maxSessions,
    Integer httpCompressionThreshold,
    Integer maxHandshakesPerAddress,
    Duration handshakeWindow,
    Integer maxSessionsPerAddress,
    Integer maxTrackedAddresses,
    Integer maxInboundPacketsPerSecond,
    Integer inboundPacketBurst,
    Set<TransportType> transports,
    Boolean allowUpgrades,
    Boolean allowEio3,
    Boolean perMessageDeflate,
    String cookie,
    Cors cors,
    Duration connectTimeout,
    Integer maxAttachments,
    Integer maxPendingAcks,
    Boolean cleanupEmptyChildNamespaces,
    @DefaultValue Endpoints endpoints,
    @DefaultValue Redis redis) {

  /**
   * {@code sio4j.cors.*}; setting {@code origins} or {@code origin-pattern} turns CORS on.
   *
   * @param origins the allowed origins, or *
   * @param credentials whether credentials are allowed; false by default
   * @param allowedHeaders the allowed request headers
   * @param maxAge how long a preflight answer may be cached
   * @param originPattern a regular expression: the origins it matches as a whole are allowed too
   */
  public record Cors(List<String> origins, boolean credentials, List<String> allowedHeaders, Duration maxAge,
      Pattern originPattern) {}

  /**
   * {@code sio4j.endpoints.*}. The Spring beans annotated {@code @SocketIoEndpoint} (found by component scanning or
   * declared) are registered unless {@code scan} is false; {@code classes} adds classes that are not beans (created
   * with their no-argument constructor).
   *
   * @param scan whether the @SocketIoEndpoint beans are registered; true by default
   * @param classes more endpoint classes, created with their constructors
   */
  public record Endpoints(@DefaultValue("true") boolean scan, List<Class<?>> classes) {}

  /**
   * {@code sio4j.redis.*}: with {@code sio4j-redis-adapter} and Lettuce on the class path, setting {@code uri} makes
   * every namespace use the Redis adapter, so several nodes share rooms and broadcasts.
   *
   * @param uri the Redis URI (redis://host:6379); unset (the default) keeps the in-memory adapter
   * @param key the prefix of the pub/sub channels; socket.io by default (as Node's adapter)
   * @param requestsTimeout how long a cluster request (fetchSockets, acks) waits for the other nodes; 5 s
   */
  public record Redis(String uri, String key, Duration requestsTimeout) {}
}
