package dev.sio4j.admin;

import dev.sio4j.engine.DisconnectReason;
import dev.sio4j.engine.EngineSocket;
import dev.sio4j.engine.EngineSocketListener;
import dev.sio4j.engine.packet.EnginePacket;
import dev.sio4j.engine.packet.PacketType;
import dev.sio4j.engine.transport.TransportType;
import dev.sio4j.socket.Namespace;
import dev.sio4j.socket.Socket;
import dev.sio4j.socket.SocketIoServer;
import dev.sio4j.socket.adapter.RoomListener;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server side of the official Socket.IO Admin UI ({@code @socket.io/admin-ui} 0.5.1, Node's
 * {@code instrument(io, options)}): an admin namespace the UI (its {@code ui/dist}, or admin.socket.io) connects to,
 * with the same events and actions as the Node package.
 *
 * <pre>{@code
 * AdminUi admin = AdminUi.instrument(io, AdminUiOptions.builder()
 *     .basicAuth("admin", "$2a$10$...")   // bcrypt hash of the password
 *     .build());
 * }</pre>
 *
 * <p>Thread safe. Statistics are sent every 2 seconds on the engine's scheduler until {@link #close()}. Only this
 * node's sockets are listed and counted (Node's {@code fetchSockets} would ask the other nodes of a cluster too).
 */
