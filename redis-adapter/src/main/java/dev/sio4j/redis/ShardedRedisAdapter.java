package dev.sio4j.redis;

import dev.sio4j.socket.adapter.AdapterNamespace;
import dev.sio4j.socket.adapter.BroadcastOptions;
import dev.sio4j.socket.adapter.RoomListener;
import dev.sio4j.socket.parser.SocketPacket;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

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
public class ShardedRedisAdapter extends ClusterAdapter {

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

  private final ShardedSubscriptionMode mode;
  private final String channel;
  private final String responseChannel;
  private final Map<String, CompletableFuture<Void>> roomSubscriptions = new ConcurrentHashMap<>();

  ShardedRedisAdapter(AdapterNamespace nsp, RedisAdapterFactory factory) {
    this(nsp, factory, ClusterWire.randomHexId(), factory.options().key() + "#" + nsp.name() + "#");
  }

  private ShardedRedisAdapter(AdapterNamespace nsp, RedisAdapterFactory factory, String uid, String channel) {
    super(nsp, factory, uid, channel);
    this.mode = options.sharded();
    this.channel = channel;
    this.responseChannel = channel + uid + "#";
  }

  @Override
  public void init() {
    factory.register(channel, this, this::onMessage);
    factory.register(responseChannel, this, this::onMessage);
    onSubscribed(subscribe(channel, responseChannel));
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

  /** Completes once this node receives the broadcasts to {@code room} (dynamic modes; at once otherwise). */
  public CompletableFuture<Void> roomReady(String room) {
    CompletableFuture<Void> f = roomSubscriptions.get(room);
    return f == null ? ready() : f.copy();
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
      data.put("packet", ClusterWire.packetToWire(packet, false, namespaceName()));
      data.put("opts", ClusterWire.optsToWire(opts, true));
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
      data.put("opts", ClusterWire.optsToWire(opts, true));
      data.put(key, value);
      publish(channel, message(type, data));
    }
  }

