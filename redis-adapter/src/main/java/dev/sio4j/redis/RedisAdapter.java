package dev.sio4j.redis;

import dev.sio4j.socket.AckCallback;
import dev.sio4j.socket.AckException;
import dev.sio4j.socket.adapter.AdapterNamespace;
import dev.sio4j.socket.adapter.BroadcastFlags;
import dev.sio4j.socket.adapter.BroadcastOptions;
import dev.sio4j.socket.adapter.InMemoryAdapter;
import dev.sio4j.socket.adapter.SocketDetails;
import dev.sio4j.socket.parser.PacketType;
import dev.sio4j.socket.parser.SocketPacket;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
public class RedisAdapter extends InMemoryAdapter {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.redis");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final RedisAdapterFactory factory;
  private final RedisAdapterOptions options;
  private final String uid = randomId();
  private final String channel;
  private final String requestChannel;
  private final String responseChannel;
  private final String specificResponseChannel;
  private final Map<String, PendingRequest> requests = new ConcurrentHashMap<>();
  private final Map<String, AckRequest> ackRequests = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  RedisAdapter(AdapterNamespace nsp, RedisAdapterFactory factory) {
    super(nsp);
    this.factory = factory;
    this.options = factory.options();
    String prefix = options.key();
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
    CompletableFuture<Void> p = async.psubscribe(bytes(channel + "*")).toCompletableFuture();
    CompletableFuture<Void> s = async.subscribe(bytes(requestChannel), bytes(responseChannel),
        bytes(specificResponseChannel)).toCompletableFuture();
    CompletableFuture.allOf(p, s).whenComplete((v, e) -> {
      if (e != null) {
        LOG.log(Level.WARNING, "subscribing " + namespaceName() + " failed (Lettuce subscribes again on reconnect)", e);
        ready.completeExceptionally(e);
      } else {
        ready.complete(null);
      }
    });
  }

  /** Completes once this node is subscribed to its channels (the first time); other nodes reach it from then on. */
  public CompletableFuture<Void> ready() {
    return ready.copy();
  }

  /** This node's id in the cluster for this namespace (Node's {@code uid}). */
  public String uid() {
    return uid;
  }

  String namespaceName() {
    return namespace().name();
  }

  // ---- broadcasting ----

  @Override
  public void broadcast(SocketPacket packet, BroadcastOptions opts) {
    if (!opts.flags().local()) {
      List<Object> msg = Arrays.asList(uid, packetToWire(packet, false), optsToWire(opts, true));
      String ch = opts.rooms().size() == 1 ? channel + opts.rooms().iterator().next() + "#" : channel;
      publish(ch, MsgPack.encode(msg));
    }
    super.broadcast(packet, opts);
  }

  /**
   * Delivers a packet asking each recipient, on every node, for an acknowledgement (Node's
   * {@code broadcastWithAck}). {@code clientCountCallback} is called once per node that delivered it with the number
   * of clients asked there; {@code ack} once per client answer, with its arguments (remote answers carry the first
   * argument only, as in Node). Acknowledgements arriving after {@link BroadcastFlags#timeout()} are dropped.
   */
  @Override
  public void broadcastWithAck(SocketPacket packet, BroadcastOptions opts, IntConsumer clientCountCallback,
      Consumer<List<Object>> ack) {
    if (!opts.flags().local()) {
      String requestId = randomId();
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("uid", uid);
      request.put("requestId", requestId);
      request.put("type", RequestType.BROADCAST.wire());
      request.put("packet", packetToWire(packet, false));
      request.put("opts", optsToWire(opts, true));
      ackRequests.put(requestId, new AckRequest(clientCountCallback, ack));
      Duration timeout = opts.flags().timeout() == null ? options.requestsTimeout() : opts.flags().timeout();
      factory.timer().schedule(() -> ackRequests.remove(requestId), timeout.toMillis(), TimeUnit.MILLISECONDS);
      publish(requestChannel, MsgPack.encode(request));
    }
    localBroadcastWithAck(packet, opts, clientCountCallback, ack);
  }

