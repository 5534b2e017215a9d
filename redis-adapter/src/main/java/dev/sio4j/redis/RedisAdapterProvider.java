package dev.sio4j.redis;

import dev.sio4j.socket.adapter.Adapter;
import dev.sio4j.socket.adapter.AdapterNamespace;
import dev.sio4j.socket.adapter.AdapterProvider;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code sio4j.adapter=redis}: a WAR with this jar in {@code WEB-INF/lib} and the context init-params below gets a
 * {@link RedisAdapterFactory} without a line of code (the servlet transport finds this class with
 * {@link java.util.ServiceLoader} and closes the factory after the server when the context is destroyed).
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>name</th><th>meaning</th></tr>
 *   <tr><td>{@code sio4j.redis.uri}</td><td>required: {@code redis://host:6379} (Lettuce's URI syntax:
 *       {@code rediss://} for TLS, {@code redis://:password@host}, {@code redis-sentinel://...})</td></tr>
 *   <tr><td>{@code sio4j.redis.key}</td><td>channel prefix, {@code socket.io} by default (Node's {@code key})</td></tr>
 *   <tr><td>{@code sio4j.redis.requestsTimeout}</td><td>duration, 5 s by default</td></tr>
 *   <tr><td>{@code sio4j.redis.sharded}</td><td>{@code static}, {@code dynamic} or {@code dynamic_private}: sharded
 *       pub/sub with that subscription mode; unset: classic pub/sub</td></tr>
 *   <tr><td>{@code sio4j.redis.publishOnSpecificResponseChannel}</td><td>boolean, {@code false} by default</td></tr>
 * </table>
 *
 * <p>Called once per server at deployment; connects at once, so a Redis that cannot be reached fails the deployment.
 */
public final class RedisAdapterProvider implements AdapterProvider {

  static final String PREFIX = "sio4j.redis.";
  static final String URI = PREFIX + "uri";

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public Function<AdapterNamespace, Adapter> create(Settings settings) {
    String uri = settings.get(URI);
    if (uri == null) {
      throw new IllegalArgumentException(URI + " is required with sio4j.adapter=redis (e.g. redis://127.0.0.1:6379)");
    }
    return RedisAdapterFactory.create(uri, options(settings));
  }

  /** The adapter options of these settings (every {@code sio4j.redis.*} but the URI). */
  static RedisAdapterOptions options(Settings settings) {
    RedisAdapterOptions.Builder b = RedisAdapterOptions.builder();
    String key = settings.get(PREFIX + "key");
    if (key != null) {
      b.key(key);
    }
    Duration timeout = settings.duration(PREFIX + "requestsTimeout");
    if (timeout != null) {
      b.requestsTimeout(timeout);
    }
    String sharded = settings.get(PREFIX + "sharded");
    if (sharded != null) {
      try {
        b.sharded(ShardedSubscriptionMode.valueOf(sharded.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(PREFIX + "sharded='" + sharded + "': expected static, dynamic or"
            + " dynamic_private", e);
      }
    }
    String specific = settings.get(PREFIX + "publishOnSpecificResponseChannel");
    if (specific != null) {
      if (!specific.equalsIgnoreCase("true") && !specific.equalsIgnoreCase("false")) {
        throw new IllegalArgumentException(PREFIX + "publishOnSpecificResponseChannel='" + specific
            + "': expected true or false");
      }
      b.publishOnSpecificResponseChannel(Boolean.parseBoolean(specific));
    }
    return b.build();
  }
}
