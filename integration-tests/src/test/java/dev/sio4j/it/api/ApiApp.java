package dev.sio4j.it.api;

import dev.sio4j.engine.CorsOptions;
import dev.sio4j.engine.EngineOptions;
import dev.sio4j.it.Mount;
import dev.sio4j.socket.ConnectionRefused;
import dev.sio4j.socket.ConnectionStateRecovery;
import dev.sio4j.socket.Namespace;
import dev.sio4j.socket.Socket;
import dev.sio4j.socket.SocketIoOptions;
import dev.sio4j.socket.SocketIoServer;
import dev.sio4j.socket.parser.SocketParser;
import dev.sio4j.annotation.binding.AnnotatedEndpoints;
import dev.sio4j.it.annotated.app.GuardedEndpoint;
import dev.sio4j.it.annotated.app.ObservedEndpoint;
import dev.sio4j.it.annotated.app.RoomEndpoint;
import dev.sio4j.it.annotated.app.ShapesEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The server the API integration tests drive: four Socket.IO servers in one servlet context, each controlled by its
 * clients through {@link Commands} (a client emits {@code emit}, {@code join}, {@code fetch}... and the server runs
 * the matching server API call, answering through the acknowledgement), so one Node script can run a whole scenario.
 *
 * <ul>
 *   <li>{@code /socket.io/}: namespaces {@code /}, {@code /chat}, {@code /guarded} (middleware: {@code auth.token}
 *       must be {@code "secret"}, else CONNECT_ERROR {@code "not authorized"} with data
 *       {@code {"code":4001,"reason":"bad token"}}; it decides on another thread), dynamic namespaces
 *       {@code /dyn-<digits>} (regex) and {@code /pred-*} with {@code auth.allow === true} (predicate); every socket
 *       has a packet middleware refusing the event {@code forbidden}. Heartbeat 20 s / 20 s.
 *   <li>{@code /recovery/}: the same commands with connection state recovery enabled.
 *   <li>{@code /recovery-async/}: the same with an adapter whose {@code restoreSession} completes on another
 *       thread ({@link AsyncRestoreAdapter}).
 *   <li>{@code /fastping/}: namespace {@code /} only, pingInterval 300 ms, pingTimeout 200 ms, for ping timeouts.
 *   <li>{@code /msgpack/} and {@code /msgpack-recovery/}: the namespaces {@code /}, {@code /chat} and
 *       {@code /guarded} of {@code /socket.io/} (without recovery, with it) with the msgpack parser, for clients with
 *       {@code socket.io-msgpack-parser}.
 *   <li>{@code /msgpack-annotated/}: the annotated endpoints of {@code dev.sio4j.it.annotated.app} with the msgpack
 *       parser.
 * </ul>
 *
 * <p>Every socket's disconnection is recorded ({@link #disconnection(String)}): the reason and the rooms it still saw
 * in {@code disconnecting}. Thread safe.
 */
public final class ApiApp {

  /** What a socket's disconnection looked like on the server. */
  record Disconnection(String reason, List<String> roomsWhileDisconnecting, List<String> roomsAfter) {}

  private final Map<String, CompletableFuture<Disconnection>> disconnections = new ConcurrentHashMap<>();
  private final Map<String, NumberStream> streams = new ConcurrentHashMap<>();
  private final SocketIoServer main;
  private final SocketIoServer recovery;
  private final SocketIoServer recoveryAsync;
  private final SocketIoServer fastPing;
  private final SocketIoServer msgpack;
  private final SocketIoServer msgpackRecovery;
  private final SocketIoServer msgpackAnnotated;
  private final Namespace regexParent;
  private final Namespace predicateParent;