  /** The local part of {@link #broadcastWithAck}: the in-memory adapter's delivery with acknowledgements. */
  protected void localBroadcastWithAck(SocketPacket packet, BroadcastOptions opts, IntConsumer clientCountCallback,
      Consumer<List<Object>> ack) {
    super.broadcastWithAck(packet, opts, clientCountCallback, ack);
  }

  // ---- cluster-wide operations ----

  @Override
  public void addSockets(BroadcastOptions opts, Set<String> rooms) {
    super.addSockets(opts, rooms);
    if (!opts.flags().local()) {
      Map<String, Object> req = request(RequestType.REMOTE_JOIN, null);
      req.put("opts", optsToWire(opts, false));
      req.put("rooms", new ArrayList<>(rooms));
      publish(requestChannel, JsonText.encode(req));
    }
  }

  @Override
  public void delSockets(BroadcastOptions opts, Set<String> rooms) {
    super.delSockets(opts, rooms);
    if (!opts.flags().local()) {
      Map<String, Object> req = request(RequestType.REMOTE_LEAVE, null);
      req.put("opts", optsToWire(opts, false));
      req.put("rooms", new ArrayList<>(rooms));
      publish(requestChannel, JsonText.encode(req));
    }
  }

  @Override
  public void disconnectSockets(BroadcastOptions opts, boolean close) {
    if (!opts.flags().local()) {
      Map<String, Object> req = request(RequestType.REMOTE_DISCONNECT, null);
      req.put("opts", optsToWire(opts, false));
      req.put("close", close);
      publish(requestChannel, JsonText.encode(req));
    }
    super.disconnectSockets(opts, close);
  }

