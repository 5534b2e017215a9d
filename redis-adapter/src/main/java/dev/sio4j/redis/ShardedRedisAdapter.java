package dev.sio4j.redis;

import dev.sio4j.socket.AckCallback;
import dev.sio4j.socket.AckException;
import dev.sio4j.socket.adapter.AdapterNamespace;
import dev.sio4j.socket.adapter.BroadcastOptions;
import dev.sio4j.socket.adapter.InMemoryAdapter;
import dev.sio4j.socket.adapter.RoomListener;
import dev.sio4j.socket.adapter.SocketDetails;
import dev.sio4j.socket.parser.SocketPacket;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The adapter of one namespace in a cluster joined through Redis <em>sharded</em> pub/sub (Redis 7+), speaking the
 * protocol of Node's {@code createShardedAdapter} ({@code @socket.io/redis-adapter} 8.x, a {@code ClusterAdapter}).
 *
 * <p>Channels ({@code prefix} is {@link RedisAdapterOptions#key()}): every message on {@code prefix#nsp#}, or, in the
 * dynamic modes, a broadcast to exactly one room on {@code prefix#nsp#room#} (subscribed while the room has members
 * here); answers on the requester's {@code prefix#nsp#uid#}. Messages are JSON {@code {uid, nsp, type, data}}, or
 * MessagePack when they carry binary. The number of nodes is {@code PUBSUB SHARDNUMSUB prefix#nsp#}.
 *
 * <p>Local delivery never depends on Redis; cluster requests fail with a {@link ClusterRequestException} after
 * {@link RedisAdapterOptions#requestsTimeout()} or when Redis is unavailable.
 *
 * <p>Thread safe. Redis messages are handled on the Redis client's I/O thread; nothing here blocks.
 */
public class ShardedRedisAdapter extends InMemoryAdapter {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.redis");
  private static final SecureRandom RANDOM = new SecureRandom();

  // Node's socket.io-adapter MessageType
  private static final int BROADCAST = 3;
  private static final int SOCKETS_JOIN = 4;
  private static final int SOCKETS_LEAVE = 5;
  private static final int DISCONNECT_SOCKETS = 6;
  private static final int FETCH_SOCKETS = 7;
  private static final int FETCH_SOCKETS_RESPONSE = 8;
  private static final int SERVER_SIDE_EMIT = 9;
  private static final int SERVER_SIDE_EMIT_RESPONSE = 10;
  private static final int BROADCAST_CLIENT_COUNT = 11;
  private static final int BROADCAST_ACK = 12;

  private final RedisAdapterFactory factory;
  private final RedisAdapterOptions options;
  private final ShardedSubscriptionMode mode;
  private final String uid;
  private final String channel;
  private final String responseChannel;
  private final Map<String, Request> requests = new ConcurrentHashMap<>();
  private final Map<String, AckRequest> ackRequests = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Void>> roomSubscriptions = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  ShardedRedisAdapter(AdapterNamespace nsp, RedisAdapterFactory factory) {
    super(nsp);
    this.factory = factory;
    this.options = factory.options();
    this.mode = options.sharded();
    this.uid = randomUid();
    this.channel = options.key() + "#" + nsp.name() + "#";
    this.responseChannel = channel + uid + "#";
  }

  @Override
  public void init() {
    factory.register(channel, this, this::onMessage);
    factory.register(responseChannel, this, this::onMessage);
    subscribe(channel, responseChannel).whenComplete((v, e) -> {
      if (e != null) {
        LOG.log(Level.WARNING, "subscribing " + namespaceName() + " failed", e);
        ready.completeExceptionally(e);
      } else {
        ready.complete(null);
      }
    });
    if (mode != ShardedSubscriptionMode.STATIC) {
      addRoomListener(new RoomListener() {
        @Override
        public void onCreateRoom(String room) {
          if (ownChannel(room)) {
            String ch = roomChannel(room);
            factory.register(ch, ShardedRedisAdapter.this, ShardedRedisAdapter.this::onMessage);
            roomSubscriptions.put(room, subscribe(ch));
          }
        }

        @Override
        public void onDeleteRoom(String room) {
          if (roomSubscriptions.remove(room) != null) {
            String ch = roomChannel(room);
            factory.unregister(ch);
            unsubscribe(ch);
          }
        }
      });
    }
  }

  /** Completes once this node is subscribed to its namespace channels (the first time). */
  public CompletableFuture<Void> ready() {
    return ready.copy();
  }

  /** Completes once this node receives the broadcasts to {@code room} (dynamic modes; at once otherwise). */
  public CompletableFuture<Void> roomReady(String room) {
    CompletableFuture<Void> f = roomSubscriptions.get(room);
    return f == null ? ready() : f.copy();
  }

  /** This node's id in the cluster for this namespace (Node's {@code uid}). */
  public String uid() {
    return uid;
  }

  String namespaceName() {
    return namespace().name();
  }

  /** Whether a room has a channel of its own (Node's {@code shouldUseASeparateNamespace}). */
  private boolean ownChannel(String room) {
    boolean isSocketId = !socketRooms(room).isEmpty();
    return mode == ShardedSubscriptionMode.DYNAMIC_PRIVATE || (mode == ShardedSubscriptionMode.DYNAMIC && !isSocketId);
  }

  private String roomChannel(String room) {
    return channel + room + "#";
  }

  // ---- outgoing ----

  @Override
  public void broadcast(SocketPacket packet, BroadcastOptions opts) {
    if (!opts.flags().local()) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("packet", RedisAdapter.packetToWire(packet, false, namespaceName()));
      data.put("opts", RedisAdapter.optsToWire(opts, true));
      String ch = channel;
      if (opts.rooms().size() == 1) {
        String room = opts.rooms().iterator().next();
        // Node tells a socket id by its length (20) here, not by its membership
        boolean dynamic = mode == ShardedSubscriptionMode.DYNAMIC_PRIVATE
            || (mode == ShardedSubscriptionMode.DYNAMIC && room.length() != 20);
        if (dynamic) {
          ch = roomChannel(room);
        }
      }
      publish(ch, message(BROADCAST, data));
    }
    super.broadcast(packet, opts);
  }

  @Override
  public void broadcastWithAck(SocketPacket packet, BroadcastOptions opts, IntConsumer clientCountCallback,
      Consumer<List<Object>> ack) {
    if (!opts.flags().local()) {
      String requestId = RedisAdapter.randomId();
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("packet", RedisAdapter.packetToWire(packet, false, namespaceName()));
      data.put("requestId", requestId);
      data.put("opts", RedisAdapter.optsToWire(opts, true));
      ackRequests.put(requestId, new AckRequest(clientCountCallback, ack));
      Duration timeout = opts.flags().timeout() == null ? options.requestsTimeout() : opts.flags().timeout();
      factory.timer().schedule(() -> ackRequests.remove(requestId), timeout.toMillis(), TimeUnit.MILLISECONDS);
      publish(channel, message(BROADCAST, data));
    }
    super.broadcastWithAck(packet, opts, clientCountCallback, ack);
  }

  @Override
  public void addSockets(BroadcastOptions opts, Set<String> rooms) {
    publishAction(SOCKETS_JOIN, opts, "rooms", new ArrayList<>(rooms));
    super.addSockets(opts, rooms);
  }

  @Override
  public void delSockets(BroadcastOptions opts, Set<String> rooms) {
    publishAction(SOCKETS_LEAVE, opts, "rooms", new ArrayList<>(rooms));
    super.delSockets(opts, rooms);
  }

  @Override
  public void disconnectSockets(BroadcastOptions opts, boolean close) {
    publishAction(DISCONNECT_SOCKETS, opts, "close", close);
    super.disconnectSockets(opts, close);
  }

  private void publishAction(int type, BroadcastOptions opts, String key, Object value) {
    if (!opts.flags().local()) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("opts", RedisAdapter.optsToWire(opts, true));
      data.put(key, value);
      publish(channel, message(type, data));
    }
  }

  /**
   * The sockets selected by {@code opts} on every node, with their handshakes, rooms and data; only this node's when
   * the options are {@code local}.
   */
  @Override
  public CompletableFuture<List<SocketDetails>> fetchClusterSockets(BroadcastOptions opts) {
    List<Object> local = new ArrayList<>(localSocketDetails(opts));
    if (opts.flags().local()) {
      return CompletableFuture.completedFuture(RedisAdapter.asDetails(local));
    }
    return serverCount().thenCompose(count -> {
      if (count <= 1) {
        return CompletableFuture.completedFuture(RedisAdapter.asDetails(local));
      }
      String requestId = RedisAdapter.randomId();
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("opts", RedisAdapter.optsToWire(opts, true));
      data.put("requestId", requestId);
      return send(requestId, new Request(count - 1, local), message(FETCH_SOCKETS, data))
          .thenApply(RedisAdapter::asDetails);
    });
  }

  @Override
  public void serverSideEmit(List<Object> eventAndArgs) {
    if (!eventAndArgs.isEmpty() && eventAndArgs.get(eventAndArgs.size() - 1) instanceof AckCallback callback) {
      serverSideEmitWithAck(new ArrayList<>(eventAndArgs.subList(0, eventAndArgs.size() - 1)))
          .whenComplete((responses, e) -> {
            if (e == null) {
              callback.handle(null, responses);
            } else {
              Throwable cause = e.getCause() != null ? e.getCause() : e;
              List<Object> partial = cause instanceof ClusterRequestException c ? c.partialResponses() : List.of();
              callback.handle(new AckException(AckException.Kind.TIMEOUT, cause.getMessage(), partial), partial);
            }
          });
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("packet", eventAndArgs);
    publish(channel, message(SERVER_SIDE_EMIT, data));
  }

  /** Sends an event to the other nodes and collects one answer per node (Node's {@code serverSideEmitWithAck}). */
  public CompletableFuture<List<Object>> serverSideEmitWithAck(List<Object> eventAndArgs) {
    return serverCount().thenCompose(count -> {
      if (count <= 1) {
        return CompletableFuture.completedFuture(List.of());
      }
      String requestId = RedisAdapter.randomId();
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("requestId", requestId);
      data.put("packet", eventAndArgs);
      return send(requestId, new Request(count - 1, List.of()), message(SERVER_SIDE_EMIT, data));
    });
  }

  /** How many nodes serve this namespace ({@code PUBSUB SHARDNUMSUB}, this node included). */
  @Override
  public CompletableFuture<Integer> serverCount() {
    CompletableFuture<Integer> count = new CompletableFuture<>();
    try {
      factory.pub().async().pubsubShardNumsub(RedisAdapter.bytes(channel)).whenComplete((m, e) -> {
        if (e != null) {
          count.completeExceptionally(RedisAdapter.unavailable(e));
        } else {
          count.complete(m.values().stream().findFirst().map(Long::intValue).orElse(0));
        }
      });
    } catch (RuntimeException e) {
      count.completeExceptionally(RedisAdapter.unavailable(e));
    }
    return count.orTimeout(options.requestsTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .exceptionallyCompose(e -> CompletableFuture.failedFuture(RedisAdapter.unavailable(e)));
  }

  private CompletableFuture<List<Object>> send(String requestId, Request request, byte[] message) {
    if (requests.size() >= options.maxPendingRequests()) {
      return CompletableFuture.failedFuture(new ClusterRequestException(
          "too many pending cluster requests (maxPendingRequests " + options.maxPendingRequests() + ")", null, null));
    }
    requests.put(requestId, request);
    request.timeout = factory.timer().schedule(() -> {
      if (requests.remove(requestId, request)) {
        request.future.completeExceptionally(new ClusterRequestException("timeout reached: only " + request.current()
            + " responses received out of " + request.expected, request.responses(), null));
      }
    }, options.requestsTimeout().toMillis(), TimeUnit.MILLISECONDS);
    publishFuture(channel, message).whenComplete((v, e) -> {
      if (e != null && requests.remove(requestId, request)) {
        request.timeout.cancel(false);
        request.future.completeExceptionally(RedisAdapter.unavailable(e));
      }
    });
    return request.future;
  }

  // ---- incoming ----

  void onMessage(boolean fromPattern, String ch, byte[] raw) {
    Map<?, ?> msg = RedisAdapter.decodeObject(raw, options.maxNestingDepth());
    if (msg == null || uid.equals(msg.get("uid")) || !namespaceName().equals(msg.get("nsp"))
        || !(msg.get("type") instanceof Number t) || !(msg.get("data") instanceof Map<?, ?> data)) {
      return;
    }
    int type = t.intValue();
    Object requestId = data.get("requestId");
    Object from = msg.get("uid");
    switch (type) {
      case BROADCAST -> {
        SocketPacket p = data.get("packet") instanceof Map<?, ?> packet
            ? RedisAdapter.packetFromWire(packet, namespaceName()) : null;
        if (p == null) {
          return;
        }
        BroadcastOptions opts = RedisAdapter.optsFromWire(data.get("opts"));
        if (requestId == null) {
          super.broadcast(p, opts);
          return;
        }
        super.broadcastWithAck(p, opts,
            count -> respond(from, BROADCAST_CLIENT_COUNT, requestId, "clientCount", count),
            args -> respond(from, BROADCAST_ACK, requestId, "packet", args.isEmpty() ? null : args.get(0)));
      }
      case SOCKETS_JOIN -> super.addSockets(RedisAdapter.optsFromWire(data.get("opts")),
          RedisAdapter.stringSet(data.get("rooms")));
      case SOCKETS_LEAVE -> super.delSockets(RedisAdapter.optsFromWire(data.get("opts")),
          RedisAdapter.stringSet(data.get("rooms")));
      case DISCONNECT_SOCKETS -> super.disconnectSockets(RedisAdapter.optsFromWire(data.get("opts")),
          Boolean.TRUE.equals(data.get("close")));
      case FETCH_SOCKETS -> {
        List<Object> sockets = new ArrayList<>();
        for (SocketDetails d : localSocketDetails(RedisAdapter.optsFromWire(data.get("opts")))) {
          sockets.add(SocketDetailsWire.toWire(d));
        }
        respond(from, FETCH_SOCKETS_RESPONSE, requestId, "sockets", sockets);
      }
      case SERVER_SIDE_EMIT -> {
        if (!(data.get("packet") instanceof List<?> packet)) {
          return;
        }
        Consumer<Object> ack = null;
        if (requestId != null) {
          AtomicBoolean called = new AtomicBoolean();
          ack = arg -> {
            if (called.compareAndSet(false, true)) {
              respond(from, SERVER_SIDE_EMIT_RESPONSE, requestId, "packet", arg);
            }
          };
        }
        namespace().receiveServerSideEmit(new ArrayList<>(packet), ack);
      }
      case FETCH_SOCKETS_RESPONSE, SERVER_SIDE_EMIT_RESPONSE, BROADCAST_CLIENT_COUNT, BROADCAST_ACK ->
          onResponse(type, String.valueOf(requestId), data);
      default -> LOG.log(Level.DEBUG, () -> "ignoring message type " + type);
    }
  }

  private void onResponse(int type, String requestId, Map<?, ?> data) {
    AckRequest ackRequest = ackRequests.get(requestId);
    if (ackRequest != null) {
      if (type == BROADCAST_CLIENT_COUNT && data.get("clientCount") instanceof Number n) {
        ackRequest.clientCount.accept(n.intValue());
      } else if (type == BROADCAST_ACK) {
        ackRequest.ack.accept(java.util.Arrays.asList(data.get("packet")));
      }
      return;
    }
    Request request = requests.get(requestId);
    if (request == null) {
      return;
    }
    boolean done = type == FETCH_SOCKETS_RESPONSE && data.get("sockets") instanceof List<?> l
        ? request.add(new ArrayList<>(l))
        : request.add(java.util.Collections.singletonList(data.get("packet")));
    if (done && requests.remove(requestId, request)) {
      request.timeout.cancel(false);
      request.future.complete(request.responses());
    }
  }

  private void respond(Object requesterUid, int type, Object requestId, String key, Object value) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("requestId", requestId);
    data.put(key, value);
    publish(channel + requesterUid + "#", message(type, data));
  }

  // ---- helpers ----

  /** Node's {@code ClusterMessage}: JSON, or MessagePack when it carries binary (as Node's {@code encode}). */
  private byte[] message(int type, Map<String, Object> data) {
    Map<String, Object> msg = new LinkedHashMap<>();
    msg.put("uid", uid);
    msg.put("nsp", namespaceName());
    msg.put("type", type);
    msg.put("data", data);
    return hasBinary(data) ? MsgPack.encode(msg) : JsonText.encode(msg);
  }

  private static boolean hasBinary(Object o) {
    if (o instanceof byte[] || o instanceof java.nio.ByteBuffer) {
      return true;
    }
    if (o instanceof Map<?, ?> m) {
      return m.values().stream().anyMatch(ShardedRedisAdapter::hasBinary);
    }
    if (o instanceof Iterable<?> l) {
      for (Object e : l) {
        if (hasBinary(e)) {
          return true;
        }
      }
    }
    return o instanceof Object[] a && java.util.Arrays.stream(a).anyMatch(ShardedRedisAdapter::hasBinary);
  }

  private CompletableFuture<Void> subscribe(String... channels) {
    try {
      byte[][] keys = new byte[channels.length][];
      for (int i = 0; i < channels.length; i++) {
        keys[i] = RedisAdapter.bytes(channels[i]);
      }
      return factory.sub().async().ssubscribe(keys).toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void unsubscribe(String ch) {
    try {
      factory.sub().async().sunsubscribe(RedisAdapter.bytes(ch));
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "unsubscribing " + ch + " failed: " + e);
    }
  }

  private void publish(String ch, byte[] message) {
    publishFuture(ch, message).whenComplete((v, e) -> {
      if (e != null) {
        LOG.log(Level.DEBUG, () -> "publishing on " + ch + " failed: " + e);
      }
    });
  }

  private CompletableFuture<Long> publishFuture(String ch, byte[] message) {
    try {
      return factory.pub().async().spublish(RedisAdapter.bytes(ch), message).toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static String randomUid() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b); // as Node's randomBytes(8).toString("hex")
  }

  /** Unsubscribes and fails the pending requests. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    factory.unregister(this);
    List<String> channels = new ArrayList<>(List.of(channel, responseChannel));
    roomSubscriptions.keySet().forEach(room -> channels.add(roomChannel(room)));
    channels.forEach(this::unsubscribe);
    ClusterRequestException closedError = new ClusterRequestException("adapter closed", null, null);
    requests.values().forEach(r -> {
      r.timeout.cancel(false);
      r.future.completeExceptionally(closedError);
    });
    requests.clear();
    ackRequests.clear();
  }

  private record AckRequest(IntConsumer clientCount, Consumer<List<Object>> ack) {}

  /** A request waiting for {@code expected} answers from the other nodes. */
  private static final class Request {
    final int expected;
    private int current;
    private final List<Object> items;
    final CompletableFuture<List<Object>> future = new CompletableFuture<>();
    volatile ScheduledFuture<?> timeout;

    Request(int expected, List<Object> local) {
      this.expected = expected;
      this.items = new ArrayList<>(local);
    }

    /** Adds one node's answer; true when all arrived. */
    synchronized boolean add(List<Object> answer) {
      current++;
      items.addAll(answer);
      return current >= expected;
    }

    synchronized int current() {
      return current;
    }

    synchronized List<Object> responses() {
      return new ArrayList<>(items);
    }
  }
}
