package dev.sio4j.socket;

import dev.sio4j.engine.EngineSocket;
import dev.sio4j.engine.EngineSocketListener;
import dev.sio4j.engine.transport.QueryStrings;
import dev.sio4j.socket.parser.EncodedPacket;
import dev.sio4j.socket.parser.SocketParser;
import dev.sio4j.socket.parser.PacketType;
import dev.sio4j.socket.parser.ParseException;
import dev.sio4j.socket.parser.SocketPacket;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Engine.IO session seen by the Socket.IO layer (Node's {@code Client}): decodes its messages, routes packets to
 * the socket of each namespace, writes encoded packets, and closes everything once.
 *
 * <p>Engine callbacks arrive one at a time; decoding happens on that thread and packet handling in {@link #context()}
 * (a per-connection serial view of the configured executor, or of the submitting thread), so packets, and the
 * continuations of asynchronous middlewares and restores, are handled in order, never concurrently.
 */
final class Client implements EngineSocketListener {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.socket");

  private final SocketIoServer server;
  private final EngineSocket conn;
  private final SocketParser.Decoder decoder;
  private final Executor context;
  /** namespace name → socket. */
  private final Map<String, Socket> nsps = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  /**
   * Orders a socket's registration (namespace, rooms, {@link #nsps}) against this connection's close: a socket is
   * either registered before {@link #onClosed} takes its snapshot, and closed by it, or refused.
   */
  private final Object registry = new Object();
  /** Set on the engine thread at the first decode error, so nothing after it is decoded. */
  private volatile boolean failed;
  private volatile ScheduledFuture<?> connectTimer;

  Client(SocketIoServer server, EngineSocket conn) {
    this.server = server;
    this.conn = conn;
    this.decoder = server.options().parser().newDecoder(server.options().decoderLimits());
    Executor executor = server.options().executor();
    // serial even without an executor: a stage completing on another thread (an asynchronous middleware or session
    // restore) then runs the connection listeners before the client's next packet is handled, which the CONNECT
    // they follow allows the client to send at once
    this.context = new SerialExecutor(executor == null ? Runnable::run : executor);
    conn.addListener(this);
    connectTimer = server.timer().schedule(() -> context.execute(this::onConnectTimeout),
        server.options().connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
    if (conn.protocol() == 3) {
      // Socket.IO v4 protocol (socket.io-client 2.x): the main namespace is joined without a CONNECT, as Node's
      // onconnection does for conn.protocol === 3
      context.execute(() -> connect("/", new LinkedHashMap<>()));
    }
  }

  EngineSocket conn() {
    return conn;
  }

  Executor context() {
    return context;
  }

  boolean isOpen() {
    return !closed.get() && conn.readyState() == EngineSocket.ReadyState.OPEN;
  }

  // ---- engine events (one at a time) ----

  @Override
  public void onMessage(String text) {
    if (failed || closed.get()) {
      return;
    }
    try {
      SocketPacket packet = decoder.decode(text);
      if (packet != null) {
        context.execute(() -> onDecoded(packet));
      }
    } catch (ParseException e) {
      onParseError(e);
    }
  }

  @Override
  public void onBinary(ByteBuffer data) {
    if (failed || closed.get()) {
      return;
    }
    try {
      SocketPacket packet = decoder.decode(data);
      if (packet != null) {
        context.execute(() -> onDecoded(packet));
      }
    } catch (ParseException e) {
      onParseError(e);
    }
  }

  @Override
  public void onClose(dev.sio4j.engine.DisconnectReason reason, String description) {
    DisconnectReason mapped = DisconnectReason.from(reason);
    context.execute(() -> onClosed(mapped));
  }

  // ---- packet routing ----

  private void onDecoded(SocketPacket packet) {
    if (closed.get()) {
      return;
    }
    Socket socket = nsps.get(packet.namespace());
    PacketType type = packet.type();
    if (socket == null && type == PacketType.CONNECT && conn.protocol() == 3) {
      connectV3(packet.namespace());
    } else if (socket == null && type == PacketType.CONNECT) {
      connect(packet.namespace(), auth(packet.data()));
    } else if (socket != null && type != PacketType.CONNECT && type != PacketType.CONNECT_ERROR) {
      socket.onPacket(packet);
    } else {
      LOG.log(Level.DEBUG, () -> "session " + conn.id() + ": invalid state for " + type + " " + packet.namespace());
      close();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> auth(Object data) {
    return data == null ? new LinkedHashMap<>() : (Map<String, Object>) data;
  }

  /**
   * v4-protocol CONNECT: {@code /nsp?a=1}, the query being the auth (first value of each name), as Node's url.parse
   * for protocol 3; decoded as the handshake's query is, so a malformed escape stays raw text.
   */
  private void connectV3(String nspWithQuery) {
    int q = nspWithQuery.indexOf('?');
    Map<String, Object> auth = new LinkedHashMap<>();
    if (q >= 0) {
      QueryStrings.parse(nspWithQuery.substring(q + 1)).forEach((name, values) -> auth.put(name, values.get(0)));
    }
    connect(q < 0 ? nspWithQuery : nspWithQuery.substring(0, q), auth);
  }

  private void connect(String name, Map<String, Object> auth) {
    Namespace nsp = server.lookupForJoin(name, auth);
    if (nsp == null) {
      LOG.log(Level.DEBUG, () -> "session " + conn.id() + ": invalid namespace " + name);
      write(server.encoder().encode(SocketPacket.connectError(name, Map.of("message", "Invalid namespace"))), false);
      return;
    }
    nsp.add(this, auth, socket -> cancelConnectTimer());
  }

  private void onConnectTimeout() {
    if (nsps.isEmpty() && !closed.get()) {
      LOG.log(Level.DEBUG, () -> "session " + conn.id() + ": no namespace joined in time, closing");
      close();
    }
  }

  private void onParseError(ParseException e) {
    failed = true;
    LOG.log(Level.DEBUG, () -> "session " + conn.id() + ": invalid packet, closing: " + e.getMessage());
    context.execute(() -> {
      for (Socket s : List.copyOf(nsps.values())) {
        s.fireError(e);
      }
      // Node reports "forced close" here (it closes the engine session); "parse error" says what happened.
      onClosed(DisconnectReason.PARSE_ERROR);
      conn.close();
    });
  }

  // ---- writing and closing ----

  /** Writes an encoded packet that may be compressed. */
  void write(EncodedPacket packet, boolean isVolatile) {
    write(packet, isVolatile, true);
  }

  /** Writes an encoded packet; binary packets go as one batch so attachments follow their header. */
  void write(EncodedPacket packet, boolean isVolatile, boolean compress) {
    if (conn.readyState() != EngineSocket.ReadyState.OPEN) {
      LOG.log(Level.DEBUG, () -> "session " + conn.id() + " not open; dropping packet");
      return;
    }
    if (packet.isBinary()) {
      // a volatile binary packet is sent normally: its parts must not be dropped one by one
      conn.sendAll(packet.messages(compress));
    } else if (isVolatile) {
      conn.sendVolatile(packet.textMessage(compress));
    } else {
      conn.send(packet.textMessage(compress));
    }
  }

  /**
   * Registers a socket of this connection: runs {@code register} (namespace and rooms) and adds the socket, unless
   * the connection closed (then answers {@code false} and runs nothing). Atomic with respect to {@link #onClosed}.
   */
  boolean attach(Socket socket, Runnable register) {
    synchronized (registry) {
      if (!isOpen()) {
        return false;
      }
      register.run();
      nsps.put(socket.namespace().name(), socket);
      return true;
    }
  }

  /** Removes a socket that left its namespace, after {@code unregister} (rooms, namespace) ran. */
  void detach(Socket socket, Runnable unregister) {
    synchronized (registry) {
      unregister.run();
      nsps.remove(socket.namespace().name(), socket);
    }
  }

  /**
   * Closes this connection because its client reconnected elsewhere with the private id of one of its sockets
   * (connection state recovery): the close has not reached this server yet, and the session must be persisted
   * before it can be restored. The sockets see {@code transport close}, the reason they would see a moment later.
   */
  void closeReplaced() {
    onClosed(DisconnectReason.TRANSPORT_CLOSE);
    if (conn.readyState() == EngineSocket.ReadyState.OPEN) {
      conn.close();
    }
  }

  /**
   * Disconnects every socket (DISCONNECT packets), then closes the session once they are written (Node's
   * {@code _disconnect}, which closes on {@code drain}). Closing at once would put the close packet in the same polling
   * response as the DISCONNECTs, and the official client handles a close before the packets of its payload: it would
   * report {@code transport close} instead of {@code io server disconnect}.
   */
  void disconnectAll() {
    List<Socket> open = new ArrayList<>();
    for (Socket s : List.copyOf(nsps.values())) {
      if (s.connected()) {
        open.add(s);
      }
    }
    if (open.isEmpty() || !isOpen()) {
      open.forEach(s -> s.serverDisconnect(null));
      close();
      return;
    }
    for (int i = 0; i < open.size(); i++) {
      open.get(i).serverDisconnect(i == open.size() - 1 ? this::close : null);
    }
  }

  /** Writes a text packet and runs {@code onFlushed} once the transport has written it (at once if it cannot). */
  void write(EncodedPacket packet, Runnable onFlushed) {
    if (packet.isBinary() || conn.readyState() != EngineSocket.ReadyState.OPEN) {
      write(packet, false);
      onFlushed.run();
      return;
    }
    if (packet.text() != null) {
      conn.send(packet.text(), onFlushed);
    } else {
      conn.send(packet.textMessage(), onFlushed);
    }
  }

  /** Closes the session from the Socket.IO layer (Node's {@code close}: reason {@code forced server close}). */
  void close() {
    if (conn.readyState() == EngineSocket.ReadyState.OPEN) {
      conn.close();
    }
    onClosed(DisconnectReason.FORCED_SERVER_CLOSE);
  }

  /** Closes every socket with a reason; runs once. */
  void onClosed(DisconnectReason reason) {
    List<Socket> open;
    synchronized (registry) {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      open = List.copyOf(nsps.values());
    }
    conn.removeListener(this);
    cancelConnectTimer();
    for (Socket s : open) {
      s.onClose(reason);
    }
    nsps.clear();
    server.removeClient(this);
  }

  private void cancelConnectTimer() {
    ScheduledFuture<?> t = connectTimer;
    if (t != null) {
      t.cancel(false);
      connectTimer = null;
    }
  }
}
