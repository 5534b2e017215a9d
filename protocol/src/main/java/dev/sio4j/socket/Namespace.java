package dev.sio4j.socket;

import dev.sio4j.socket.adapter.Adapter;
import dev.sio4j.socket.adapter.AdapterNamespace;
import dev.sio4j.socket.adapter.AdapterSocket;
import dev.sio4j.socket.adapter.BroadcastFlags;
import dev.sio4j.socket.adapter.BroadcastOptions;
import dev.sio4j.socket.adapter.Session;
import dev.sio4j.socket.parser.SocketParser;
import dev.sio4j.socket.parser.SocketPacket;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A namespace (Node's {@code Namespace}): its middlewares, its connected sockets, its {@link Adapter} (rooms) and
 * broadcasting to them. Obtain one with {@link SocketIoServer#of(String)}.
 *
 * <pre>{@code
 * Namespace admin = io.of("/admin");
 * admin.use((socket, next) -> isAdmin(socket.handshake().auth()) ? next.proceed()
 *     : next.fail(new ConnectionRefused("not authorized")));
 * admin.onConnection(socket -> socket.join("admins"));
 * admin.to("admins").emit("hello");
 * }</pre>
 *
 * <p>Thread safe. Middlewares and connection listeners run on the connection's callback thread (or the executor).
 *
 * <h2>Connection guarantees</h2>
 * <ul>
 *   <li>A connecting socket runs the middlewares in order (a middleware may call {@code next} from any thread);
 *       then, if its connection is still open, it is registered ({@link #sockets()}, its own room, and for a
 *       recovered socket its previous rooms) atomically with respect to the connection's close: a socket whose
 *       connection closed meanwhile is never registered, and a registered one is removed by the close
 *       ({@code CloseRaceTest}).
 *   <li>The client gets the CONNECT answer (and for a recovered socket the missed packets) before any other packet
 *       of this namespace, and the connection listeners run after it; see {@link Socket} for the delivery order.
 *   <li>With connection state recovery, a session is restored once. The adapter's
 *       {@link Adapter#restoreSession} may complete on any thread; what is broadcast between the restore and the
 *       socket joining its rooms is fetched with {@link Adapter#missedPacketsSince} and written once. When that
 *       fetch fails or the packets are no longer kept, the connection is closed rather than recovered with a gap
 *       (the client then reconnects as a new socket). A reconnection presenting the private id of a socket still
 *       connected on another connection (whose close has not reached this server yet) closes that connection first,
 *       with reason {@code transport close}, so the session is persisted and recovered. A socket persists its session
 *       before it leaves {@link #sockets()}, so a reconnection handled while it leaves finds one or the other.
 * </ul>
 */
public class Namespace {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.socket");

  private final SocketIoServer server;
  private final String name;
  private final Namespace parent;
  private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
  /** Connections on their way in (middlewares running) to a child that is removed once empty; see reserveJoin. */
  private final AtomicInteger joining = new AtomicInteger();
  /** Set once this child was removed from the server for being empty: later joins go to a new child. */
  private volatile boolean removed;
  private final List<Middleware> middlewares = new CopyOnWriteArrayList<>();
  private final List<Consumer<Socket>> connectionListeners = new CopyOnWriteArrayList<>();
  private final Map<String, List<EventHandler>> serverSideHandlers = new ConcurrentHashMap<>();
  private final AtomicLong ackIds = new AtomicLong();
  private final AdapterNamespace view = new View();
  private final Adapter adapter;

  Namespace(SocketIoServer server, String name, Namespace parent) {
    this(server, name, parent, server.options().adapterFactory());
  }

  Namespace(SocketIoServer server, String name, Namespace parent, Function<AdapterNamespace, Adapter> adapters) {
    this.server = server;
    this.name = name;
    this.parent = parent;
    if (parent != null) {
      middlewares.addAll(parent.middlewares); // Node copies the parent's middlewares at creation
    }
    this.adapter = adapters.apply(view);
    adapter.init();
  }

  /** The name, e.g. {@code "/"} or {@code "/admin"}. */
  public String name() {
    return name;
  }

  /** The server. */
  public SocketIoServer server() {
    return server;
  }

  /** The adapter (rooms, broadcasting). */
  public Adapter adapter() {
    return adapter;
  }

  /** The sockets connected to this namespace on this node, by id (read-only live view). */
  public Map<String, Socket> sockets() {
    return Collections.unmodifiableMap(sockets);
  }

  /** Adds a middleware run for every connecting socket, in order. */
  public Namespace use(Middleware middleware) {
    middlewares.add(middleware);
    return this;
  }

  /** Adds a listener called for each socket once connected (Node's {@code connection} event). */
  public Namespace onConnection(Consumer<Socket> listener) {
    connectionListeners.add(listener);
    return this;
  }

  // ---- broadcasting (each returns a new immutable operator) ----

  /** Targets a room. <pre>{@code nsp.to("room").emit("hi")}</pre> */
  public BroadcastOperator to(String... rooms) {
    return operator().to(rooms);
  }

  /** Same as {@link #to(String...)}. */
  public BroadcastOperator in(String... rooms) {
    return operator().in(rooms);
  }

  /** Excludes rooms. */
  public BroadcastOperator except(String... rooms) {
    return operator().except(rooms);
  }

  /** Targets rooms, as Node's {@code nsp.to(["a", "b"])}. */
  public BroadcastOperator to(Collection<String> rooms) {
    return operator().to(rooms);
  }

  /** Same as {@link #to(Collection)}. */
  public BroadcastOperator in(Collection<String> rooms) {
    return operator().in(rooms);
  }

  /** Excludes rooms, as Node's {@code nsp.except(["a", "b"])}. */
  public BroadcastOperator except(Collection<String> rooms) {
    return operator().except(rooms);
  }

  /** Volatile broadcast. */
  public BroadcastOperator volatile_() {
    return operator().volatile_();
  }

  /** Node-local broadcast. */
  public BroadcastOperator local() {
    return operator().local();
  }

  /** Broadcast with an acknowledgement timeout. */
  public BroadcastOperator timeout(Duration timeout) {
    return operator().timeout(timeout);
  }

  /** Broadcast that may be compressed or not (see {@link BroadcastOperator#compress}). */
  public BroadcastOperator compress(boolean compress) {
    return operator().compress(compress);
  }

  /** Emits to every socket of the namespace. */
  public Namespace emit(String event, Object... args) {
    operator().emit(event, args);
    return this;
  }

  /** Emits the event {@code message} to every socket of the namespace (Node's {@code nsp.send}). */
  public Namespace send(Object... args) {
    return emit("message", args);
  }

  /** The ids of every socket of the namespace on this node. */
  public Set<String> allSockets() {
    return operator().allSockets();
  }

  /**
   * The connected sockets; on this node they are the {@link Socket}s themselves.
   *
   * <pre>{@code nsp.in("room").fetchSockets().thenAccept(list -> list.forEach(s -> s.emit("hi")))}</pre>
   */
  public CompletionStage<List<RemoteSocket>> fetchSockets() {
    return operator().fetchSockets();
  }

  /**
   * Sends an event to the other Socket.IO servers of the cluster (Node's {@code serverSideEmit}). An
   * {@link AckCallback} as last argument collects one response per server (cluster adapters only).
   *
   * @throws IllegalArgumentException for a reserved event name
   * @throws UnsupportedOperationException with the in-memory adapter (a single node has no one to send to)
   */
  public Namespace serverSideEmit(String event, Object... args) {
    Socket.checkReserved(event);
    List<Object> all = new ArrayList<>(args.length + 1);
    all.add(event);
    all.addAll(Arrays.asList(args));
    adapter.serverSideEmit(all);
    return this;
  }

  /**
   * Sends an event to the other Socket.IO servers of the cluster and completes with one response per server (Node's
   * {@code serverSideEmitWithAck}); fails with {@link UnsupportedOperationException} with the in-memory adapter.
   */
  public CompletionStage<List<Object>> serverSideEmitWithAck(String event, Object... args) {
    CompletableFuture<List<Object>> result = new CompletableFuture<>();
    Object[] all = Arrays.copyOf(args, args.length + 1);
    all[args.length] = (AckCallback) (error, responses) -> {
      if (error != null) {
        result.completeExceptionally(error);
      } else {
        result.complete(responses);
      }
    };
    try {
      serverSideEmit(event, all);
    } catch (UnsupportedOperationException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  /**
   * Handles an event the other Socket.IO servers of the cluster send with {@code serverSideEmit} (Node's
   * {@code io.on("event", (...args, ack) => ...)} on the server side). {@code ack} is {@code null} unless the sender
   * used {@code serverSideEmitWithAck}; it answers with its first argument (one answer per server). Nothing arrives
   * with the in-memory adapter.
   *
   * <pre>{@code
   * io.onServerSideEmit("hello", (args, ack) -> { if (ack != null) ack.send("hi from " + nodeName); });
   * }</pre>
   *
   * <p>Handlers run on the configured executor if any, else on the adapter's thread (e.g. the Redis client's I/O
   * thread): then they must not block.
   *
   * @throws IllegalArgumentException for a reserved event name
   */
  public Namespace onServerSideEmit(String event, EventHandler handler) {
    Socket.checkReserved(event);
    serverSideHandlers.computeIfAbsent(event, k -> new CopyOnWriteArrayList<>()).add(handler);
    return this;
  }

  /** Removes a handler added with {@link #onServerSideEmit}. */
  public Namespace offServerSideEmit(String event, EventHandler handler) {
    List<EventHandler> handlers = serverSideHandlers.get(event);
    if (handlers != null) {
      handlers.remove(handler);
    }
    return this;
  }

  /** Makes every socket join rooms. */
  public void socketsJoin(String... rooms) {
    operator().socketsJoin(rooms);
  }

  /** Makes every socket leave rooms. */
  public void socketsLeave(String... rooms) {
    operator().socketsLeave(rooms);
  }

  /** Makes every socket join rooms. */
  public void socketsJoin(Collection<String> rooms) {
    operator().socketsJoin(rooms);
  }

  /** Makes every socket leave rooms. */
  public void socketsLeave(Collection<String> rooms) {
    operator().socketsLeave(rooms);
  }

  /** Disconnects every socket. */
  public void disconnectSockets(boolean close) {
    operator().disconnectSockets(close);
  }

  /** Runs the {@link #onServerSideEmit} handlers of an event from another node. */
  private void receiveServerSideEmit(List<Object> eventAndArgs, Consumer<Object> ack) {
    if (eventAndArgs.isEmpty() || !(eventAndArgs.get(0) instanceof String event)) {
      LOG.log(Level.DEBUG, () -> "ignoring a server-side emit without an event name on " + name);
      return;
    }
    List<EventHandler> handlers = serverSideHandlers.get(event);
    if (handlers == null || handlers.isEmpty()) {
      return;
    }
    List<Object> args = Collections.unmodifiableList(new ArrayList<>(eventAndArgs.subList(1, eventAndArgs.size())));
    Ack answer = ack == null ? null : values -> ack.accept(values.length == 0 ? null : values[0]);
    Runnable run = () -> {
      for (EventHandler h : handlers) {
        Callbacks.run(() -> h.handle(args, answer), () -> "server-side emit handler for " + event + " on " + name);
      }
    };
    if (server.options().executor() != null) {
      server.options().executor().execute(run);
    } else {
      run.run();
    }
  }

  BroadcastOperator operator() {
    return new BroadcastOperator(this, new BroadcastOptions(Set.of(), Set.of(), BroadcastFlags.NONE));
  }

  // ---- internals ----

  long nextAckId() {
    return ackIds.getAndIncrement();
  }

  /** Finds a connected socket by id (overridden by parent namespaces to search their children). */
  Socket socket(String id) {
    return sockets.get(id);
  }

  /**
   * Restores the session the client asks for (connection state recovery), runs the middlewares (unless a
   * recovered socket may skip them), then connects the socket (Node's {@code _add}).
   */
  void add(Client client, Map<String, Object> auth, Consumer<Socket> onConnected) {
    ConnectionStateRecovery recovery = server.options().connectionStateRecovery();
    if (recovery != null && auth.get("pid") instanceof String pid && auth.get("offset") instanceof String offset) {
      Socket stale = connectedWithPid(pid, client);
      if (stale != null) {
        // the client reconnected before its old connection's close reached us: close it now, which persists the
        // session, then restore it (else the reconnection would not be recovered)
        Client old = stale.client();
        old.context().execute(() -> {
          old.closeReplaced();
          client.context().execute(() -> restore(client, auth, pid, offset, onConnected));
        });
        return;
      }
      restore(client, auth, pid, offset, onConnected);
      return;
    }
    add(client, auth, null, onConnected);
  }

  /** A socket of another connection that holds this private session id, or {@code null}. */
  private Socket connectedWithPid(String pid, Client client) {
    for (Socket s : sockets.values()) {
      if (pid.equals(s.pid()) && s.client() != client) {
        return s;
      }
    }
    return null;
  }

  private void restore(Client client, Map<String, Object> auth, String pid, String offset,
      Consumer<Socket> onConnected) {
    CompletableFuture<Session> restore;
    try {
      restore = adapter.restoreSession(pid, offset).toCompletableFuture();
    } catch (RuntimeException e) {
      restore = CompletableFuture.failedFuture(e);
    }
    if (restore.isDone()) {
      add(client, auth, sessionOrNull(restore), onConnected);
    } else {
      CompletableFuture<Session> pending = restore;
      pending.whenComplete((s, e) -> client.context().execute(
          () -> add(client, auth, sessionOrNull(pending), onConnected)));
    }
  }

  private static Session sessionOrNull(CompletableFuture<Session> restore) {
    try {
      return restore.getNow(null);
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "error while restoring a session: " + e);
      return null;
    }
  }

  private void add(Client client, Map<String, Object> auth, Session session, Consumer<Socket> onConnected) {
    Socket socket = new Socket(this, client, auth, session);
    if (session != null) {
      LOG.log(Level.DEBUG, () -> "connection state recovered for " + socket);
      if (server.options().connectionStateRecovery().skipMiddlewares() && client.isOpen()) {
        connect(socket, onConnected);
        return;
      }
    }
    Chain.run(middlewares, (m, next) -> m.handle(socket, next), error -> client.context().execute(() -> {
      if (!client.isOpen()) {
        LOG.log(Level.DEBUG, () -> "middleware done after the connection closed; dropping " + socket);
        socket.cleanupUnconnected();
        socket.keepSessionAgain();
        joinEnded();
        return;
      }
      if (error != null) {
        socket.cleanupUnconnected();
        joinEnded();
        // the Socket.IO v4 protocol's CONNECT_ERROR carries err.data || err.message, as Node for protocol 3
        Object payload = client.conn().protocol() == 3 ? v3ErrorPayload(error) : errorPayload(error);
        client.write(server.encoder().encode(SocketPacket.connectError(name, payload)), false);
        return;
      }
      connect(socket, onConnected);
    }));
  }

  private void connect(Socket socket, Consumer<Socket> onConnected) {
    // registered atomically with respect to the connection's close: a close either sees the socket (and removes it
    // from here and its rooms) or makes this refuse it; nothing is left behind either way
    boolean attached = socket.client().attach(socket, () -> {
      sockets.put(socket.id(), socket);
      socket.register();
    });
    joinEnded();
    if (!attached) {
      LOG.log(Level.DEBUG, () -> "connection closed before " + socket + " connected; dropping it");
      socket.cleanupUnconnected();
      socket.keepSessionAgain();
      return;
    }
    // CONNECT (and replay) before user code, so a disconnect in a listener sees a consistent state (as Node)
    socket.onConnect(() -> {
      onConnected.accept(socket);
      fireConnection(socket);
    });
  }

  private void fireConnection(Socket socket) {
    for (Consumer<Socket> l : connectionListeners) {
      Callbacks.run(() -> l.accept(socket), () -> "connection listener of " + name + " for socket " + socket.id());
    }
    if (parent != null) {
      parent.fireConnection(socket);
    }
  }

  private static Object v3ErrorPayload(Throwable error) {
    Map<String, Object> v4 = errorPayload(error);
    return v4.containsKey("data") ? v4.get("data") : v4.get("message");
  }

  static Map<String, Object> errorPayload(Throwable error) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("message", error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
    if (error instanceof ConnectionRefused refused && refused.data() != null) {
      payload.put("data", refused.data());
    }
    return payload;
  }

  void remove(Socket socket) {
    forget(socket);
    removeIfEmpty();
  }

  /** Removes a socket from {@link #sockets} if it is still the one of its id (a recovered socket reuses it). */
  void forget(Socket socket) {
    sockets.remove(socket.id(), socket);
  }

  /** Whether this is a child of a dynamic namespace that goes away once empty (option cleanupEmptyChildNamespaces). */
  private boolean removable() {
    return parent instanceof ParentNamespace && server.options().cleanupEmptyChildNamespaces();
  }

  /**
   * Called by the server before a connection joins: {@code false} if this child was removed meanwhile (the caller
   * then looks the name up again, which makes a new child). A successful reservation keeps the child until the join
   * ends ({@link #joinEnded}).
   */
  boolean reserveJoin() {
    if (!removable()) {
      return true;
    }
    joining.incrementAndGet();
    if (removed) { // removed after the lookup: the reservation must not keep a dead child
      joining.decrementAndGet();
      return false;
    }
    return true;
  }

  /** A join reserved by {@link #reserveJoin} ended, connected or refused. */
  private void joinEnded() {
    if (removable()) {
      joining.decrementAndGet();
      removeIfEmpty();
    }
  }

  private void removeIfEmpty() {
    if (removable() && sockets.isEmpty() && joining.get() == 0) {
      server.removeChild(this);
    }
  }

  /**
   * Locked by the server: removes this child if it is still empty with no join under way (Node's
   * {@code cleanupEmptyChildNamespaces}). Answers whether it did.
   */
  boolean markRemovedIfEmpty() {
    if (removed || !sockets.isEmpty() || joining.get() > 0) {
      return false;
    }
    removed = true; // written after reading joining, as reserveJoin writes joining before reading this
    ((ParentNamespace) parent).removeChild(this);
    adapter.close();
    return true;
  }

  @Override
  public String toString() {
    return "Namespace[" + name + "]";
  }

  /** What the adapter sees of this namespace. */
  private final class View implements AdapterNamespace {
    @Override
    public String name() {
      return name;
    }

    @Override
    public SocketParser.Encoder encoder() {
      return server.encoder();
    }

    @Override
    public AdapterSocket socket(String id) {
      Socket s = sockets.get(id);
      return s == null ? null : s.adapterView();
    }

    @Override
    public long nextAckId() {
      return Namespace.this.nextAckId();
    }

    @Override
    public ScheduledExecutorService timer() {
      return server.timer();
    }

    @Override
    public void receiveServerSideEmit(List<Object> eventAndArgs, Consumer<Object> ack) {
      Namespace.this.receiveServerSideEmit(eventAndArgs, ack);
    }
  }
}