public final class AdminUi implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.admin");
  static final long STATS_INTERVAL_MS = 2000;

  private final SocketIoServer io;
  private final AdminUiOptions options;
  private final Namespace admin;
  private final BasicAuth auth;
  private final List<String> features;
  private final EventBuffer events = new EventBuffer();
  private final Set<String> seenConnections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger pollingClients = new AtomicInteger();
  private final Map<String, Object> baseStats = new LinkedHashMap<>();
  private final ScheduledFuture<?> statsTask;

  private AdminUi(SocketIoServer io, AdminUiOptions options) {
    this.io = io;
    this.options = options;
    this.admin = io.of(options.namespaceName());
    this.auth = options.authenticates() ? new BasicAuth(options.username(), options.passwordHash()) : null;
    if (auth != null) {
      admin.use(auth);
    } else {
      LOG.log(System.Logger.Level.WARNING, "admin UI: authentication is disabled, please use with caution");
    }
    List<String> f = new ArrayList<>();
    if (!options.readonly()) {
      f.addAll(List.of("EMIT", "JOIN", "LEAVE", "DISCONNECT", "MJOIN", "MLEAVE", "MDISCONNECT"));
    }
    f.add("AGGREGATED_EVENTS");
    if (development()) {
      f.add("ALL_EVENTS");
    }
    this.features = List.copyOf(f);
    String host = hostname();
    baseStats.put("serverId", options.serverId() != null ? options.serverId() : host);
    baseStats.put("hostname", host);
    baseStats.put("pid", ProcessHandle.current().pid());

    admin.onConnection(this::onAdminConnection);
    io.namespaces().forEach(this::watch);
    io.onNewNamespace(this::watch);
    statsTask = io.engine().scheduler()
        .scheduleAtFixedRate(this::emitStats, 0, STATS_INTERVAL_MS, TimeUnit.MILLISECONDS);
  }

  /**
   * Adds the admin namespace to {@code io} and starts sending statistics (Node's {@code instrument}).
   *
   * @throws IllegalArgumentException if the admin namespace already has sockets
   */
  public static AdminUi instrument(SocketIoServer io, AdminUiOptions options) {
    return new AdminUi(io, options);
  }

  /** The admin namespace. */
  public Namespace namespace() {
    return admin;
  }

  /** Stops the statistics; the namespace and its listeners stay (Node offers no way back either). */
  @Override
  public void close() {
    statsTask.cancel(false);
  }

  private boolean development() {
    return options.mode() == AdminUiOptions.Mode.DEVELOPMENT;
  }

  private void onAdminConnection(Socket socket) {
    if (auth != null) {
      auth.onConnected(socket);
    }
    if (!options.readonly()) {
      new AdminActions(io).register(socket);
    }
    socket.emit("config", Map.of("supportedFeatures", features));
    if (development()) {
      List<Map<String, Object>> all = new ArrayList<>();
      for (Namespace nsp : io.namespaces()) {
        nsp.sockets().values().forEach(s -> all.add(SocketSerializer.serialize(s)));
      }
      socket.emit("all_sockets", all);
    }
  }

  /** Engine counters for every namespace; socket and room events too in development mode. */
  private void watch(Namespace nsp) {
    nsp.onConnection(this::countConnection);
    if (!development()) {
      return;
    }
    nsp.onConnection(socket -> onSocketConnected(nsp, socket));
    nsp.adapter().addRoomListener(new RoomListener() {
      @Override
      public void onJoinRoom(String room, String socketId) {
        admin.emit("room_joined", nsp.name(), room, socketId, SocketSerializer.now());
      }

      @Override
      public void onLeaveRoom(String room, String socketId) {
        admin.emit("room_left", nsp.name(), room, socketId, SocketSerializer.now());
      }
    });
  }

  private void onSocketConnected(Namespace nsp, Socket socket) {
    admin.emit("socket_connected", SocketSerializer.serialize(socket), SocketSerializer.now());
    socket.conn().addListener(new EngineSocketListener() {
      @Override
      public void onUpgrade() {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("id", socket.id());
        update.put("nsp", nsp.name());
        update.put("transport", socket.conn().transport().wireName());
        admin.emit("socket_updated", update);
      }
    });
    if (nsp != admin) {
      socket.onAny((event, args) -> admin.emit("event_received", nsp.name(), socket.id(), withEvent(event, args),
          SocketSerializer.now()));
      socket.onAnyOutgoing((event, args) -> admin.emit("event_sent", nsp.name(), socket.id(), withEvent(event, args),
          SocketSerializer.now()));
    }
    socket.onDisconnect(reason -> admin.emit("socket_disconnected", nsp.name(), socket.id(), reason.text(),
        SocketSerializer.now()));
  }

  private static List<Object> withEvent(String event, List<Object> args) {
    List<Object> all = new ArrayList<>(args.size() + 1);
    all.add(event);
    all.addAll(args);
    return all;
  }

  /**
   * Node counts engine sessions from the engine's {@code connection} event; sio4j's engine has one connection
   * listener (the socket layer), so a session is counted when its first socket connects.
   */
  private void countConnection(Socket socket) {
    EngineSocket conn = socket.conn();
    if (!seenConnections.add(conn.id())) {
      return;
    }
    events.push("rawConnection", null, 1);
    boolean polling = conn.transport() == TransportType.POLLING;
    if (polling) {
      pollingClients.incrementAndGet();
    }
    conn.addListener(new EngineSocketListener() {
      private boolean countedAsPolling = polling;

      @Override
      public void onUpgrade() {
        uncountPolling();
      }

      @Override
      public void onPacket(EnginePacket packet) {
        if (packet instanceof EnginePacket.Text t && t.type() == PacketType.MESSAGE) {
          events.push("packetsIn", null, 1);
          events.push("bytesIn", null, t.data().getBytes(StandardCharsets.UTF_8).length);
        } else if (packet instanceof EnginePacket.Binary b) {
          events.push("packetsIn", null, 1);
          events.push("bytesIn", null, b.data().remaining());
        }
      }

      @Override
      public void onClose(DisconnectReason reason, String description) {
        uncountPolling();
        seenConnections.remove(conn.id());
        events.push("rawDisconnection", reason.text(), 1);
      }

      private synchronized void uncountPolling() {
        if (countedAsPolling) {
          countedAsPolling = false;
          pollingClients.decrementAndGet();
        }
      }
    });
  }

  private void emitStats() {
    try {
      List<Map<String, Object>> namespaces = new ArrayList<>();
      for (Namespace nsp : io.namespaces()) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("name", nsp.name());
        n.put("socketsCount", nsp.sockets().size());
        namespaces.add(n);
      }
      Map<String, Object> stats = new LinkedHashMap<>(baseStats);
      stats.put("uptime", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
      stats.put("clientsCount", io.engine().clientsCount());
      stats.put("pollingClientsCount", pollingClients.get());
      stats.put("aggregatedEvents", events.takeAll());
      stats.put("namespaces", namespaces);
      admin.emit("server_stats", stats);
    } catch (RuntimeException e) {
      // a failing tick must not cancel the periodic task
      LOG.log(System.Logger.Level.WARNING, "admin UI: server_stats failed", e);
    }
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
