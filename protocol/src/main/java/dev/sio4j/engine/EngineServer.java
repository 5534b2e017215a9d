package dev.sio4j.engine;

import dev.sio4j.engine.transport.HttpResponse;
import dev.sio4j.engine.transport.PollingExchange;
import dev.sio4j.engine.transport.TransportType;
import dev.sio4j.engine.transport.WebSocketChannel;
import dev.sio4j.engine.transport.WebSocketHandler;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The Engine.IO v4 server (Node's {@code engine.io} {@code Server}): handshakes, the session registry, heartbeats and
 * upgrades, independent of any container. Transports (the servlet and JSR-356 modules) feed it requests.
 *
 * <pre>{@code
 * EngineServer engine = new EngineServer(EngineOptions.defaults());
 * engine.onConnection(socket -> socket.addListener(new EngineSocketListener() {
 *   public void onMessage(String text) { socket.send(text); } // echo
 * }));
 * }</pre>
 *
 * <p>Thread safe. No method blocks. All timers of all sessions run on one daemon thread owned by this server.
 */
public final class EngineServer {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.engine");
  private static final int POLICY_VIOLATION = 1008;
  private static final int INTERNAL_ERROR = 1011;
  private static final WebSocketHandler IGNORE = new WebSocketHandler() {
    @Override public void onText(String text) {}
    @Override public void onBinary(ByteBuffer data) {}
    @Override public void onClose(int code, String reason) {}
    @Override public void onError(Throwable error) {}
  };

  private final EngineOptions options;
  private final Timers timers = new Timers();
  private final ResponseHeaders headers;
  private final ConcurrentHashMap<String, EngineSession> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger sessionCount = new AtomicInteger();
  /**
   * Polling sessions the client closed by POST while no GET was pending, by sid, each for {@code pingTimeout}: the GET
   * the client sent alongside may reach us after the POST (two connections, several threads), and gets the noop it would
   * have got had it come first, as on Node, which reads them in order. At most one entry per session closed that way
   * within pingTimeout (sessions are bounded by maxSessions and the handshake limits).
   */
  private final ConcurrentHashMap<String, PollingTransport> closedByClient = new ConcurrentHashMap<>();
  private final HandshakeLimiter handshakeLimiter;
  private final ThrottledLog floodLog = new ThrottledLog(InboundRateLimiter.LOG_INTERVAL, System::nanoTime);
  private volatile Consumer<EngineSocket> connectionListener = socket -> {};
  private volatile boolean closed;

  /** Creates a server with its own shared heartbeat scheduler (one daemon thread). */
  public EngineServer(EngineOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.headers = new ResponseHeaders(options);
    this.handshakeLimiter = new HandshakeLimiter(options, System::nanoTime);
    handshakeLimiter.startSweeping(timers.executor());
  }

  /** The options this server runs with. */
  public EngineOptions options() {
    return options;
  }

  /** Sets the {@code connection} callback, run for each new session before its first message is delivered. */
  public void onConnection(Consumer<EngineSocket> listener) {
    this.connectionListener = Objects.requireNonNull(listener, "listener");
  }

  /** The number of open sessions ({@code clientsCount}). */
  public int clientsCount() {
    return sessionCount.get();
  }

  /**
   * Serves one polling-transport HTTP request: CORS preflight, handshake, long-poll GET or data POST. Completes the
   * exchange now or later; never blocks.
   */
  public void handlePolling(PollingExchange exchange) {
    EngineRequest request = exchange.request();
    try {
      if ("OPTIONS".equals(request.method()) && options.cors() != null) {
        exchange.respond(headers.preflight(request));
        return;
      }
      EngineError.Rejection rejection = verify(request, false);
      if (rejection == null && request.sid() == null) {
        rejection = checkHandshake(request);
      }
      if (rejection != null) {
        if (rejection.error() == EngineError.UNKNOWN_SID && answerClosedByClient(exchange)) {
          return;
        }
        reject(exchange, rejection);
        return;
      }
      if (request.sid() == null) {
        handshakePolling(exchange);
        return;
      }
      EngineSession session = sessions.get(request.sid());
      if (session != null && session.currentTransport() instanceof PollingTransport polling) {
        polling.onRequest(exchange);
      } else if (session != null || !answerClosedByClient(exchange)) { // closed since verify: maybe by its client
        reject(exchange, new EngineError.Rejection(session == null ? EngineError.UNKNOWN_SID : EngineError.BAD_REQUEST));
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "Engine.IO failed to serve " + request.method() + " " + request.path(), e);
      try {
        exchange.respond(headers.empty(request, 500));
      } catch (RuntimeException ignored) {
        // the exchange was already answered
      }
    }
  }

  /** A GET for a session its client just closed by POST: answered once with the noop it is owed ({@link #closedByClient}). */
  private boolean answerClosedByClient(PollingExchange exchange) {
    if (!"GET".equals(exchange.request().method())
        || TransportType.fromWireName(exchange.request().transport()) != TransportType.POLLING) {
      return false;
    }
    PollingTransport polling = closedByClient.remove(exchange.request().sid());
    if (polling == null) {
      return false;
    }
    polling.onRequest(exchange); // the noop if still owed, else the 400 of a closed session
    return true;
  }

  private void reject(PollingExchange exchange, EngineError.Rejection rejection) {
    LOG.log(System.Logger.Level.DEBUG, () -> "Engine.IO refused " + exchange.request().method() + " "
        + exchange.request().url() + ": " + rejection.message());
    exchange.respond(headers.error(exchange.request(), rejection));
  }

  private void handshakePolling(PollingExchange exchange) {
    EngineError.Rejection refused = reserveSession(exchange.request());
    if (refused != null) {
      reject(exchange, refused);
      return;
    }
    EngineSession session = new EngineSession(SessionIds.next(), this, exchange.request());
    PollingTransport polling = new PollingTransport(session, headers, options, timers());
    boolean upgradable = options.allowUpgrades() && options.transports().contains(TransportType.WEBSOCKET);
    session.open(polling, upgradable ? List.of(TransportType.WEBSOCKET.wireName()) : List.of());
    register(session);
    polling.onRequest(exchange); // the handshake GET takes the open packet
    session.runConnection(connectionListener);
  }

  /**
   * Checks a WebSocket handshake before the container upgrades: returns {@code null} to accept, or the HTTP error
   * response Node would send (400 with the Engine.IO error JSON for a bad EIO/transport/sid, 403 for a refused
   * Origin or {@code allowRequest}).
   */
  public HttpResponse checkWebSocketHandshake(EngineRequest request) {
    try {
      EngineError.Rejection r = rejectWebSocket(request, true);
      if (r == null) {
        return null;
      }
      LOG.log(System.Logger.Level.DEBUG, () -> "Engine.IO refused WebSocket " + request.path() + ": " + r.message());
      return HttpResponse.text(r.status(), "application/json", r.json(), Map.of());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "Engine.IO failed to check WebSocket " + request.path(), e);
      return new HttpResponse(500, Map.of(), null);
    }
  }

  /**
   * Attaches an accepted WebSocket connection: a new session (no {@code sid}) or the upgrade of a polling session
   * ({@code sid} in the query, probe handshake follows). Returns the handler the transport feeds incoming frames to.
   * If the request is no longer acceptable (e.g. the session closed since {@link #checkWebSocketHandshake}), the
   * channel is closed (1008) and the handler ignores everything.
   */
  public WebSocketHandler handleWebSocket(EngineRequest request, WebSocketChannel channel) {
    try {
      EngineError.Rejection r = rejectWebSocket(request, false); // allowRequest already ran in the check
      if (r == null && request.sid() == null) {
        r = reserveSession(request); // here, not in the check: JSR-356 may know the remote address only now
        if (r == null) {
          EngineSession session = new EngineSession(SessionIds.next(), this, request);
          WebSocketTransport ws = new WebSocketTransport(session, channel, options);
          session.open(ws, List.of());
          register(session);
          ws.flush(); // the open packet is the first frame
          session.runConnection(connectionListener);
          return ws;
        }
      }
      if (r == null) {
        EngineSession session = sessions.get(request.sid());
        WebSocketTransport ws = session == null ? null : new WebSocketTransport(session, channel, options);
        if (ws != null && session.beginUpgrade(ws)) {
          return ws;
        }
        r = new EngineError.Rejection(session == null ? EngineError.UNKNOWN_SID : EngineError.BAD_REQUEST);
      }
      String message = r.message();
      LOG.log(System.Logger.Level.DEBUG, () -> "Engine.IO closed WebSocket " + request.path() + ": " + message);
      channel.close(POLICY_VIOLATION, message);
      return IGNORE;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "Engine.IO failed to attach WebSocket " + request.path(), e);
      channel.close(INTERNAL_ERROR, "internal error");
      return IGNORE;
    }
  }

  /** Closes every session with {@code server shutting down} and stops the scheduler. Idempotent. */
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (EngineSession s : sessions.values()) {
      s.closeWith(DisconnectReason.SERVER_SHUTTING_DOWN, null, null);
    }
    timers.shutdown();
    closedByClient.clear();
  }

  // ---- verification (Node's BaseServer.verify, in its order) ----

  private EngineError.Rejection verify(EngineRequest request, boolean upgrade) {
    TransportType transport = TransportType.fromWireName(request.transport());
    if (transport == null || !options.transports().contains(transport)) {
      return new EngineError.Rejection(EngineError.UNKNOWN_TRANSPORT);
    }
    if (hasInvalidHeaderChar(request.header("origin"))) {
      return new EngineError.Rejection(EngineError.BAD_REQUEST);
    }
    String sid = request.sid();
    if (sid != null) {
      EngineSession session = sessions.get(sid);
      if (session == null) {
        return new EngineError.Rejection(EngineError.UNKNOWN_SID);
      }
      if (!upgrade && session.transport() != transport) {
        return new EngineError.Rejection(EngineError.BAD_REQUEST); // e.g. polling after the upgrade
      }
      return null;
    }
    if (!"GET".equals(request.method())) {
      return new EngineError.Rejection(EngineError.BAD_HANDSHAKE_METHOD);
    }
    if (transport == TransportType.WEBSOCKET && !upgrade) {
      return new EngineError.Rejection(EngineError.BAD_REQUEST);
    }
    return null;
  }

  /** The handshake-only checks: the {@code allowRequest} hook, then the protocol version. */
  private EngineError.Rejection checkHandshake(EngineRequest request) {
    AllowRequest hook = options.allowRequest();
    if (hook != null && !hook.allow(request)) {
      return new EngineError.Rejection(EngineError.FORBIDDEN);
    }
    return protocolRejection(request);
  }

  /** EIO=4, or EIO=3 when {@code allowEIO3} is on, as Node; anything else is an unsupported protocol version. */
  private EngineError.Rejection protocolRejection(EngineRequest request) {
    String eio = request.eio();
    boolean supported = Integer.toString(EngineSession.PROTOCOL).equals(eio)
        || (options.allowEIO3() && "3".equals(eio));
    return supported ? null : new EngineError.Rejection(EngineError.UNSUPPORTED_PROTOCOL_VERSION);
  }

  private EngineError.Rejection rejectWebSocket(EngineRequest request, boolean runHooks) {
    if (TransportType.fromWireName(request.transport()) == TransportType.POLLING) {
      return new EngineError.Rejection(EngineError.BAD_REQUEST); // polling does not handle upgrades
    }
    EngineError.Rejection r = verify(request, true);
    if (r != null) {
      return r;
    }
    CorsOptions cors = options.cors();
    if (cors != null && !cors.allows(request.header("origin"))) {
      return new EngineError.Rejection(EngineError.FORBIDDEN); // stops cross-site WebSocket hijacking
    }
    if (request.sid() == null) {
      if (runHooks) {
        return checkHandshake(request);
      }
      return protocolRejection(request);
    }
    EngineSession session = sessions.get(request.sid());
    if (session == null) {
      return new EngineError.Rejection(EngineError.UNKNOWN_SID);
    }
    if (!options.allowUpgrades()) {
      return new EngineError.Rejection(EngineError.BAD_REQUEST);
    }
    if (!runHooks && session.upgradingOrUpgraded()) {
      // At attach time only, as Node's onWebSocket: its verify lets the handshake of a second WebSocket for an
      // upgraded session complete (101) and then closes that socket; clients (and the official suite) expect this.
      return new EngineError.Rejection(EngineError.BAD_REQUEST);
    }
    return null;
  }

  /** As Node's {@code checkInvalidHeaderChar}: control characters other than tab are not allowed. */
  private static boolean hasInvalidHeaderChar(String value) {
    if (value == null) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
        return true;
      }
    }
    return false;
  }

  // ---- registry ----

  /**
   * Reserves a session slot under the per-address limits and {@code maxSessions}: {@code null} when reserved (the
   * caller creates the session, whose close frees the slot), else the refusal.
   */
  private EngineError.Rejection reserveSession(EngineRequest request) {
    if (closed) {
      return capacityRejection();
    }
    EngineError.Rejection limited = handshakeLimiter.admit(request.remoteAddress());
    if (limited != null) {
      return limited;
    }
    int max = options.maxSessions();
    while (true) {
      int n = sessionCount.get();
      if (max > 0 && n >= max) {
        handshakeLimiter.release(request.remoteAddress());
        floodLog.warn(() -> "Engine.IO refused a handshake: maxSessions (" + max + ") reached");
        return capacityRejection();
      }
      if (sessionCount.compareAndSet(n, n + 1)) {
        return null;
      }
    }
  }

  private EngineError.Rejection capacityRejection() {
    return new EngineError.Rejection(EngineError.BAD_REQUEST, 503,
        closed ? "Server shutting down" : "Too many sessions");
  }

  private void register(EngineSession session) {
    sessions.put(session.id(), session);
    if (closed) { // close() ran while this handshake was under way and did not see the session
      session.closeWith(DisconnectReason.SERVER_SHUTTING_DOWN, null, null);
    }
  }

  /** Called exactly once per session, when it closed. */
  void sessionClosed(EngineSession session) {
    if (session.currentTransport() instanceof PollingTransport polling && polling.owesNoop() && !closed) {
      String sid = session.id();
      closedByClient.put(sid, polling); // before the removal: a GET finds the sid in one map or the other
      timers.schedule(() -> closedByClient.remove(sid, polling), options.pingTimeout());
    }
    sessions.remove(session.id(), session);
    sessionCount.decrementAndGet();
    handshakeLimiter.release(session.request().remoteAddress());
  }

  /** The inbound packet-rate limiter of a new session ({@code maxInboundPacketsPerSecond}). */
  InboundRateLimiter newInboundRateLimiter() {
    return InboundRateLimiter.forSession(options, floodLog, System::nanoTime);
  }

  /**
   * The one scheduler of this server (a single daemon thread), shared with the layers above it so a whole Socket.IO
   * server runs its timers on one thread. Tasks must be short and must not block. {@link #close()} shuts it down.
   */
  public java.util.concurrent.ScheduledExecutorService scheduler() {
    return timers.executor();
  }

  Timers timers() {
    return timers;
  }
}