  @Override
  byte[] encodeBroadcastWithAck(String requestId, SocketPacket packet, BroadcastOptions opts) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("packet", ClusterWire.packetToWire(packet, false, namespaceName()));
    data.put("requestId", requestId);
    data.put("opts", ClusterWire.optsToWire(opts, true));
    return message(BROADCAST, data);
  }

  @Override
  byte[] encodeServerSideEmit(String requestId, List<Object> eventAndArgs) {
    Map<String, Object> data = new LinkedHashMap<>();
    if (requestId != null) {
      data.put("requestId", requestId);
    }
    data.put("packet", eventAndArgs);
    return message(SERVER_SIDE_EMIT, data);
  }

  @Override
  byte[] encodeFetchSockets(String requestId, BroadcastOptions opts) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("opts", ClusterWire.optsToWire(opts, true));
    data.put("requestId", requestId);
    return message(FETCH_SOCKETS, data);
  }

  /** Node's {@code ClusterMessage}: JSON, or MessagePack when it carries binary (as Node's {@code encode}). */
  private byte[] message(int type, Map<String, Object> data) {
    Map<String, Object> msg = new LinkedHashMap<>();
    msg.put("uid", uid());
    msg.put("nsp", namespaceName());
    msg.put("type", type);
    msg.put("data", data);
    return ClusterWire.hasBinary(data) ? MsgPack.encode(msg) : JsonText.encode(msg);
  }

  // ---- incoming ----

  void onMessage(boolean fromPattern, String ch, byte[] raw) {
    Map<?, ?> msg = ClusterWire.decodeObject(raw, options.maxNestingDepth());
    if (msg == null || uid().equals(msg.get("uid")) || !namespaceName().equals(msg.get("nsp"))
        || !(msg.get("type") instanceof Number t) || !(msg.get("data") instanceof Map<?, ?> data)) {
      return;
    }
    int type = t.intValue();
    Object requestId = data.get("requestId");
    Object from = msg.get("uid");
    switch (type) {
      case BROADCAST -> onBroadcast(from, requestId, data);
      case SOCKETS_JOIN -> super.addSockets(ClusterWire.optsFromWire(data.get("opts")),
          ClusterWire.stringSet(data.get("rooms")));
      case SOCKETS_LEAVE -> super.delSockets(ClusterWire.optsFromWire(data.get("opts")),
          ClusterWire.stringSet(data.get("rooms")));
      case DISCONNECT_SOCKETS -> super.disconnectSockets(ClusterWire.optsFromWire(data.get("opts")),
          Boolean.TRUE.equals(data.get("close")));
      case FETCH_SOCKETS -> respond(from, FETCH_SOCKETS_RESPONSE, requestId, "sockets",
          localSocketsOnWire(ClusterWire.optsFromWire(data.get("opts"))));
      case SERVER_SIDE_EMIT -> {
        if (data.get("packet") instanceof List<?> packet) {
          receiveServerSideEmit(packet, requestId,
              arg -> respond(from, SERVER_SIDE_EMIT_RESPONSE, requestId, "packet", arg));
        }
      }
      case FETCH_SOCKETS_RESPONSE, SERVER_SIDE_EMIT_RESPONSE -> onResponse(String.valueOf(requestId), null, data);
      case BROADCAST_CLIENT_COUNT -> onResponse(String.valueOf(requestId), RequestType.BROADCAST_CLIENT_COUNT, data);
      case BROADCAST_ACK -> onResponse(String.valueOf(requestId), RequestType.BROADCAST_ACK, data);
      default -> LOG.log(Level.DEBUG, () -> "ignoring message type " + type);
    }
  }

  private void onBroadcast(Object from, Object requestId, Map<?, ?> data) {
    SocketPacket p = data.get("packet") instanceof Map<?, ?> packet
        ? ClusterWire.packetFromWire(packet, namespaceName()) : null;
    if (p == null) {
      return;
    }
    BroadcastOptions opts = ClusterWire.optsFromWire(data.get("opts"));
    if (requestId == null) {
      super.broadcast(p, opts);
      return;
    }
    localBroadcastWithAck(p, opts,
        count -> respond(from, BROADCAST_CLIENT_COUNT, requestId, "clientCount", count),
        args -> respond(from, BROADCAST_ACK, requestId, "packet", args.isEmpty() ? null : args.get(0)));
  }

  @Override
  List<Object> readAnswer(RequestType kind, Map<?, ?> answer) {
    return kind == RequestType.REMOTE_FETCH && answer.get("sockets") instanceof List<?> l
        ? new ArrayList<>(l)
        : Collections.singletonList(answer.get("packet"));
  }

  /** Answers on the requester's own channel (Node's {@code doPublishResponse}). */
  private void respond(Object requesterUid, int type, Object requestId, String key, Object value) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("requestId", requestId);
    data.put(key, value);
    publish(channel + requesterUid + "#", message(type, data));
  }

  // ---- Redis commands ----

  private CompletableFuture<Void> subscribe(String... channels) {
    try {
      byte[][] keys = new byte[channels.length][];
      for (int i = 0; i < channels.length; i++) {
        keys[i] = ClusterWire.bytes(channels[i]);
      }
      return factory.sub().async().ssubscribe(keys).toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void unsubscribe(String ch) {
    try {
      factory.sub().async().sunsubscribe(ClusterWire.bytes(ch));
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "unsubscribing " + ch + " failed: " + e);
    }
  }

  @Override
  void doUnsubscribe() {
    List<String> channels = new ArrayList<>(List.of(channel, responseChannel));
    roomSubscriptions.keySet().forEach(room -> channels.add(roomChannel(room)));
    channels.forEach(this::unsubscribe);
  }

  @Override
  CompletionStage<Long> doPublish(byte[] ch, byte[] message) {
    return factory.pub().async().spublish(ch, message);
  }

  @Override
  CompletionStage<Map<byte[], Long>> doCountSubscribers(byte[] ch) {
    return factory.pub().async().pubsubShardNumsub(ch);
  }
}