  /**
   * Sends an event to the other nodes' {@code onServerSideEmit} handlers (Node's {@code serverSideEmit}). With an
   * {@link AckCallback} as last element, collects one answer per node into it (see {@link #serverSideEmitWithAck}).
   */
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
    Map<String, Object> req = request(RequestType.SERVER_SIDE_EMIT, null);
    req.put("data", eventAndArgs);
    publish(requestChannel, JsonText.encode(req));
  }

  /**
   * Sends an event to the other nodes and collects one answer per node (Node's {@code serverSideEmitWithAck}).
   * Fails with a {@link ClusterRequestException} (holding the answers received) when some node does not answer in
   * time.
   */
  public CompletableFuture<List<Object>> serverSideEmitWithAck(List<Object> eventAndArgs) {
    return serverCount().thenCompose(count -> {
      int numSub = count - 1; // not this node
      if (numSub <= 0) {
        return CompletableFuture.completedFuture(List.of());
      }
      String requestId = randomId();
      Map<String, Object> req = request(RequestType.SERVER_SIDE_EMIT, requestId);
      req.put("data", eventAndArgs);
      PendingRequest pending = new PendingRequest(RequestType.SERVER_SIDE_EMIT, numSub, 0, null);
      return send(requestId, pending, JsonText.encode(req), "serverSideEmit").thenApply(r -> {
        @SuppressWarnings("unchecked")
        List<Object> responses = (List<Object>) r;
        return responses;
      });
    });
  }

  /** The rooms of every node (Node's {@code allRooms}). */
  public CompletableFuture<Set<String>> allRooms() {
    Set<String> local = new LinkedHashSet<>(rooms().keySet());
    return serverCount().thenCompose(numSub -> {
      if (numSub <= 1) {
        return CompletableFuture.completedFuture(local);
      }
      String requestId = randomId();
      PendingRequest pending = new PendingRequest(RequestType.ALL_ROOMS, numSub, 1, local);
      return send(requestId, pending, JsonText.encode(request(RequestType.ALL_ROOMS, requestId)), "allRooms")
          .thenApply(r -> {
            @SuppressWarnings("unchecked")
            Set<String> rooms = (Set<String>) r;
            return rooms;
          });
    });
  }

  /**
   * The sockets selected by {@code opts} on every node (Node's {@code fetchSockets}), with their handshakes, rooms
   * and data; only this node's when the options are {@code local}. Fails with a {@link ClusterRequestException}
   * when a node does not answer within {@link RedisAdapterOptions#requestsTimeout()} or Redis is unavailable.
   */
  @Override
  public CompletableFuture<List<SocketDetails>> fetchClusterSockets(BroadcastOptions opts) {
    List<Object> local = new ArrayList<>(localSocketDetails(opts));
    if (opts.flags().local()) {
      return CompletableFuture.completedFuture(asDetails(local));
    }
    return serverCount().thenCompose(numSub -> {
      if (numSub <= 1) {
        return CompletableFuture.completedFuture(asDetails(local));
      }
      String requestId = randomId();
      Map<String, Object> req = request(RequestType.REMOTE_FETCH, requestId);
      req.put("opts", optsToWire(opts, false));
      PendingRequest pending = new PendingRequest(RequestType.REMOTE_FETCH, numSub, 1, local);
      return send(requestId, pending, JsonText.encode(req), "fetchSockets").thenApply(r -> {
        @SuppressWarnings("unchecked")
        List<Object> all = (List<Object>) r;
        return asDetails(all);
      });
    });
  }

  /** How many nodes serve this namespace (subscribers of the request channel, this node included). */
  @Override
  public CompletableFuture<Integer> serverCount() {
    CompletableFuture<Integer> count = new CompletableFuture<>();
    try {
      factory.pub().async().pubsubNumsub(bytes(requestChannel)).whenComplete((m, e) -> {
        if (e != null) {
          count.completeExceptionally(unavailable(e));
        } else {
          count.complete(m.values().stream().findFirst().map(Long::intValue).orElse(0));
        }
      });
    } catch (RuntimeException e) {
      count.completeExceptionally(unavailable(e));
    }
    return count.orTimeout(options.requestsTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .exceptionallyCompose(e -> CompletableFuture.failedFuture(
            e instanceof java.util.concurrent.TimeoutException ? unavailable(e) : e));
  }

  static ClusterRequestException unavailable(Throwable e) {
    Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof ClusterRequestException c) {
      return c;
    }
    return new ClusterRequestException("Redis unavailable: " + cause, null, cause);
  }

  private CompletableFuture<Object> send(String requestId, PendingRequest pending, byte[] message, String what) {
    if (requests.size() >= options.maxPendingRequests()) {
      return CompletableFuture.failedFuture(new ClusterRequestException(
          "too many pending cluster requests (maxPendingRequests " + options.maxPendingRequests() + ")", null, null));
    }
    requests.put(requestId, pending);
    pending.timeout = factory.timer().schedule(() -> {
      if (requests.remove(requestId, pending)) {
        String msg = pending.type == RequestType.SERVER_SIDE_EMIT
            ? "timeout reached: only " + pending.responses().size() + " responses received out of " + pending.numSub
            : "timeout reached while waiting for " + what + " response";
        pending.future.completeExceptionally(new ClusterRequestException(msg, pending.responses(), null));
      }
    }, options.requestsTimeout().toMillis(), TimeUnit.MILLISECONDS);
    publishFuture(requestChannel, message).whenComplete((v, e) -> {
      if (e != null && requests.remove(requestId, pending)) {
        pending.timeout.cancel(false);
        pending.future.completeExceptionally(unavailable(e));
      }
    });
    return pending.future;
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
    if (uid.equals(l.get(0))) {
      return;
    }
    Object nsp = packet.get("nsp") == null ? "/" : packet.get("nsp");
    if (!namespaceName().equals(nsp)) {
      return;
    }
    SocketPacket p = packetFromWire(packet);
    if (p == null) {
      return;
    }
    super.broadcast(p, optsFromWire(l.size() > 2 ? l.get(2) : null));
  }

  private void onRequest(byte[] message) {
    Map<?, ?> req = decodeObject(message);
    if (req == null) {
      return;
    }
    RequestType type = RequestType.of(req.get("type"));
    Object requestId = req.get("requestId");
    if (type == null) {
      LOG.log(Level.DEBUG, () -> "ignoring unknown request type " + req.get("type"));
      return;
    }
    boolean own = uid.equals(req.get("uid"));
    switch (type) {
      case SOCKETS -> {
        if (own || requests.containsKey(String.valueOf(requestId))) {
          return;
        }
        Map<String, Object> res = response(requestId);
        res.put("sockets", new ArrayList<>(sockets(stringSet(req.get("rooms")))));
        publishResponse(req, JsonText.encode(res));
      }
      case ALL_ROOMS -> {
        if (own || requests.containsKey(String.valueOf(requestId))) {
          return;
        }
        Map<String, Object> res = response(requestId);
        res.put("rooms", new ArrayList<>(rooms().keySet()));
        publishResponse(req, JsonText.encode(res));
      }
      case REMOTE_JOIN, REMOTE_LEAVE, REMOTE_DISCONNECT -> {
        if (own) {
          return; // already applied locally when sent
        }
        onRemoteAction(type, req, requestId);
      }
      case REMOTE_FETCH -> {
        if (own || requests.containsKey(String.valueOf(requestId))) {
          return;
        }
        List<Object> sockets = new ArrayList<>();
        for (SocketDetails d : localSocketDetails(optsFromWire(req.get("opts")))) {
          sockets.add(SocketDetailsWire.toWire(d));
        }
        Map<String, Object> res = response(requestId);
        res.put("sockets", sockets);
        publishResponse(req, JsonText.encode(res));
      }
      case SERVER_SIDE_EMIT -> {
        if (own || !(req.get("data") instanceof List<?> data)) {
          return;
        }
        Consumer<Object> ack = null;
        if (requestId != null) {
          AtomicBoolean called = new AtomicBoolean();
          ack = arg -> {
            if (called.compareAndSet(false, true)) {
              Map<String, Object> res = new LinkedHashMap<>();
              res.put("type", RequestType.SERVER_SIDE_EMIT.wire());
              res.put("requestId", requestId);
              res.put("data", arg);
              publish(responseChannel, JsonText.encode(res)); // Node answers on the shared channel here
            }
          };
        }
        namespace().receiveServerSideEmit(new ArrayList<>(data), ack);
      }
      case BROADCAST -> {
        if (own || ackRequests.containsKey(String.valueOf(requestId))
            || !(req.get("packet") instanceof Map<?, ?> packet)) {
          return;
        }
        SocketPacket p = packetFromWire(packet);
        if (p == null) {
          return;
        }
        localBroadcastWithAck(p, optsFromWire(req.get("opts")), count -> {
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
      default -> LOG.log(Level.DEBUG, () -> "ignoring request type " + type);
    }
  }

  private void onRemoteAction(RequestType type, Map<?, ?> req, Object requestId) {
    if (req.get("opts") != null) {
      BroadcastOptions opts = optsFromWire(req.get("opts"));
      switch (type) {
        case REMOTE_JOIN -> super.addSockets(opts, stringSet(req.get("rooms")));
        case REMOTE_LEAVE -> super.delSockets(opts, stringSet(req.get("rooms")));
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

  private void onResponse(byte[] message) {
    Map<?, ?> res = decodeObject(message);
    if (res == null || res.get("requestId") == null) {
      return;
    }
    String requestId = String.valueOf(res.get("requestId"));
    AckRequest ackRequest = ackRequests.get(requestId);
    if (ackRequest != null) {
      RequestType type = RequestType.of(res.get("type"));
      if (type == RequestType.BROADCAST_CLIENT_COUNT && res.get("clientCount") instanceof Number n) {
        ackRequest.clientCount.accept(n.intValue());
      } else if (type == RequestType.BROADCAST_ACK) {
        ackRequest.ack.accept(Arrays.asList(res.get("packet")));
      }
      return;
    }
    PendingRequest pending = requests.get(requestId);
    if (pending == null) {
      return;
    }
    boolean done = pending.add(res);
    if (done && requests.remove(requestId, pending)) {
      pending.timeout.cancel(false);
      pending.future.complete(pending.result());
    }
  }

  // ---- helpers ----

  static List<SocketDetails> asDetails(List<Object> mixed) {
    List<SocketDetails> out = new ArrayList<>(mixed.size());
    for (Object o : mixed) {
      SocketDetails details = o instanceof SocketDetails d ? d : SocketDetailsWire.fromWire(o);
      if (details != null) {
        out.add(details);
      }
    }
    return out;
  }

  private Map<String, Object> request(RequestType type, String requestId) {
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("uid", uid);
    if (requestId != null) {
      req.put("requestId", requestId);
    }
    req.put("type", type.wire());
    return req;
  }

  private static Map<String, Object> response(Object requestId) {
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("requestId", requestId);
    return res;
  }

  private void publishResponse(Map<?, ?> request, byte[] response) {
    String ch = options.publishOnSpecificResponseChannel() && request.get("uid") != null
        ? responseChannel + request.get("uid") + "#"
        : responseChannel;
    publish(ch, response);
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
      return factory.pub().async().publish(bytes(ch), message).toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private Map<?, ?> decodeObject(byte[] message) {
    return decodeObject(message, options.maxNestingDepth());
  }

  /** A JSON (first byte {@code '{'}) or MessagePack object; {@code null} (logged) when malformed. */
  static Map<?, ?> decodeObject(byte[] message, int maxNestingDepth) {
    try {
      Object o = message.length > 0 && message[0] == '{'
          ? JsonText.decode(message)
          : MsgPack.decode(message, maxNestingDepth);
      return o instanceof Map<?, ?> m ? m : null;
    } catch (IllegalArgumentException e) {
      LOG.log(Level.DEBUG, () -> "ignoring a malformed request/response: " + e.getMessage());
      return null;
    }
  }

  /** Node's packet object: {@code {type, data, nsp}}. */
  private Map<String, Object> packetToWire(SocketPacket packet, boolean withId) {
    return packetToWire(packet, withId, namespaceName());
  }

  static Map<String, Object> packetToWire(SocketPacket packet, boolean withId, String nsp) {
    Map<String, Object> out = new LinkedHashMap<>();
    PacketType type = packet.type() == PacketType.BINARY_EVENT ? PacketType.EVENT
        : packet.type() == PacketType.BINARY_ACK ? PacketType.ACK : packet.type();
    out.put("type", type.ordinal());
    out.put("data", packet.data());
    out.put("nsp", nsp);
    if (withId && packet.id() != null) {
      out.put("id", packet.id());
    }
    return out;
  }

  private SocketPacket packetFromWire(Map<?, ?> packet) {
    return packetFromWire(packet, namespaceName());
  }

  static SocketPacket packetFromWire(Map<?, ?> packet, String nsp) {
    if (!(packet.get("type") instanceof Number n) || n.intValue() < 0 || n.intValue() >= PacketType.values().length) {
      return null;
    }
    PacketType type = PacketType.values()[n.intValue()];
    // the encoder picks BINARY_* itself from the data
    type = type == PacketType.BINARY_EVENT ? PacketType.EVENT : type == PacketType.BINARY_ACK ? PacketType.ACK : type;
    return new SocketPacket(type, nsp, packet.get("data"), null);
  }

  static Map<String, Object> optsToWire(BroadcastOptions opts, boolean withFlags) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rooms", new ArrayList<>(opts.rooms()));
    out.put("except", new ArrayList<>(opts.except()));
    if (withFlags) {
      Map<String, Object> flags = new LinkedHashMap<>();
      if (opts.flags().isVolatile()) {
        flags.put("volatile", true);
      }
      if (opts.flags().timeout() != null) {
        flags.put("timeout", opts.flags().timeout().toMillis());
      }
      out.put("flags", flags);
    }
    return out;
  }

  static BroadcastOptions optsFromWire(Object o) {
    if (!(o instanceof Map<?, ?> m)) {
      return BroadcastOptions.all();
    }
    BroadcastFlags flags = BroadcastFlags.NONE;
    if (m.get("flags") instanceof Map<?, ?> f) {
      if (Boolean.TRUE.equals(f.get("volatile"))) {
        flags = flags.withVolatile();
      }
      if (f.get("timeout") instanceof Number t) {
        flags = flags.withTimeout(Duration.ofMillis(t.longValue()));
      }
    }
    return new BroadcastOptions(stringSet(m.get("rooms")), stringSet(m.get("except")), flags);
  }

  static Set<String> stringSet(Object o) {
    Set<String> out = new LinkedHashSet<>();
    if (o instanceof List<?> l) {
      for (Object e : l) {
        // Node allows numeric room names; they arrive as numbers
        out.add(e instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(e));
      }
    }
    return out;
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String randomId() {
    char[] out = new char[6];
    for (int i = 0; i < out.length; i++) {
      out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(out);
  }

  /** Unsubscribes and fails the pending requests. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    factory.unregister(this);
    try {
      var async = factory.sub().async();
      async.punsubscribe(bytes(channel + "*"));
      async.unsubscribe(bytes(requestChannel), bytes(responseChannel), bytes(specificResponseChannel));
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "unsubscribing " + namespaceName() + " failed: " + e);
    }
    ClusterRequestException closedError = new ClusterRequestException("adapter closed", null, null);
    requests.values().forEach(p -> {
      p.timeout.cancel(false);
      p.future.completeExceptionally(closedError);
    });
    requests.clear();
    ackRequests.clear();
  }

  /** A broadcast with acks waiting for the other nodes' counts and answers. */
  private record AckRequest(IntConsumer clientCount, Consumer<List<Object>> ack) {}

  /** A request waiting for {@code numSub} answers (this node's own counts as the first when {@code msgCount} is 1). */
  private static final class PendingRequest {
    final RequestType type;
    final int numSub;
    int msgCount;
    final Set<String> rooms = new LinkedHashSet<>();
    final List<Object> items = new ArrayList<>();
    final CompletableFuture<Object> future = new CompletableFuture<>();
    volatile ScheduledFuture<?> timeout;

    @SuppressWarnings("unchecked")
    PendingRequest(RequestType type, int numSub, int msgCount, Object local) {
      this.type = type;
      this.numSub = numSub;
      this.msgCount = msgCount;
      if (local instanceof Set<?> s) {
        rooms.addAll((Set<String>) s);
      } else if (local instanceof List<?> l) {
        items.addAll(l);
      }
    }

    /** Adds one answer; true when all arrived. */
    synchronized boolean add(Map<?, ?> res) {
      switch (type) {
        case ALL_ROOMS -> {
          msgCount++;
          if (res.get("rooms") instanceof List<?> l) {
            l.forEach(r -> rooms.add(String.valueOf(r)));
          }
          return msgCount >= numSub;
        }
        case REMOTE_FETCH -> {
          msgCount++;
          if (res.get("sockets") instanceof List<?> l) {
            items.addAll(l);
          }
          return msgCount >= numSub;
        }
        case SERVER_SIDE_EMIT -> {
          items.add(res.get("data"));
          return items.size() >= numSub;
        }
        default -> {
          return false;
        }
      }
    }

    synchronized List<Object> responses() {
      return new ArrayList<>(items);
    }

    synchronized Object result() {
      return type == RequestType.ALL_ROOMS ? new LinkedHashSet<>(rooms) : new ArrayList<>(items);
    }
  }
}
