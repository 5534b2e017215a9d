package dev.sio4j.redis;

import dev.sio4j.socket.adapter.AdapterNamespace;
import dev.sio4j.socket.adapter.BroadcastOptions;
import dev.sio4j.socket.parser.SocketPacket;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The adapter of one namespace in a cluster joined through Redis pub/sub, speaking the protocol of Node's
 * {@code @socket.io/redis-adapter} 8.x so Java and Node nodes (and {@code @socket.io/redis-emitter}) mix freely.
 *
 * <p>Channels ({@code key} defaults to {@code socket.io}): broadcasts on {@code key#nsp#} or, for exactly one room,
 * {@code key#nsp#room#} (MessagePack {@code [uid, packet, opts]}); requests on {@code key-request#nsp#}; responses
 * on {@code key-response#nsp#} (or {@code key-response#nsp#uid#}). Requests and most responses are JSON text; a
 * broadcast with acks and its acknowledgements are MessagePack.
 *
 * <p>Local delivery never depends on Redis: when Redis is away, broadcasts still reach this node's sockets and the
 * cluster requests fail with a {@link ClusterRequestException}. A request whose answering node leaves fails after
 * {@link RedisAdapterOptions#requestsTimeout()}.
 *
 * <p>Thread safe. Redis messages are handled on the Redis client's I/O thread; nothing here blocks.
 */
public class RedisAdapter extends ClusterAdapter {

  private final String channel;
  private final String requestChannel;
  private final String responseChannel;
  private final String specificResponseChannel;

  RedisAdapter(AdapterNamespace nsp, RedisAdapterFactory factory) {
    this(nsp, factory, ClusterWire.randomId(), factory.options().key());
  }

  private RedisAdapter(AdapterNamespace nsp, RedisAdapterFactory factory, String uid, String prefix) {
    super(nsp, factory, uid, prefix + "-request#" + nsp.name() + "#");
    this.channel = prefix + "#" + nsp.name() + "#";
    this.requestChannel = prefix + "-request#" + nsp.name() + "#";
    this.responseChannel = prefix + "-response#" + nsp.name() + "#";
    this.specificResponseChannel = responseChannel + uid + "#";
  }

  @Override
  public void init() {
    factory.register(channel + "*", this, this::onMessage);
    factory.register(requestChannel, this, this::onMessage);
    factory.register(responseChannel, this, this::onMessage);
    factory.register(specificResponseChannel, this, this::onMessage);
    var async = factory.sub().async();
    CompletableFuture<Void> p = async.psubscribe(ClusterWire.bytes(channel + "*")).toCompletableFuture();
    CompletableFuture<Void> s = async.subscribe(ClusterWire.bytes(requestChannel), ClusterWire.bytes(responseChannel),
        ClusterWire.bytes(specificResponseChannel)).toCompletableFuture();
    onSubscribed(CompletableFuture.allOf(p, s));
  }

  // ---- outgoing ----

  @Override
  public void broadcast(SocketPacket packet, BroadcastOptions opts) {
    if (!opts.flags().local()) {
      List<Object> msg = Arrays.asList(uid(), packetToWire(packet), ClusterWire.optsToWire(opts, true));
      String ch = opts.rooms().size() == 1 ? channel + opts.rooms().iterator().next() + "#" : channel;
      publish(ch, MsgPack.encode(msg));
    }
    super.broadcast(packet, opts);
  }

  @Override
  public void addSockets(BroadcastOptions opts, Set<String> rooms) {
    super.addSockets(opts, rooms);
    publishAction(RequestType.REMOTE_JOIN, opts, "rooms", new ArrayList<>(rooms));
  }

  @Override
  public void delSockets(BroadcastOptions opts, Set<String> rooms) {
    super.delSockets(opts, rooms);
    publishAction(RequestType.REMOTE_LEAVE, opts, "rooms", new ArrayList<>(rooms));
  }

  @Override
  public void disconnectSockets(BroadcastOptions opts, boolean close) {
    publishAction(RequestType.REMOTE_DISCONNECT, opts, "close", close);
    super.disconnectSockets(opts, close);
  }

  private void publishAction(RequestType type, BroadcastOptions opts, String key, Object value) {
    if (!opts.flags().local()) {
      Map<String, Object> req = request(type, null);
      req.put("opts", ClusterWire.optsToWire(opts, false));
      req.put(key, value);
      publish(requestChannel, JsonText.encode(req));
    }
  }

  /** The rooms of every node (Node's {@code allRooms}). */
  public CompletableFuture<Set<String>> allRooms() {
    Set<String> local = new LinkedHashSet<>(rooms().keySet());
    return serverCount().thenCompose(count -> {
      if (count <= 1) {
        return CompletableFuture.completedFuture(local);
      }
      String requestId = ClusterWire.randomId();
      ClusterRequest request = new ClusterRequest(RequestType.ALL_ROOMS, count - 1, new ArrayList<>(local));
      return send(requestId, request, JsonText.encode(request(RequestType.ALL_ROOMS, requestId))).thenApply(r -> {
        Set<String> rooms = new LinkedHashSet<>();
        r.forEach(room -> rooms.add((String) room));
        return rooms;
      });
    });
  }

  @Override
  byte[] encodeBroadcastWithAck(String requestId, SocketPacket packet, BroadcastOptions opts) {
    Map<String, Object> req = request(RequestType.BROADCAST, requestId);
    req.put("packet", packetToWire(packet));
    req.put("opts", ClusterWire.optsToWire(opts, true));
    return MsgPack.encode(req);
  }

  @Override
  byte[] encodeServerSideEmit(String requestId, List<Object> eventAndArgs) {
    Map<String, Object> req = request(RequestType.SERVER_SIDE_EMIT, requestId);
    req.put("data", eventAndArgs);
    return JsonText.encode(req);
  }

  @Override
  byte[] encodeFetchSockets(String requestId, BroadcastOptions opts) {
    Map<String, Object> req = request(RequestType.REMOTE_FETCH, requestId);
    req.put("opts", ClusterWire.optsToWire(opts, false));
    return JsonText.encode(req);
  }

  /** Node's request object: {@code {uid, requestId, type}}, without {@code requestId} when no answer is wanted. */
  private Map<String, Object> request(RequestType type, String requestId) {
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("uid", uid());
    if (requestId != null) {
      req.put("requestId", requestId);
    }
    req.put("type", type.wire());
    return req;
  }

  // ---- incoming ----

  void onMessage(boolean fromPattern, String ch, byte[] message) {
    if (fromPattern) {
      onBroadcast(message);
    } else if (ch.equals(requestChannel)) {
      onRequest(message);
    } else {
      onResponse(message);
    }
  }

  private void onBroadcast(byte[] message) {
    Object decoded = MsgPack.decode(message, options.maxNestingDepth());
    if (!(decoded instanceof List<?> l) || l.size() < 2 || !(l.get(1) instanceof Map<?, ?> packet)) {
      LOG.log(Level.DEBUG, "ignoring a malformed broadcast");
      return;
    }
    if (uid().equals(l.get(0))) {
      return;
    }
    Object nsp = packet.get("nsp") == null ? "/" : packet.get("nsp");
    if (!namespaceName().equals(nsp)) {
      return;
    }
    SocketPacket p = ClusterWire.packetFromWire(packet, namespaceName());
    if (p == null) {
      return;
    }
    super.broadcast(p, ClusterWire.optsFromWire(l.size() > 2 ? l.get(2) : null));
  }

  private void onRequest(byte[] message) {
    Map<?, ?> req = ClusterWire.decodeObject(message, options.maxNestingDepth());
    if (req == null) {
      return;
    }
    RequestType type = RequestType.of(req.get("type"));
    Object requestId = req.get("requestId");
    if (type == null) {
      LOG.log(Level.DEBUG, () -> "ignoring unknown request type " + req.get("type"));
      return;
    }
    boolean own = uid().equals(req.get("uid"));
    switch (type) {
      case SOCKETS -> {
        if (!own && !waitsForAnswers(requestId)) {
          respond(req, requestId, "sockets", new ArrayList<>(sockets(ClusterWire.stringSet(req.get("rooms")))));
        }
      }
      case ALL_ROOMS -> {
        if (!own && !waitsForAnswers(requestId)) {
          respond(req, requestId, "rooms", new ArrayList<>(rooms().keySet()));
        }
      }
      case REMOTE_FETCH -> {
        if (!own && !waitsForAnswers(requestId)) {
          respond(req, requestId, "sockets", localSocketsOnWire(ClusterWire.optsFromWire(req.get("opts"))));
        }
      }
      case REMOTE_JOIN, REMOTE_LEAVE, REMOTE_DISCONNECT -> {
        if (!own) { // else already applied locally when sent
          onRemoteAction(type, req, requestId);
        }
      }
      case SERVER_SIDE_EMIT -> {
        if (!own && req.get("data") instanceof List<?> data) {
          receiveServerSideEmit(data, requestId, arg -> {
            Map<String, Object> res = new LinkedHashMap<>();
            res.put("type", RequestType.SERVER_SIDE_EMIT.wire());
            res.put("requestId", requestId);
            res.put("data", arg);
            publish(responseChannel, JsonText.encode(res)); // Node answers on the shared channel here
          });
        }
      }
      case BROADCAST -> {
        if (!own && !waitsForAcks(requestId) && req.get("packet") instanceof Map<?, ?> packet) {
          onBroadcastWithAck(req, requestId, packet);
        }
      }
      default -> LOG.log(Level.DEBUG, () -> "ignoring request type " + type);
    }
  }

  private void onRemoteAction(RequestType type, Map<?, ?> req, Object requestId) {
    if (req.get("opts") != null) {
      BroadcastOptions opts = ClusterWire.optsFromWire(req.get("opts"));
      switch (type) {
        case REMOTE_JOIN -> super.addSockets(opts, ClusterWire.stringSet(req.get("rooms")));
        case REMOTE_LEAVE -> super.delSockets(opts, ClusterWire.stringSet(req.get("rooms")));
        default -> super.disconnectSockets(opts, Boolean.TRUE.equals(req.get("close")));
      }
      return;
    }
    // the single-socket form of older emitters: {sid, room} and an answer
    String sid = String.valueOf(req.get("sid"));
    if (namespace().socket(sid) == null) {
      return;
    }
    switch (type) {
      case REMOTE_JOIN -> addAll(sid, Set.of(String.valueOf(req.get("room"))));
      case REMOTE_LEAVE -> del(sid, String.valueOf(req.get("room")));
      default -> namespace().socket(sid).disconnect(Boolean.TRUE.equals(req.get("close")));
    }
    publishResponse(req, JsonText.encode(response(requestId)));
  }

  private void onBroadcastWithAck(Map<?, ?> req, Object requestId, Map<?, ?> packet) {
    SocketPacket p = ClusterWire.packetFromWire(packet, namespaceName());
    if (p == null) {
      return;
    }
    localBroadcastWithAck(p, ClusterWire.optsFromWire(req.get("opts")), count -> {
      Map<String, Object> res = new LinkedHashMap<>();
      res.put("type", RequestType.BROADCAST_CLIENT_COUNT.wire());
      res.put("requestId", requestId);
      res.put("clientCount", count);
      publishResponse(req, JsonText.encode(res));
    }, args -> {
      Map<String, Object> res = new LinkedHashMap<>();
      res.put("type", RequestType.BROADCAST_ACK.wire());
      res.put("requestId", requestId);
      res.put("packet", args.isEmpty() ? null : args.get(0));
      publishResponse(req, MsgPack.encode(res));
    });
  }

  /** Answers {@code req} with {@code {requestId, key: value}}. */
  private void respond(Map<?, ?> req, Object requestId, String key, Object value) {
    Map<String, Object> res = response(requestId);
    res.put(key, value);
    publishResponse(req, JsonText.encode(res));
  }

  private static Map<String, Object> response(Object requestId) {
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("requestId", requestId);
    return res;
  }

  private void onResponse(byte[] message) {
    Map<?, ?> res = ClusterWire.decodeObject(message, options.maxNestingDepth());
    if (res == null || res.get("requestId") == null) {
      return;
    }
    onResponse(String.valueOf(res.get("requestId")), RequestType.of(res.get("type")), res);
  }

  @Override
  List<Object> readAnswer(RequestType kind, Map<?, ?> answer) {
    List<Object> items = new ArrayList<>();
    switch (kind) {
      case ALL_ROOMS -> {
        if (answer.get("rooms") instanceof List<?> l) {
          l.forEach(r -> items.add(String.valueOf(r)));
        }
      }
      case REMOTE_FETCH -> {
        if (answer.get("sockets") instanceof List<?> l) {
          items.addAll(l);
        }
      }
      default -> items.add(answer.get("data"));
    }
    return items;
  }

  @Override
  String timeoutMessage(ClusterRequest request) {
    return switch (request.kind()) {
      case ALL_ROOMS -> "timeout reached while waiting for allRooms response";
      case REMOTE_FETCH -> "timeout reached while waiting for fetchSockets response";
      default -> super.timeoutMessage(request);
    };
  }

  /** Publishes an answer to {@code request}: on the requester's own channel when so configured. */
  private void publishResponse(Map<?, ?> request, byte[] response) {
    String ch = options.publishOnSpecificResponseChannel() && request.get("uid") != null
        ? responseChannel + request.get("uid") + "#"
        : responseChannel;
    publish(ch, response);
  }

  // ---- Redis commands ----

  @Override
  CompletionStage<Long> doPublish(byte[] ch, byte[] message) {
    return factory.pub().async().publish(ch, message);
  }

  @Override
  CompletionStage<Map<byte[], Long>> doCountSubscribers(byte[] ch) {
    return factory.pub().async().pubsubNumsub(ch);
  }

  @Override
  void doUnsubscribe() {
    try {
      var async = factory.sub().async();
      async.punsubscribe(ClusterWire.bytes(channel + "*"));
      async.unsubscribe(ClusterWire.bytes(requestChannel), ClusterWire.bytes(responseChannel),
          ClusterWire.bytes(specificResponseChannel));
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "unsubscribing " + namespaceName() + " failed: " + e);
    }
  }

  private Map<String, Object> packetToWire(SocketPacket packet) {
    return ClusterWire.packetToWire(packet, false, namespaceName());
  }
}
