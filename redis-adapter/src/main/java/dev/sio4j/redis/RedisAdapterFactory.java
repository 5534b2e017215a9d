package dev.sio4j.redis;

import dev.sio4j.socket.adapter.Adapter;
import dev.sio4j.socket.adapter.AdapterNamespace;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Creates the {@link RedisAdapter} of each namespace and owns what they share: one Redis connection to publish, one
 * subscribed connection (Lettuce reconnects both and re-subscribes by itself), and one timer for request timeouts.
 * Pass it as {@code SocketIoOptions.builder().adapterFactory(factory)}.
 *
 * <pre>{@code
 * RedisAdapterFactory redis = RedisAdapterFactory.create("redis://127.0.0.1:6379", RedisAdapterOptions.defaults());
 * SocketIoServer io = new SocketIoServer(SocketIoOptions.builder().adapterFactory(redis).build());
 * ...
 * io.close();
 * redis.close();
 * }</pre>
 *
 * <p>Thread safe.
 */
public final class RedisAdapterFactory implements Function<AdapterNamespace, Adapter>, AutoCloseable {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.redis");

  private final RedisClient client;
  private final boolean ownsClient;
  private final RedisAdapterOptions options;
  private final StatefulRedisConnection<byte[], byte[]> pub;
  private final StatefulRedisPubSubConnection<byte[], byte[]> sub;
  private final ScheduledThreadPoolExecutor timer;
  /** Exact channel or pattern → the adapter listening on it. */
  private final Map<String, Route> byChannel = new ConcurrentHashMap<>();
  private final Map<String, Adapter> byNamespace = new ConcurrentHashMap<>();

  private RedisAdapterFactory(RedisClient client, boolean ownsClient, RedisAdapterOptions options) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.options = Objects.requireNonNull(options, "options");
    this.timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "sio4j-redis-timer");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
    try {
      this.pub = client.connect(ByteArrayCodec.INSTANCE);
      this.sub = client.connectPubSub(ByteArrayCodec.INSTANCE);
    } catch (RuntimeException e) {
      timer.shutdownNow();
      if (ownsClient) {
        client.shutdown();
      }
      throw e;
    }
    sub.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(byte[] channel, byte[] message) {
        dispatch(null, channel, message);
      }

      @Override
      public void message(byte[] pattern, byte[] channel, byte[] message) {
        dispatch(pattern, channel, message);
      }

      @Override
      public void smessage(byte[] channel, byte[] message) {
        dispatch(null, channel, message);
      }
    });
  }

  /**
   * A factory on a client the caller owns (and closes after this factory). Connects at once.
   *
   * @throws io.lettuce.core.RedisConnectionException when Redis cannot be reached now
   */
  public static RedisAdapterFactory create(RedisClient client, RedisAdapterOptions options) {
    return new RedisAdapterFactory(client, false, options);
  }

  /**
   * A factory with its own client for {@code redisUri} (e.g. {@code redis://127.0.0.1:6379}): auto-reconnect on,
   * commands rejected (not queued) while disconnected, and a command timeout of
   * {@link RedisAdapterOptions#requestsTimeout()}. Connects at once; {@link #close()} shuts the client down.
   *
   * @throws io.lettuce.core.RedisConnectionException when Redis cannot be reached now
   */
  public static RedisAdapterFactory create(String redisUri, RedisAdapterOptions options) {
    RedisClient client = RedisClient.create(RedisURI.create(redisUri));
    client.setOptions(defaultClientOptions(options.requestsTimeout()));
    return new RedisAdapterFactory(client, true, options);
  }

  /**
   * The client options this module recommends: reconnect, and fail commands fast while Redis is away so that
   * broadcasts are not queued without bound and cluster requests fail instead of hanging.
   */
  public static ClientOptions defaultClientOptions(Duration commandTimeout) {
    return ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
        .build();
  }

  /** The adapter of a namespace, or {@code null} when none was created (or the adapters are sharded). */
  public RedisAdapter adapter(String namespace) {
    return byNamespace.get(namespace) instanceof RedisAdapter a ? a : null;
  }

  /** The sharded adapter of a namespace, or {@code null} when none was created (or the adapters are not sharded). */
  public ShardedRedisAdapter shardedAdapter(String namespace) {
    return byNamespace.get(namespace) instanceof ShardedRedisAdapter a ? a : null;
  }

  /** The options. */
  public RedisAdapterOptions options() {
    return options;
  }

  @Override
  public Adapter apply(AdapterNamespace nsp) {
    Adapter adapter = options.sharded() == null ? new RedisAdapter(nsp, this) : new ShardedRedisAdapter(nsp, this);
    byNamespace.put(nsp.name(), adapter);
    return adapter;
  }

  // ---- shared by the adapters ----

  StatefulRedisConnection<byte[], byte[]> pub() {
    return pub;
  }

  StatefulRedisPubSubConnection<byte[], byte[]> sub() {
    return sub;
  }

  ScheduledThreadPoolExecutor timer() {
    return timer;
  }

  /** Routes the messages of a channel (or pattern) to {@code handler}, on behalf of {@code owner}. */
  void register(String channelOrPattern, Adapter owner, Subscriber handler) {
    byChannel.put(channelOrPattern, new Route(owner, handler));
  }

  void unregister(String channelOrPattern) {
    byChannel.remove(channelOrPattern);
  }

  /** Forgets every channel of an adapter, and the adapter. */
  void unregister(Adapter owner) {
    byChannel.values().removeIf(r -> r.owner == owner);
    byNamespace.values().removeIf(a -> a == owner);
  }

  private void dispatch(byte[] pattern, byte[] channel, byte[] message) {
    String key = new String(pattern != null ? pattern : channel, StandardCharsets.UTF_8);
    Route route = byChannel.get(key);
    if (route == null) {
      return;
    }
    String ch = pattern != null ? new String(channel, StandardCharsets.UTF_8) : key;
    if (message.length > options.maxMessageBytes()) {
      LOG.log(Level.WARNING, () -> "dropping a " + message.length + "-byte message on " + ch + " (maxMessageBytes "
          + options.maxMessageBytes() + ")");
      return;
    }
    try {
      route.handler.onMessage(pattern != null, ch, message);
    } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
      // This runs on Lettuce's event loop: whatever application code threw for this message (an AssertionError, a
      // class that failed to initialise, a too-deep recursion) ends here, so Lettuce never sees it (it would fail a
      // pending command of the subscriber connection with it). Out-of-memory and the like still propagate.
      LOG.log(Level.WARNING, "error handling a Redis message on " + ch, e);
    }
  }

  /** Closes the connections and the timer (and the client when this factory created it). Idempotent. */
  @Override
  public void close() {
    byNamespace.values().forEach(Adapter::close);
    timer.shutdownNow();
    try {
      sub.close();
      pub.close();
    } finally {
      if (ownsClient) {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
    }
  }

  /** Handles the messages of one channel or pattern. */
  @FunctionalInterface
  interface Subscriber {
    void onMessage(boolean fromPattern, String channel, byte[] message);
  }

  private record Route(Adapter owner, Subscriber handler) {}
}
