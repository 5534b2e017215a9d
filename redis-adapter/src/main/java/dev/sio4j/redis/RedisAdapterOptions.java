package dev.sio4j.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Redis adapter, with the defaults of Node's {@code @socket.io/redis-adapter}. Immutable.
 *
 * @param key the channel prefix; defaults to {@code "socket.io"} (must match the Node nodes' {@code key})
 * @param requestsTimeout how long a cluster request ({@code fetchSockets}, {@code allRooms},
 *     {@code serverSideEmit} with acks) waits for the other nodes; defaults to 5 s
 * @param publishOnSpecificResponseChannel answer requests on the requester's own response channel
 *     ({@code socket.io-response#/#<uid>#}) instead of the shared one; defaults to {@code false}
 * @param maxMessageBytes largest Redis message decoded; bigger ones are dropped and logged; defaults to 8 MiB
 * @param maxNestingDepth deepest nesting of arrays/maps decoded from a message; defaults to 32
 * @param maxPendingRequests most cluster requests this node waits for at once (per namespace); defaults to 1,000
 * @param sharded {@code null} (the default) for classic pub/sub, the protocol of {@code createAdapter}; else sharded
 *     pub/sub ({@code SPUBLISH}/{@code SSUBSCRIBE}, Redis 7+) with the protocol of {@code createShardedAdapter} and
 *     this subscription mode (its channel prefix is {@link #key()}, Node's {@code channelPrefix})
 */
public record RedisAdapterOptions(
    String key,
    Duration requestsTimeout,
    boolean publishOnSpecificResponseChannel,
    int maxMessageBytes,
    int maxNestingDepth,
    int maxPendingRequests,
    ShardedSubscriptionMode sharded) {

  /** Validates every value. */
  public RedisAdapterOptions {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key must not be empty");
    }
    Objects.requireNonNull(requestsTimeout, "requestsTimeout");
    if (requestsTimeout.isNegative() || requestsTimeout.isZero()) {
      throw new IllegalArgumentException("requestsTimeout must be > 0, was " + requestsTimeout);
    }
    if (maxMessageBytes < 1) {
      throw new IllegalArgumentException("maxMessageBytes must be > 0, was " + maxMessageBytes);
    }
    if (maxNestingDepth < 1) {
      throw new IllegalArgumentException("maxNestingDepth must be > 0, was " + maxNestingDepth);
    }
    if (maxPendingRequests < 1) {
      throw new IllegalArgumentException("maxPendingRequests must be > 0, was " + maxPendingRequests);
    }
  }

  /** The defaults. */
  public static RedisAdapterOptions defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RedisAdapterOptions}. Not thread safe. */
  public static final class Builder {
    private String key = "socket.io";
    private Duration requestsTimeout = Duration.ofSeconds(5);
    private boolean publishOnSpecificResponseChannel;
    private int maxMessageBytes = 8 * 1024 * 1024;
    private int maxNestingDepth = 32;
    private int maxPendingRequests = 1_000;
    private ShardedSubscriptionMode sharded;

    private Builder() {}

    /** See {@link RedisAdapterOptions#key()}. */
    public Builder key(String v) { key = v; return this; }
    /** See {@link RedisAdapterOptions#requestsTimeout()}. */
    public Builder requestsTimeout(Duration v) { requestsTimeout = v; return this; }
    /** See {@link RedisAdapterOptions#publishOnSpecificResponseChannel()}. */
    public Builder publishOnSpecificResponseChannel(boolean v) { publishOnSpecificResponseChannel = v; return this; }
    /** See {@link RedisAdapterOptions#maxMessageBytes()}. */
    public Builder maxMessageBytes(int v) { maxMessageBytes = v; return this; }
    /** See {@link RedisAdapterOptions#maxNestingDepth()}. */
    public Builder maxNestingDepth(int v) { maxNestingDepth = v; return this; }
    /** See {@link RedisAdapterOptions#maxPendingRequests()}. */
    public Builder maxPendingRequests(int v) { maxPendingRequests = v; return this; }

    /** See {@link RedisAdapterOptions#sharded()}. */
    public Builder sharded(ShardedSubscriptionMode v) { sharded = v; return this; }

    /** Builds and validates. */
    public RedisAdapterOptions build() {
      return new RedisAdapterOptions(key, requestsTimeout, publishOnSpecificResponseChannel, maxMessageBytes,
          maxNestingDepth, maxPendingRequests, sharded);
    }
  }
}
