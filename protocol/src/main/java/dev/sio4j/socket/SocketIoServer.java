package dev.sio4j.socket;

import dev.sio4j.engine.EngineServer;
import dev.sio4j.engine.EngineSocket;
import dev.sio4j.socket.parser.SocketParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The Socket.IO v5 server (Node's {@code socket.io} {@code Server}) on top of an {@link EngineServer}. Transports
 * register {@link #engine()}; the application uses namespaces.
 *
 * <pre>{@code
 * SocketIoServer io = new SocketIoServer(SocketIoOptions.defaults());
 * io.onConnection(socket -> socket.on("hello", (args, ack) -> socket.emit("world")));
 * io.of("/admin").use((socket, next) -> next.proceed());
 * io.to("room").except("muted").emit("news", data);
 * }</pre>
 *
 * <p>Thread safe. The methods on the main namespace ({@code emit}, {@code to}, {@code use}...) are shortcuts for
 * {@code io.of("/")}.
 */
public final class SocketIoServer {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.socket");

  private final SocketIoOptions options;
  private final EngineServer engine;
  private final SocketParser.Encoder encoder;
  private final ScheduledExecutorService timer;
  private final Map<String, Namespace> nsps = new ConcurrentHashMap<>();
  private final List<ParentNamespace> parents = new CopyOnWriteArrayList<>();
  private final ListenerList<Consumer<Namespace>> newNamespaceListeners = new ListenerList<>();
  private final Set<Client> clients = ConcurrentHashMap.newKeySet();
  private final Namespace main;

  /** Creates a server with its own {@link EngineServer} built from {@code options.engine()}. */
  public SocketIoServer(SocketIoOptions options) {
    this(options, new EngineServer(options.engine()));
    engine.onConnection(this::attach);
  }

  /** Creates a server with the default options. */
  public SocketIoServer() {
    this(SocketIoOptions.defaults());
  }

  /** For tests: {@code engine} may be {@code null}; sessions are then fed through {@link #attach}. */
  SocketIoServer(SocketIoOptions options, EngineServer engine) {
    this.options = options;
    this.encoder = options.parser().newEncoder();
    this.engine = engine;
    if (engine != null) {
      this.timer = engine.scheduler(); // one timer thread for the whole server
    } else {
      ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "sio4j-socket-timer");
        t.setDaemon(true);
        return t;
      });
      own.setRemoveOnCancelPolicy(true);
      this.timer = own;
    }
    this.main = of("/");
  }

  /** The Engine.IO server the transports feed. */
  public EngineServer engine() {
    return engine;
  }

  /** The options. */
  public SocketIoOptions options() {
    return options;
  }

  /** The namespace of that name, created on first use (a leading {@code /} is added if missing). */
  public Namespace of(String name) {
    String n = name.startsWith("/") ? name : "/" + name;
    Namespace existing = nsps.get(n);
    if (existing != null) {
      return existing;
    }
    Namespace created = null;
    synchronized (nsps) {
      existing = nsps.get(n);
      if (existing != null) {
        return existing;
      }
      for (ParentNamespace p : parents) {
        if (p.isRegex() && p.matches(n, Map.of())) {
          created = p.createChild(n);
          break;
        }
      }
      if (created == null) {
        created = new Namespace(this, n, null);
      }
      fireNewNamespace(created);
      nsps.put(n, created);
    }
    return created;
  }

  /** The namespaces that exist now (Node's {@code io._nsps}), dynamic children included; a snapshot. */
  public List<Namespace> namespaces() {
    return List.copyOf(nsps.values());
  }

  /** A dynamic namespace: every name matching {@code pattern} (whole name) gets a child namespace. */
  public Namespace of(Pattern pattern) {
    ParentNamespace p = new ParentNamespace(this, (name, auth) -> pattern.matcher(name).matches(), true);
    parents.add(p);
    return p;
  }

  /** A dynamic namespace: every name (and CONNECT auth) the predicate accepts gets a child namespace. */
  public Namespace of(BiPredicate<String, Map<String, Object>> matcher) {
    ParentNamespace p = new ParentNamespace(this, matcher, false);
    parents.add(p);
    return p;
  }

  /** Adds a middleware to the main namespace. */
  public SocketIoServer use(Middleware middleware) {
    main.use(middleware);
    return this;
  }

  /**
   * Adds a listener told of every namespace created after it (Node's {@code io.on("new_namespace", nsp => ...)}):
   * by {@link #of(String)} and by a client connecting to a dynamic namespace's new child. It runs on the creating
   * thread (the application's, or the connection's callback thread) before any other thread can find the namespace,
   * so the middlewares and connection listeners it adds see the first client; it must not block, nor call
   * {@code of} with the same name. The main namespace exists before any listener.
   */
  public SocketIoServer onNewNamespace(Consumer<Namespace> listener) {
    newNamespaceListeners.add(listener);
    return this;
  }

  private void fireNewNamespace(Namespace nsp) {
    for (Consumer<Namespace> l : newNamespaceListeners) {
      Callbacks.run(() -> l.accept(nsp), () -> "new namespace listener (for " + nsp.name() + ")");
    }
  }

  /** Emits the event {@code message} to every socket of the main namespace (Node's {@code io.send}). */
  public SocketIoServer send(Object... args) {
    main.send(args);
    return this;
  }

  /** Adds a connection listener to the main namespace. */
  public SocketIoServer onConnection(Consumer<Socket> listener) {
    main.onConnection(listener);
    return this;
  }

  /** Emits to every socket of the main namespace. */
  public SocketIoServer emit(String event, Object... args) {
    main.emit(event, args);
    return this;
  }

  /** Targets rooms of the main namespace. <pre>{@code io.to("room").emit("x")}</pre> */
  public BroadcastOperator to(String... rooms) {
    return main.to(rooms);
  }

  /** Same as {@link #to(String...)}. */
  public BroadcastOperator in(String... rooms) {
    return main.in(rooms);
  }

  /** Excludes rooms of the main namespace. */
  public BroadcastOperator except(String... rooms) {
    return main.except(rooms);
  }

  /** Targets rooms of the main namespace, as Node's {@code io.to(["a", "b"])}. */
  public BroadcastOperator to(Collection<String> rooms) {
    return main.to(rooms);
  }

  /** Same as {@link #to(Collection)}. */
  public BroadcastOperator in(Collection<String> rooms) {
    return main.in(rooms);
  }

  /** Excludes rooms of the main namespace, as Node's {@code io.except(["a", "b"])}. */
  public BroadcastOperator except(Collection<String> rooms) {
    return main.except(rooms);
  }

  /** Volatile broadcast on the main namespace. */
  public BroadcastOperator volatile_() {
    return main.volatile_();
  }

  /** Node-local broadcast on the main namespace. */
  public BroadcastOperator local() {
    return main.local();
  }

  /** Broadcast with an acknowledgement timeout on the main namespace. */
  public BroadcastOperator timeout(Duration timeout) {
    return main.timeout(timeout);
  }

  /** Broadcast on the main namespace that may be compressed or not (see {@link BroadcastOperator#compress}). */
  public BroadcastOperator compress(boolean compress) {
    return main.compress(compress);
  }

  /** The sockets of the main namespace. */
  public CompletionStage<List<RemoteSocket>> fetchSockets() {
    return main.fetchSockets();
  }

  /**
   * Sends an event to the other Socket.IO servers of the cluster, on the main namespace.
   *
   * @throws UnsupportedOperationException with the in-memory adapter
   */
  public SocketIoServer serverSideEmit(String event, Object... args) {
    main.serverSideEmit(event, args);
    return this;
  }

  /** Node's {@code serverSideEmitWithAck} on the main namespace; fails with the in-memory adapter. */
  public CompletionStage<List<Object>> serverSideEmitWithAck(String event, Object... args) {
    return main.serverSideEmitWithAck(event, args);
  }

  /**
   * Handles an event the other servers of the cluster send with {@code serverSideEmit} on the main namespace; see
   * {@link Namespace#onServerSideEmit}.
   *
   * <pre>{@code io.onServerSideEmit("ping", (args, ack) -> { if (ack != null) ack.send("pong"); });}</pre>
   */
  public SocketIoServer onServerSideEmit(String event, EventHandler handler) {
    main.onServerSideEmit(event, handler);
    return this;
  }

  /** Removes a handler added with {@link #onServerSideEmit}. */
  public SocketIoServer offServerSideEmit(String event, EventHandler handler) {
    main.offServerSideEmit(event, handler);
    return this;
  }

  /** Makes every socket of the main namespace join rooms. */
  public void socketsJoin(String... rooms) {
    main.socketsJoin(rooms);
  }

  /** Makes every socket of the main namespace leave rooms. */
  public void socketsLeave(String... rooms) {
    main.socketsLeave(rooms);
  }

  /** Makes every socket of the main namespace join rooms. */
  public void socketsJoin(Collection<String> rooms) {
    main.socketsJoin(rooms);
  }

  /** Makes every socket of the main namespace leave rooms. */
  public void socketsLeave(Collection<String> rooms) {
    main.socketsLeave(rooms);
  }

  /** Disconnects every socket of the main namespace. */
  public void disconnectSockets(boolean close) {
    main.disconnectSockets(close);
  }

  /**
   * Disconnects every socket ({@code server shutting down}), closes the adapters, the engine and the timer.
   * Idempotent.
   */
  public void close() {
    if (engine != null) {
      // Every session closes with "server shutting down", delivered through the engine in order with that session's
      // other events: closing the clients from this thread could overtake a connection still being set up.
      engine.close(); // also stops the shared scheduler
    } else {
      for (Client c : new ArrayList<>(clients)) {
        c.onClosed(DisconnectReason.SERVER_SHUTTING_DOWN);
      }
      timer.shutdownNow();
    }
    nsps.values().forEach(n -> n.adapter().close());
  }

  // ---- internals ----

  /** Takes over a new engine session. */
  void attach(EngineSocket conn) {
    clients.add(new Client(this, conn));
  }

  void removeClient(Client client) {
    clients.remove(client);
  }

  /**
   * The namespace a CONNECT joins, reserved for the join (see {@link Namespace#reserveJoin}); {@code null} if none.
   */
  Namespace lookupForJoin(String name, Map<String, Object> auth) {
    while (true) {
      Namespace nsp = lookup(name, auth);
      if (nsp == null || nsp.reserveJoin()) {
        return nsp;
      }
    }
  }

  /** Removes an empty dynamic child (option cleanupEmptyChildNamespaces), unless a join reached it meanwhile. */
  void removeChild(Namespace child) {
    synchronized (nsps) {
      if (child.markRemovedIfEmpty()) {
        nsps.remove(child.name(), child);
        LOG.log(System.Logger.Level.DEBUG, () -> "removed the empty namespace " + child.name());
      }
    }
  }

  /** The namespace a CONNECT addresses, creating a dynamic child if a parent accepts it; {@code null} if none. */
  Namespace lookup(String name, Map<String, Object> auth) {
    Namespace nsp = nsps.get(name);
    if (nsp != null) {
      return nsp;
    }
    for (ParentNamespace p : parents) {
      if (p.matches(name, auth)) {
        Namespace child;
        synchronized (nsps) {
          Namespace again = nsps.get(name);
          if (again != null) {
            return again;
          }
          child = p.createChild(name);
          fireNewNamespace(child);
          nsps.put(name, child);
        }
        return child;
      }
    }
    return null;
  }

  SocketParser.Encoder encoder() {
    return encoder;
  }

  ScheduledExecutorService timer() {
    return timer;
  }
}
