package dev.sio4j.socket;

import dev.sio4j.engine.EngineRequest;
import dev.sio4j.engine.EngineSocket;
import dev.sio4j.socket.adapter.AdapterSocket;
import dev.sio4j.socket.adapter.BroadcastFlags;
import dev.sio4j.socket.adapter.BroadcastOptions;
import dev.sio4j.socket.adapter.Session;
import dev.sio4j.socket.parser.EncodedPacket;
import dev.sio4j.socket.parser.PacketDecoder;
import dev.sio4j.socket.parser.SocketPacket;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One client connected to one {@link Namespace} (Node's {@code socket.io} {@code Socket}).
 *
 * <pre>{@code
 * io.of("/").onConnection(socket -> {
 *   socket.on("message", (args, ack) -> socket.emit("message-back", args.toArray()));
 *   socket.timeout(Duration.ofSeconds(5)).emitWithAck("ping").thenAccept(reply -> ...);
 *   socket.join("room");
 *   socket.to("room").emit("joined", socket.id());
 *   socket.onDisconnect(reason -> ...);
 * });
 * }</pre>
 *
 * <p>Thread safe: emit, join, leave and disconnect may be called from any thread. Incoming events are delivered in
 * order, never concurrently, on the engine's callback thread or, when {@link SocketIoOptions#executor()} is set, on
 * that executor (serially per connection). Handlers, listeners and ack callbacks must not block unless an executor
 * is configured. Ack timeouts fire on the shared timer thread (or the executor).
 *
 * <h2>Ordering and delivery guarantees</h2>
 * <ul>
 *   <li><b>CONNECT first.</b> Nothing reaches the client for this namespace before the CONNECT answer: packets
 *       for the socket while it connects (a broadcast to a room it just joined, say) wait and follow it
 *       ({@code MessageTest.nothingReachesTheClientBeforeTheConnectAnswer}).
 *   <li><b>Recovered: CONNECT, then the missed packets, then the live ones.</b> With connection state recovery a
 *       {@link #recovered()} socket's client gets the CONNECT, then every event it missed, in order, then the
 *       live events; an event broadcast while the session was being restored is neither lost nor written twice
 *       (with an adapter that implements {@link dev.sio4j.socket.adapter.Adapter#missedPacketsSince}, as the
 *       built-in one does). Connection listeners run after the replay is written
 *       ({@code ConnectionStateRecoveryTest.aRecoveredClientGetsTheConnectThenTheMissedPacketsThenTheLiveOnesEachOnce},
 *       {@code RecoveryChurnIT}).
 *   <li><b>Handlers first.</b> An event the client sends right after the CONNECT is handled after the connection
 *       listeners ran, even when they run on another thread (an asynchronous middleware or restore), so the
 *       handlers they add see it ({@code MessageTest.anEventArrivingWhileTheConnectionListenersRunIsHandledAfterThem}).
 *   <li><b>Emit order.</b> Events emitted from one thread (to this socket, its rooms or the namespace) reach the
 *       client in emit order ({@code MessageTest.eventsEmittedFromOneThreadArriveInEmitOrder}). With connection
 *       state recovery, offsets reach the client in increasing order even when several threads emit at once, so
 *       the offset a client recovers from never points backwards
 *       ({@code ConnectionStateRecoveryTest.offsetsReachTheClientInIncreasingOrderWithSeveralEmittingThreads}).
 *       Volatile events may be dropped (always while the socket is connecting), nothing else is dropped while the
 *       connection is open.
 *   <li><b>Acknowledgements always complete.</b> Every {@link #emitWithAck} stage and {@link AckCallback} is
 *       completed exactly once: with the client's answer, with {@link AckException} {@code TIMEOUT} when a timeout
 *       was set, {@code DISCONNECTED} when the socket disconnects first (also when the emit races the
 *       disconnection), or {@code TOO_MANY_PENDING} ({@code CloseRaceTest.anAckEmittedWhileTheConnectionClosesAlwaysCompletes},
 *       {@code AckTest}).
 *   <li><b>Nothing left behind.</b> Once its connection closed, a socket is in no room and not in
 *       {@link Namespace#sockets()}, whatever thread its middlewares finished on
 *       ({@code CloseRaceTest.aMiddlewareThatProceedsWhileTheConnectionClosesLeavesNoSocketBehind}).
 * </ul>
 */
public final class Socket implements RemoteSocket {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.socket");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Namespace nsp;
  private final Client client;
  private final String id;
  private final Handshake handshake;
  private final Map<String, Object> data = new ConcurrentHashMap<>();
  private final Map<String, List<EventHandler>> handlers = new ConcurrentHashMap<>();
  private final ListenerList<AnyListener> anyListeners = new ListenerList<>();
  private final ListenerList<AnyListener> anyOutgoingListeners = new ListenerList<>();
  private final ListenerList<PacketMiddleware> middlewares = new ListenerList<>();
  private final ListenerList<Consumer<DisconnectReason>> disconnectListeners = new ListenerList<>();
  private final ListenerList<Consumer<DisconnectReason>> disconnectingListeners = new ListenerList<>();
  private final ListenerList<Consumer<Throwable>> errorListeners = new ListenerList<>();
  private final AckRegistry acks;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AdapterSocket adapterView = new View();
  private volatile boolean connected;
  /** The private session id (connection state recovery), or {@code null} when recovery is off. */
  private final String pid;
  /** The recovered session, or {@code null}. */
  private final Session previous;
  /** The offset the client sent to recover ({@code auth.offset}), or {@code null}. */
  private final String clientOffset;
  /** Guards {@link #holding}, {@link #held} and {@link #heldOverflow}. */
  private final Object writeLock = new Object();
  /**
   * True until the CONNECT (and, for a recovered socket, the missed packets) is written: the packets for this client
   * wait in {@link #held} meanwhile, so the client sees CONNECT, then the replay, then the live packets.
   */
  private boolean holding = true;
  private ArrayList<Held> held;
  /** Set when more packets arrived while holding than the engine would queue: the connection is then closed. */
  private boolean heldOverflow;

  Socket(Namespace nsp, Client client, Map<String, Object> auth) {
    this(nsp, client, auth, null);
  }

  Socket(Namespace nsp, Client client, Map<String, Object> auth, Session previous) {
    this.nsp = nsp;
    this.client = client;
    this.previous = previous;
    if (previous != null) {
      this.id = previous.sid();
      this.pid = previous.pid();
      data.putAll(previous.data());
    } else {
      this.id = newId();
      this.pid = nsp.server().options().connectionStateRecovery() == null ? null : newId();
    }
    this.clientOffset = previous != null && auth.get("offset") instanceof String o ? o : null;
    this.handshake = buildHandshake(client.conn(), auth);
    this.acks = new AckRegistry(nsp.server().options().maxPendingAcks(), nsp.server().timer(), client.context());
  }

  /** A random URL-safe id, distinct from the engine sid (which must stay secret). */
  static String newId() {
    byte[] bytes = new byte[15];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Handshake buildHandshake(EngineSocket conn, Map<String, Object> auth) {
    EngineRequest req = conn.request();
    Instant now = Instant.now();
    String time = NodeDateText.format(now, ZoneId.systemDefault());
    if (req == null) {
      return new Handshake(Map.of(), Map.of(), auth, null, time, now.toEpochMilli(), false, false, null);
    }
    return new Handshake(req.headers(), req.query(), auth, req.remoteAddress(), time, now.toEpochMilli(),
        req.secure(), req.header("origin") != null, req.url());
  }

  /** The socket id: random, URL-safe, unique per namespace connection; also the name of its own room. */
  @Override
  public String id() {
    return id;
  }

  /** The handshake details ({@code auth} is the CONNECT payload). */
  @Override
  public Handshake handshake() {
    return handshake;
  }

  /** Free storage for the application (Node's {@code socket.data}); thread safe; no {@code null} values. */
  @Override
  public Map<String, Object> data() {
    return data;
  }

  /**
   * Whether this socket took over the state of a previous one after a temporary disconnection (connection state
   * recovery): same id, rooms and data, and the missed events were sent to the client (Node's {@code recovered}).
   */
  public boolean recovered() {
    return previous != null;
  }

  /** Whether the socket is connected to its namespace. */
  public boolean connected() {
    return connected;
  }

  /** Whether the socket is no longer connected to its namespace (Node's {@code socket.disconnected}). */
  public boolean disconnected() {
    return !connected;
  }

  /** The namespace. */
  public Namespace namespace() {
    return nsp;
  }

  /** The underlying Engine.IO session (Node's {@code socket.conn}). */
  public EngineSocket conn() {
    return client.conn();
  }

  // ---- incoming events ----

  /** Adds a handler for an event. */
  public Socket on(String event, EventHandler handler) {
    handlers.computeIfAbsent(event, k -> new CopyOnWriteArrayList<>()).add(handler);
    return this;
  }

  /**
   * Adds a handler called for the next occurrence of an event only (Node's {@code socket.once}); {@link #off} with
   * the same handler removes it before that.
   */
  public Socket once(String event, EventHandler handler) {
    return on(event, new OnceHandler(event, handler));
  }

  /** Removes a handler for an event (one registration, whether added with {@code on} or {@code once}). */
  public Socket off(String event, EventHandler handler) {
    List<EventHandler> list = handlers.get(event);
    if (list != null) {
      for (EventHandler h : list) {
        if (h == handler || h instanceof OnceHandler once && once.handler == handler) {
          list.remove(h);
          break;
        }
      }
    }
    return this;
  }

  /** Removes every handler of an event (Node's {@code socket.removeAllListeners(event)}). */
  public Socket removeAllListeners(String event) {
    handlers.remove(event);
    return this;
  }

  /** Removes every event handler (Node's {@code socket.removeAllListeners()}); catch-all listeners stay. */
  public Socket removeAllListeners() {
    handlers.clear();
    return this;
  }

  /** The handlers of an event, in calling order (Node's {@code socket.listeners(event)}); a snapshot. */
  public List<EventHandler> listeners(String event) {
    List<EventHandler> list = handlers.get(event);
    if (list == null) {
      return List.of();
    }
    List<EventHandler> out = new ArrayList<>(list.size());
    for (EventHandler h : list) {
      out.add(h instanceof OnceHandler once ? once.handler : h);
    }
    return List.copyOf(out);
  }

  /** The catch-all listeners, in calling order (Node's {@code socket.listenersAny()}); a snapshot. */
  public List<AnyListener> listenersAny() {
    return List.copyOf(anyListeners.asList());
  }

  /** The outgoing catch-all listeners, in calling order (Node's {@code socket.listenersAnyOutgoing()}); a snapshot. */
  public List<AnyListener> listenersAnyOutgoing() {
    return List.copyOf(anyOutgoingListeners.asList());
  }

  /** A {@code once} registration: removes itself before it runs, so a re-entrant emit cannot call it twice. */
  private final class OnceHandler implements EventHandler {
    private final String event;
    final EventHandler handler;

    OnceHandler(String event, EventHandler handler) {
      this.event = event;
      this.handler = handler;
    }

    @Override
    public void handle(List<Object> args, Ack ack) {
      List<EventHandler> list = handlers.get(event);
      if (list != null && list.remove(this)) {
        handler.handle(args, ack);
      }
    }
  }

  /** Adds a listener that sees every incoming event first (Node's {@code onAny}). */
  public Socket onAny(AnyListener listener) {
    anyListeners.add(listener);
    return this;
  }

  /** Removes a catch-all listener (Node's {@code offAny}). */
  public Socket offAny(AnyListener listener) {
    anyListeners.remove(listener);
    return this;
  }

  /** Removes every catch-all listener (Node's {@code offAny()}). */
  public Socket offAny() {
    anyListeners.clear();
    return this;
  }

  /** Adds a catch-all listener called before the others (Node's {@code prependAny}). */
  public Socket prependAny(AnyListener listener) {
    anyListeners.addFirst(listener);
    return this;
  }

  /**
   * Adds a listener that sees every event sent to this client, from {@code emit} and from broadcasts, before it is
   * written (Node's {@code onAnyOutgoing}). Called on the emitting thread; the arguments must not be modified.
   *
   * <pre>{@code socket.onAnyOutgoing((event, args) -> log.debug("to {}: {}", socket.id(), event))}</pre>
   */
  public Socket onAnyOutgoing(AnyListener listener) {
    anyOutgoingListeners.add(listener);
    return this;
  }

  /** Adds an outgoing catch-all listener called before the others (Node's {@code prependAnyOutgoing}). */
  public Socket prependAnyOutgoing(AnyListener listener) {
    anyOutgoingListeners.addFirst(listener);
    return this;
  }

  /** Removes an outgoing catch-all listener (Node's {@code offAnyOutgoing}). */
  public Socket offAnyOutgoing(AnyListener listener) {
    anyOutgoingListeners.remove(listener);
    return this;
  }

  /** Removes every outgoing catch-all listener (Node's {@code offAnyOutgoing()}). */
  public Socket offAnyOutgoing() {
    anyOutgoingListeners.clear();
    return this;
  }

  /** Adds an incoming-event middleware (Node's {@code socket.use}). */
  public Socket use(PacketMiddleware middleware) {
    middlewares.add(middleware);
    return this;
  }

  /** Called after the socket disconnected, with the reason (Node's {@code disconnect} event). */
  public Socket onDisconnect(Consumer<DisconnectReason> listener) {
    disconnectListeners.add(listener);
    return this;
  }

  /** Called when the socket is about to disconnect, while it is still in its rooms (Node's {@code disconnecting}). */
  public Socket onDisconnecting(Consumer<DisconnectReason> listener) {
    disconnectingListeners.add(listener);
    return this;
  }

  /** Called with errors: a packet middleware failure, a decode error on the connection (Node's {@code error}). */
  public Socket onError(Consumer<Throwable> listener) {
    errorListeners.add(listener);
    return this;
  }

  // ---- outgoing events ----

  /**
   * Emits an event to this client. If the last argument is an {@link AckCallback}, the client is asked to acknowledge
   * and the callback gets its answer.
   *
   * <p>With connection state recovery enabled, the event goes through the adapter (as in Node) so that it gets an
   * offset and is kept for replay, unless it asks for an acknowledgement or is volatile. Once the socket is
   * disconnected the event is dropped (Node would still write it while the connection is open).
   *
   * @throws IllegalArgumentException for a reserved event name
   */
  @Override
  public Socket emit(String event, Object... args) {
    emit(BroadcastFlags.NONE, event, args);
    return this;
  }

  /** Emits an event and completes with the client's acknowledgement arguments (no timeout). */
  public CompletionStage<List<Object>> emitWithAck(String event, Object... args) {
    return emitWithAck(BroadcastFlags.NONE, event, args);
  }

  /**
   * Sets a timeout for the acknowledgement of the next emit.
   *
   * <pre>{@code socket.timeout(Duration.ofSeconds(5)).emitWithAck("hello").exceptionally(...)}</pre>
   */
  public SocketEmitter timeout(Duration timeout) {
    return new SocketEmitter(this, BroadcastFlags.NONE.withTimeout(timeout));
  }

  /**
   * Marks the next emit volatile: dropped when the client cannot take it right now ({@code volatile} is a Java
   * keyword, hence the underscore).
   *
   * <pre>{@code socket.volatile_().emit("position", x, y)}</pre>
   */
  public SocketEmitter volatile_() {
    return new SocketEmitter(this, BroadcastFlags.NONE.withVolatile());
  }

  /**
   * Sets whether the next emit may be compressed (Node's {@code socket.compress}; the default is {@code true}). Over
   * polling, a response made only of packets emitted with {@code false} is not HTTP-compressed; over WebSocket the
   * flag has no effect (JSR-356 has no per-message switch for permessage-deflate).
   */
  public SocketEmitter compress(boolean compress) {
    return new SocketEmitter(this, BroadcastFlags.NONE.withCompress(compress));
  }

  /** Alias of {@link #emit(String, Object...)} with the event {@code message} (Node's {@code send}). */
  public Socket send(Object... args) {
    return emit("message", args);
  }

  void emit(BroadcastFlags flags, String event, Object[] args) {
    checkReserved(event);
    int n = args == null ? 0 : args.length;
    AckCallback callback = null;
    if (n > 0 && args[n - 1] instanceof AckCallback cb) {
      // it runs on the connection's thread (the ack) or the timer's: what it throws must stop neither
      callback = (error, reply) -> Callbacks.run(() -> cb.handle(error, reply),
          () -> describe("acknowledgement callback of event", event));
      n--;
    }
    List<Object> payload = new ArrayList<>(n + 1);
    payload.add(event);
    for (int i = 0; i < n; i++) {
      payload.add(args[i]);
    }
    if (closing.get() && callback == null) {
      // the client left the namespace: a late event would only be buffered by it, or reach a later connection
      LOG.log(Level.DEBUG, () -> "socket " + id + ": dropping event emitted after disconnection: " + event);
      return;
    }
    Long ackId = null;
    if (callback != null) {
      if (!connected) {
        callback.handle(new AckException(AckException.Kind.DISCONNECTED, "socket is disconnected"), null);
        return;
      }
      ackId = nsp.nextAckId();
      if (!acks.register(ackId, callback, flags.timeout())) {
        callback.handle(new AckException(AckException.Kind.TOO_MANY_PENDING,
            "more than " + nsp.server().options().maxPendingAcks() + " acknowledgements pending"), null);
        return;
      }
      if (closing.get()) { // disconnected meanwhile: the registry failed (or will fail) the callback, once
        return;
      }
    }
    SocketPacket packet = SocketPacket.event(nsp.name(), payload, ackId);
    if (nsp.server().options().connectionStateRecovery() != null) {
      // through the adapter, so the packet gets an offset and is kept for a recovering client (as Node)
      nsp.adapter().broadcast(packet, new BroadcastOptions(Set.of(id), Set.of(), flags));
    } else {
      notifyOutgoing(packet);
      packet(packet, flags.isVolatile(), flags.compress());
    }
  }

  /** Tells the outgoing catch-all listeners about an EVENT packet. */
  void notifyOutgoing(SocketPacket packet) {
    if (anyOutgoingListeners.isEmpty() || !(packet.data() instanceof List<?>)) {
      return;
    }
    String event = packet.eventName();
    List<Object> args = packet.arguments();
    for (AnyListener l : anyOutgoingListeners) {
      guard("outgoing " + event, () -> l.handle(event, args));
    }
  }

  CompletionStage<List<Object>> emitWithAck(BroadcastFlags flags, String event, Object[] args) {
    CompletableFuture<List<Object>> result = new CompletableFuture<>();
    Object[] all = Arrays.copyOf(args == null ? new Object[0] : args, args == null ? 1 : args.length + 1);
    all[all.length - 1] = (AckCallback) (error, reply) -> {
      if (error != null) {
        result.completeExceptionally(error);
      } else {
        result.complete(reply);
      }
    };
    emit(flags, event, all);
    return result;
  }

  static void checkReserved(String event) {
    if (event == null || PacketDecoder.RESERVED_EVENTS.contains(event)) {
      throw new IllegalArgumentException("\"" + event + "\" is a reserved event name");
    }
  }

  void packet(SocketPacket packet, boolean isVolatile) {
    packet(packet, isVolatile, true);
  }

  private void packet(SocketPacket packet, boolean isVolatile, boolean compress) {
    write(packet, encode(packet), isVolatile, compress);
  }

  private EncodedPacket encode(SocketPacket packet) {
    try {
      return nsp.server().encoder().encode(packet);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot encode event for socket " + id + ": " + e.getMessage(), e);
    }
  }

  /**
   * The one way this socket's packets reach the connection: held until the CONNECT is written, then passed on in
   * call order ({@code packet} may be {@code null} when only the encoded form is known).
   */
  private void write(SocketPacket packet, EncodedPacket encoded, boolean isVolatile, boolean compress) {
    synchronized (writeLock) {
      if (holding) {
        if (isVolatile) {
          return; // the client cannot take it right now, exactly what volatile allows to drop
        }
        if (held == null) {
          held = new ArrayList<>();
        }
        if (held.size() >= nsp.server().options().engine().maxBufferedPackets()) {
          heldOverflow = true;
        } else {
          held.add(new Held(packet, encoded, compress));
        }
        return;
      }
    }
    client.write(encoded, isVolatile, compress);
  }

  // ---- rooms and broadcasting ----

  /** Joins rooms. Ignored once the socket is disconnecting. */
  @Override
  public Socket join(String... rooms) {
    return join(Arrays.asList(rooms));
  }

  /** Joins rooms. Ignored once the socket is disconnecting. */
  public Socket join(Collection<String> rooms) {
    if (!closing.get()) {
      nsp.adapter().addAll(id, Set.copyOf(rooms));
    }
    return this;
  }

  /** Leaves a room. */
  @Override
  public Socket leave(String room) {
    nsp.adapter().del(id, room);
    return this;
  }

  /** The rooms this socket is in (its own id included); a snapshot. */
  @Override
  public Set<String> rooms() {
    return nsp.adapter().socketRooms(id);
  }

  /** Broadcasts to a room, excluding this socket. <pre>{@code socket.to("room").emit("hi")}</pre> */
  public BroadcastOperator to(String... rooms) {
    return broadcast().to(rooms);
  }

  /** Same as {@link #to(String...)}. */
  public BroadcastOperator in(String... rooms) {
    return to(rooms);
  }

  /** Broadcasts to all but these rooms, and not to this socket. */
  public BroadcastOperator except(String... rooms) {
    return broadcast().except(rooms);
  }

  /** Broadcasts to rooms, excluding this socket, as Node's {@code socket.to(["a", "b"])}. */
  public BroadcastOperator to(Collection<String> rooms) {
    return broadcast().to(rooms);
  }

  /** Same as {@link #to(Collection)}. */
  public BroadcastOperator in(Collection<String> rooms) {
    return to(rooms);
  }

  /** Broadcasts to all but these rooms, and not to this socket. */
  public BroadcastOperator except(Collection<String> rooms) {
    return broadcast().except(rooms);
  }

  /** Broadcasts to every socket of the namespace but this one. <pre>{@code socket.broadcast().emit("hi")}</pre> */
  public BroadcastOperator broadcast() {
    return new BroadcastOperator(nsp, new BroadcastOptions(Set.of(), Set.of(id), BroadcastFlags.NONE));
  }

  /** Broadcasts on this node only, excluding this socket. */
  public BroadcastOperator local() {
    return broadcast().local();
  }

  // ---- life cycle ----

  /**
   * Disconnects from the namespace (client gets DISCONNECT, reason {@code server namespace disconnect}); with
   * {@code close}, also closes the connection (every namespace of this client). Does nothing once the socket is
   * disconnected or disconnecting, so it may be called from any listener, twice, or from several threads.
   */
  @Override
  public Socket disconnect(boolean close) {
    if (!connected || closing.get()) {
      return this;
    }
    if (close) {
      client.disconnectAll();
    } else {
      serverDisconnect(null);
    }
    return this;
  }

  /** Sends DISCONNECT and leaves the namespace; {@code onFlushed}, if any, runs once the packet is written. */
  void serverDisconnect(Runnable onFlushed) {
    EncodedPacket packet = nsp.server().encoder().encode(SocketPacket.disconnect(nsp.name()));
    // Leave the namespace before the packet can reach the client: called from another connection's thread (e.g.
    // disconnectSockets), the client's reaction (closing its transport) could otherwise win with "transport close";
    // and before onFlushed may run (it closes the session: this socket must not see that reason either).
    onClose(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
    if (onFlushed == null) {
      client.write(packet, false);
      return;
    }
    CompletableFuture<Void> written = new CompletableFuture<>();
    client.write(packet, () -> written.complete(null));
    written.thenRun(onFlushed);
  }

  /** Same as {@code disconnect(false)}. */
  public Socket disconnect() {
    return disconnect(false);
  }

  /** The private session id (connection state recovery), or {@code null}. */
  String pid() {
    return pid;
  }

  Client client() {
    return client;
  }

  /**
   * Marks the socket connected and joins its own room and, when recovered, its previous rooms; run by the namespace
   * under {@link Client#attach}, so that a close of the connection either waits for it or prevents it. From here on
   * broadcasts reach the socket, held until {@link #onConnect} writes the CONNECT.
   */
  void register() {
    connected = true;
    join(id);
    if (previous != null) {
      join(previous.rooms());
    }
  }

  /**
   * Writes the CONNECT, then (when recovered) the missed packets, then the packets held since {@link #register},
   * then runs {@code whenConnected} (user code), unless the socket was closed meanwhile. For a recovered socket the
   * adapter is asked first for what was broadcast between the restore and the join
   * ({@link dev.sio4j.socket.adapter.Adapter#missedPacketsSince}), possibly asynchronously.
   */
  void onConnect(Runnable whenConnected) {
    if (previous == null) {
      if (release(List.of())) {
        whenConnected.run();
      }
      return;
    }
    List<List<Object>> missed = previous.missedPackets();
    String from = missed.isEmpty() ? clientOffset : offsetOf(missed.get(missed.size() - 1));
    CompletableFuture<List<List<Object>>> more;
    try {
      more = nsp.adapter().missedPacketsSince(previous, from).toCompletableFuture();
    } catch (RuntimeException e) {
      more = CompletableFuture.failedFuture(e);
    }
    if (more.isDone()) {
      finishRecovery(more, whenConnected);
    } else {
      CompletableFuture<List<List<Object>>> pending = more;
      pending.whenComplete((v, e) -> client.context().execute(() -> finishRecovery(pending, whenConnected)));
    }
  }

  private void finishRecovery(CompletableFuture<List<List<Object>>> more, Runnable whenConnected) {
    List<List<Object>> extra;
    try {
      extra = more.getNow(null);
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "socket " + id + ": error while fetching the packets missed since the restore: " + e);
      extra = null;
    }
    if (extra == null) {
      // what was broadcast between the restore and the join is gone: going on would lose it silently. The client
      // reconnects; its offset is no longer kept, so it connects as a new socket (recovered false).
      LOG.log(Level.DEBUG, () -> "socket " + id + ": missed packets no longer kept, closing the recovered session");
      client.close();
      return;
    }
    List<List<Object>> replay = new ArrayList<>(previous.missedPackets());
    replay.addAll(extra);
    if (release(replay)) {
      whenConnected.run();
    }
  }

  /** The offset of a kept packet ({@code [event, args..., offset]}), or {@code null}. */
  private static String offsetOf(List<?> data) {
    return !data.isEmpty() && data.get(data.size() - 1) instanceof String offset ? offset : null;
  }

  /**
   * Writes the CONNECT, the replay, then the held packets except those the replay had, and stops holding: all under
   * the write lock, so no packet of another thread slips in between. Answers whether the socket is connected.
   */
  private boolean release(List<List<Object>> replay) {
    boolean overflow;
    synchronized (writeLock) {
      List<Held> waiting = held;
      held = null;
      holding = false;
      overflow = heldOverflow;
      if (!overflow && !closing.get()) {
        writeConnect(replay, waiting);
      }
    }
    if (overflow) {
      LOG.log(Level.WARNING, () -> "socket " + id + ": more than " + nsp.server().options().engine()
          .maxBufferedPackets() + " packets arrived before it was connected, closing (slow consumer)");
      client.close(); // outside the write lock: closing takes the connection's registry lock
      return false;
    }
    return !closing.get();
  }

  /** Under the write lock: the CONNECT, the replay, then the held packets the replay did not have. */
  private void writeConnect(List<List<Object>> replay, List<Held> waiting) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("sid", id);
    if (pid != null) {
      payload.put("pid", pid);
    }
    // the Socket.IO v4 protocol (an Engine.IO v3 client) has no payload in the CONNECT answer, as Node
    client.write(encode(SocketPacket.connect(nsp.name(), client.conn().protocol() == 3 ? null : payload)), false);
    Set<String> replayed = new HashSet<>();
    // Node writes them before the CONNECT answer (the JS client buffers them); after it, every client handles them
    for (List<Object> missed : replay) {
      client.write(encode(SocketPacket.event(nsp.name(), missed, null)), false);
      String offset = offsetOf(missed);
      if (offset != null) {
        replayed.add(offset);
      }
    }
    if (waiting != null) {
      for (Held h : waiting) {
        if (!h.isAmong(replayed)) { // else broadcast after the join and before the adapter's last snapshot
          client.write(h.encoded, false, h.compress);
        }
      }
    }
  }

  /** A packet written while the socket was {@link #holding}. */
  private record Held(SocketPacket packet, EncodedPacket encoded, boolean compress) {
    /** Whether this is a kept EVENT (no ack id, an offset last) whose offset is in {@code offsets}. */
    boolean isAmong(Set<String> offsets) {
      return !offsets.isEmpty() && packet != null && packet.type() == dev.sio4j.socket.parser.PacketType.EVENT
          && packet.id() == null && packet.data() instanceof List<?> data && offsets.contains(offsetOf(data));
    }
  }

  void onPacket(SocketPacket packet) {
    switch (packet.type()) {
      case EVENT, BINARY_EVENT -> onEvent(packet);
      case ACK, BINARY_ACK -> {
        if (!acks.complete(packet.id(), packet.arguments())) {
          LOG.log(Level.DEBUG, () -> "socket " + id + ": unknown ack id " + packet.id());
        }
      }
      case DISCONNECT -> onClose(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
      default -> throw new IllegalStateException("not a socket packet: " + packet.type());
    }
  }

  private void onEvent(SocketPacket packet) {
    String event = packet.eventName();
    List<Object> args = packet.arguments();
    Ack ack = packet.id() == null ? null : ackFor(packet.id());
    for (AnyListener l : anyListeners) {
      guard(event, () -> l.handle(event, args));
    }
    if (middlewares.isEmpty()) {
      dispatch(event, args, ack);
      return;
    }
    List<Object> full = new ArrayList<>(args.size() + 1);
    full.add(event);
    full.addAll(args);
    Chain.run(middlewares.asList(), (m, next) -> m.handle(full, next), error -> {
      if (error != null) {
        fireError(error);
      } else if (!full.isEmpty() && full.get(0) instanceof String name) {
        dispatch(name, new ArrayList<>(full.subList(1, full.size())), ack);
      }
    }, () -> describe("middleware for event", event));
  }

  private void dispatch(String event, List<Object> args, Ack ack) {
    if (!connected) {
      LOG.log(Level.DEBUG, () -> "socket " + id + ": ignoring event received after disconnection");
      return;
    }
    List<EventHandler> list = handlers.get(event);
    if (list == null || list.isEmpty()) {
      LOG.log(Level.DEBUG, () -> "socket " + id + ": no handler for event " + event);
      return;
    }
    for (EventHandler h : list) {
      guard(event, () -> h.handle(args, ack));
    }
  }

  private Ack ackFor(long ackId) {
    AtomicBoolean sent = new AtomicBoolean();
    return args -> {
      if (sent.compareAndSet(false, true)) {
        packet(SocketPacket.ack(nsp.name(), ackId, args == null ? List.of() : Arrays.asList(args)), false);
      }
    };
  }

  void fireError(Throwable error) {
    if (errorListeners.isEmpty()) {
      LOG.log(Level.DEBUG, () -> "socket " + id + ": error without listener: " + error);
    }
    for (Consumer<Throwable> l : errorListeners) {
      guard("error", () -> l.accept(error));
    }
  }

  /** Leaves the namespace (Node's {@code _onclose}); runs once. */
  void onClose(DisconnectReason reason) {
    if (!connected || !closing.compareAndSet(false, true)) {
      return;
    }
    LOG.log(Level.DEBUG, () -> "socket " + id + " closing: " + reason);
    for (Consumer<DisconnectReason> l : disconnectingListeners) {
      guard("disconnecting", () -> l.accept(reason));
    }
    // after the registration, if it is still under way (Client.attach): it must not join rooms once they are left
    client.detach(this, () -> {
      Set<String> left = rooms();
      nsp.adapter().delAll(id);
      if (pid != null && reason.isRecoverable()) {
        // after leaving the rooms (the recovered socket has the same id and may join them as soon as the session
        // can be restored) but before leaving the namespace: a reconnection handled meanwhile on another thread
        // finds either this socket (and waits for this close) or the session, never neither
        try {
          nsp.adapter().persistSession(new Session(id, pid, left, new LinkedHashMap<>(data), List.of()));
        } catch (RuntimeException e) { // the socket must still leave the namespace and its connection
          LOG.log(Level.WARNING, () -> "socket " + id + ": the adapter failed to persist its session: " + e);
        }
      }
      nsp.forget(this);
    });
    nsp.remove(this);
    connected = false;
    acks.failAll(new AckException(AckException.Kind.DISCONNECTED, "socket has been disconnected: " + reason));
    for (Consumer<DisconnectReason> l : disconnectListeners) {
      guard("disconnect", () -> l.accept(reason));
    }
  }

  /**
   * Keeps the restored session again for a recovered socket whose connection closed before it connected: the
   * restore handed it out once, and the client will present the same private id and offset on its next attempt.
   */
  void keepSessionAgain() {
    if (previous != null) {
      nsp.adapter().persistSession(previous.withMissedPackets(List.of()));
    }
  }

  /** Makes sure no room membership is left behind by a socket refused before it connected. */
  void cleanupUnconnected() {
    closing.set(true);
    nsp.adapter().delAll(id);
  }

  int pendingAcks() {
    return acks.size();
  }

  AdapterSocket adapterView() {
    return adapterView;
  }

  /** Runs an application callback for {@code event} (see {@link Callbacks}: whatever it throws is logged once). */
  private void guard(String event, Runnable r) {
    Callbacks.run(r, () -> describe("handler for event", event));
  }

  private String describe(String what, String event) {
    return what + " '" + event + "' of socket " + id + " in " + nsp.name();
  }

  @Override
  public String toString() {
    return "Socket[" + nsp.name() + " " + id + "]";
  }

  /** What the adapter sees of this socket. */
  private final class View implements AdapterSocket {
    @Override
    public String id() {
      return id;
    }

    @Override
    public void write(EncodedPacket packet, BroadcastFlags flags) {
      if (connected) {
        Socket.this.write(null, packet, flags.isVolatile(), flags.compress());
      }
    }

    @Override
    public void write(SocketPacket packet, EncodedPacket encoded, BroadcastFlags flags) {
      if (connected) {
        notifyOutgoing(packet);
        Socket.this.write(packet, encoded, flags.isVolatile(), flags.compress());
      }
    }

    @Override
    public boolean writeWithAck(SocketPacket packet, EncodedPacket encoded, BroadcastFlags flags,
        Consumer<List<Object>> onAck) {
      if (!connected || packet.id() == null) {
        return false;
      }
      // an error (timeout, disconnect) is dropped: the broadcast's own timer reports the missing answers
      if (!acks.register(packet.id(), (error, args) -> {
        if (error == null) {
          onAck.accept(args);
        }
      }, flags.timeout())) {
        return false;
      }
      notifyOutgoing(packet);
      Socket.this.write(packet, encoded, flags.isVolatile(), flags.compress());
      return true;
    }

    @Override
    public void disconnect(boolean close) {
      Socket.this.disconnect(close);
    }

    @Override
    public Handshake handshake() {
      return handshake;
    }

    @Override
    public Map<String, Object> data() {
      return data;
    }

    @Override
    public Set<String> rooms() {
      return Socket.this.rooms();
    }
  }
}