  ApiApp() {
    main = new SocketIoServer(SocketIoOptions.builder()
        .engine(engine("/socket.io/", Duration.ofSeconds(20), Duration.ofSeconds(20)))
        .cleanupEmptyChildNamespaces(true).build());
    recovery = new SocketIoServer(SocketIoOptions.builder()
        .engine(engine("/recovery/", Duration.ofSeconds(20), Duration.ofSeconds(20)))
        .connectionStateRecovery(ConnectionStateRecovery.defaults()).build());
    ConnectionStateRecovery csr = ConnectionStateRecovery.defaults();
    recoveryAsync = new SocketIoServer(SocketIoOptions.builder()
        .engine(engine("/recovery-async/", Duration.ofSeconds(20), Duration.ofSeconds(20)))
        .connectionStateRecovery(csr).adapterFactory(nsp -> new AsyncRestoreAdapter(nsp, csr)).build());
    fastPing = new SocketIoServer(SocketIoOptions.builder()
        .engine(engine("/fastping/", Duration.ofMillis(300), Duration.ofMillis(200))).build());

    msgpack = new SocketIoServer(SocketIoOptions.builder().parser(SocketParser.byName("msgpack"))
        .engine(engine("/msgpack/", Duration.ofSeconds(20), Duration.ofSeconds(20))).build());
    msgpackRecovery = new SocketIoServer(SocketIoOptions.builder().parser(SocketParser.byName("msgpack"))
        .engine(engine("/msgpack-recovery/", Duration.ofSeconds(20), Duration.ofSeconds(20)))
        .connectionStateRecovery(ConnectionStateRecovery.defaults()).build());
    msgpackAnnotated = new SocketIoServer(SocketIoOptions.builder().parser(SocketParser.byName("msgpack"))
        .engine(engine("/msgpack-annotated/", Duration.ofSeconds(20), Duration.ofSeconds(20))).build());
    for (Class<?> endpoint : List.of(ShapesEndpoint.class, GuardedEndpoint.class, RoomEndpoint.class,
        ObservedEndpoint.class)) {
      AnnotatedEndpoints.register(msgpackAnnotated, endpoint);
    }

    setUpNamespaces(main);
    setUpNamespaces(msgpack);
    setUpNamespaces(msgpackRecovery);
    regexParent = main.of(Pattern.compile("/dyn-\\d+")).onConnection(this::setUp);
    predicateParent = main.of((name, auth) -> name.startsWith("/pred-") && Boolean.TRUE.equals(auth.get("allow")))
        .onConnection(this::setUp);

    recovery.onConnection(this::setUp);
    recoveryAsync.onConnection(this::setUp);
    fastPing.onConnection(this::setUp);
  }

  /** {@code /}, {@code /chat} and {@code /guarded} (see the class comment). */
  private void setUpNamespaces(SocketIoServer io) {
    io.onConnection(this::setUp);
    io.of("/chat").onConnection(this::setUp);
    io.of("/guarded").use((socket, next) -> CompletableFuture.runAsync(() -> {
      if ("secret".equals(socket.handshake().auth().get("token"))) {
        next.proceed();
      } else {
        next.fail(new ConnectionRefused("not authorized", Map.of("code", 4001, "reason", "bad token")));
      }
    })).onConnection(this::setUp);
  }

  private static EngineOptions engine(String path, Duration pingInterval, Duration pingTimeout) {
    return EngineOptions.builder().path(path).pingInterval(pingInterval).pingTimeout(pingTimeout)
        .cors(CorsOptions.allowAll()).build();
  }

  /** Mounts the servers; called during deployment. */
  void install(Mount mount) {
    mount.serve(main);
    mount.serve(recovery);
    mount.serve(recoveryAsync);
    mount.serve(fastPing);
    mount.serve(msgpack);
    mount.serve(msgpackRecovery);
    mount.serve(msgpackAnnotated);
  }

  /** Closes the servers. */
  void close() {
    main.close();
    recovery.close();
    recoveryAsync.close();
    fastPing.close();
    msgpack.close();
    msgpackRecovery.close();
    msgpackAnnotated.close();
  }

  /** Completes when the socket with this id has disconnected (from any of the servers). */
  CompletableFuture<Disconnection> disconnection(String socketId) {
    return disconnections.computeIfAbsent(socketId, id -> new CompletableFuture<>());
  }

  /** The running {@link NumberStream}s, by room. */
  Map<String, NumberStream> streams() {
    return streams;
  }

  /** The main server's namespace of this name (creating it, or a dynamic child, if there is none). */
  Namespace namespace(String name) {
    return main.of(name);
  }

  /** The parent namespace a command names ({@code regex-parent}, {@code pred-parent}), or {@code null}. */
  Namespace parent(String name) {
    return switch (name) {
      case "regex-parent" -> regexParent;
      case "pred-parent" -> predicateParent;
      default -> null;
    };
  }

  private void setUp(Socket socket) {
    List<String>[] whileDisconnecting = new List[1];
    socket.onDisconnecting(reason -> whileDisconnecting[0] = List.copyOf(new TreeSet<>(socket.rooms())));
    socket.onDisconnect(reason -> disconnection(socket.id()).complete(new Disconnection(reason.text(),
        whileDisconnecting[0], List.copyOf(new TreeSet<>(socket.rooms())))));
    new Commands(this, socket).install();
    socket.emit("welcome", Map.of("nsp", socket.namespace().name(), "id", socket.id(), "recovered",
        socket.recovered()));
  }
}
