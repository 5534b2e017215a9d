package dev.sio4j.engine;

import dev.sio4j.engine.packet.EnginePacket;
import dev.sio4j.engine.packet.PacketType;
import dev.sio4j.engine.transport.TransportType;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * One Engine.IO session (Node's {@code Socket}): state machine, bounded outbound queue, heartbeat and upgrade, over a
 * {@link Transport} that can change once, from polling to WebSocket.
 *
 * <p>Threading: state, queue and transport fields are guarded by {@link #lock}, which is never held while calling a
 * listener or doing I/O. Listener callbacks go through one {@link EventSerializer}, so they never overlap and keep
 * their order; the {@code connection} callback runs first.
 */
final class EngineSession implements EngineSocket {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.engine");
  static final int PROTOCOL = 4;
  /** The most a cork holds for one session before writing (see {@link #corkFullLocked}). */
  private static final int MAX_CORKED_PACKETS = 256;
  private static final long MAX_CORKED_BYTES = 256 * 1024;

  /**
   * A queued packet with what to run once it is written. The queue holds a bare {@link OutboundMessage} when there is
   * nothing to run (the common case), so a send allocates no wrapper.
   */
  record Outbound(OutboundMessage message, Runnable onFlushed) {}

  /** Whether a listener class overrides {@code onFlush} or {@code onDrain} (else those events need not be queued). */
  private static final ClassValue<Boolean> WANTS_FLUSH_EVENTS = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      try {
        return type.getMethod("onFlush").getDeclaringClass() != EngineSocketListener.class
            || type.getMethod("onDrain").getDeclaringClass() != EngineSocketListener.class;
      } catch (NoSuchMethodException e) {
        return true;
      }
    }
  };

  final Object lock = new Object();

  private final String id;
  private final EngineServer server;
  private final EngineOptions options;
  private final EngineRequest request;
  private final EventSerializer events = new EventSerializer();
  private final List<EngineSocketListener> listeners = new CopyOnWriteArrayList<>();
  private final Heartbeat heartbeat;
  private final InboundRateLimiter inboundRate;
  /** The Engine.IO protocol version of the client: 3 (accepted with allowEIO3) or 4. */
  private final int protocol;

  private volatile SessionState state = SessionState.OPENING; // written under lock
  private volatile Transport transport; // written under lock
  /** Listeners that override onFlush/onDrain: the flush and drain events are queued only when there is one. */
  private volatile int flushListeners;
  private final ArrayDeque<Object> queue = new ArrayDeque<>(); // OutboundMessage or Outbound; guarded by lock
  private long queuedWeight; // guarded by lock
  private UpgradeProbe probe; // guarded by lock
  private boolean upgraded; // guarded by lock
  private ScheduledFuture<?> closeTimer; // guarded by lock

  EngineSession(String id, EngineServer server, EngineRequest request) {
    this.id = id;
    this.server = server;
    this.options = server.options();
    this.request = request;
    this.inboundRate = server.newInboundRateLimiter();
    this.protocol = "3".equals(request.eio()) ? 3 : PROTOCOL;
    this.heartbeat = new Heartbeat(server.timers(), options.pingInterval(), options.pingTimeout(),
        () -> enqueue(OutboundMessage.PING, null, false),
        () -> closeWith(DisconnectReason.PING_TIMEOUT, null, null), protocol == 3);
  }

  // ---- lifecycle ----

  /** Attaches the first transport, queues the open packet and starts the heartbeat. */
  void open(Transport first, List<String> upgrades) {
    OutboundMessage openPacket =
        OutboundMessage.control(new EnginePacket.Text(PacketType.OPEN, Jsons.handshake(id, upgrades, options, protocol)));
    synchronized (lock) {
      transport = first;
      if (first instanceof WebSocketTransport ws) {
        ws.attachLocked();
      }
      moveTo(SessionState.OPEN);
      queue.add(openPacket);
      queuedWeight += openPacket.weight();
    }
    heartbeat.start();
  }

  /** Runs the server's {@code connection} callback before any other event of this session, then releases them. */
  void runConnection(Consumer<EngineSocket> connection) {
    events.runFirstAndRelease(() -> connection.accept(this));
  }

  private void moveTo(SessionState next) {
    SessionState previous = state;
    state = previous.moveTo(next);
    LOG.log(System.Logger.Level.DEBUG, () -> "Engine.IO session " + id + ": " + previous + " -> " + next);
  }

  /** Closes now: drops the queue, stops timers, closes the transport(s), fires {@code onClose} once. */
  void closeWith(DisconnectReason requested, String description, Throwable cause) {
    Transport t;
    UpgradeProbe p;
    DisconnectReason reason;
    synchronized (lock) {
      if (state == SessionState.CLOSED) {
        return;
      }
      // Once the server decided to close, the peer hanging up while the close is under way is still our close.
      boolean transportEnded = requested == DisconnectReason.TRANSPORT_CLOSE
          || requested == DisconnectReason.TRANSPORT_ERROR;
      reason = state == SessionState.CLOSING && transportEnded ? DisconnectReason.FORCED_CLOSE : requested;
      moveTo(SessionState.CLOSED);
      t = transport;
      p = probe;
      probe = null;
      queue.clear();
      queuedWeight = 0;
      if (closeTimer != null) {
        closeTimer.cancel(false);
      }
    }
    heartbeat.stop();
    if (p != null) {
      p.cancelTimer();
      p.webSocket().closeNow();
    }
    if (t != null) {
      t.closeNow();
    }
    server.sessionClosed(this);
    LOG.log(System.Logger.Level.DEBUG, () -> "Engine.IO session " + id + " closed: " + reason
        + (description == null ? "" : " (" + description + ")"));
    events.execute(() -> {
      if (cause != null) {
        forEachListener(l -> l.onError(cause));
      }
      forEachListener(l -> l.onClose(reason, description));
    });
  }

  @Override
  public void close() {
    Transport t;
    synchronized (lock) {
      if (state != SessionState.OPEN) {
        return;
      }
      moveTo(SessionState.CLOSING);
      t = transport;
      // a polling client that stopped polling never takes the close packet: give up after one heartbeat cycle
      closeTimer = server.timers().schedule(() -> closeWith(DisconnectReason.FORCED_CLOSE, "close timed out", null),
          options.pingInterval().plus(options.pingTimeout()));
    }
    t.flush();
  }

  boolean isClosed() {
    return state == SessionState.CLOSED;
  }

  Transport currentTransport() {
    return transport;
  }

  /** Whether an upgrade is in progress or done (a second WebSocket is refused then). */
  boolean upgradingOrUpgraded() {
    synchronized (lock) {
      return probe != null || upgraded;
    }
  }

  // ---- outbound ----

  @Override
  public void send(String text) {
    enqueue(OutboundMessage.text(text), null, false);
  }

  @Override
  public void send(OutboundMessage message) {
    enqueue(Objects.requireNonNull(message, "message"), null, false);
  }

  @Override
  public void send(byte[] data) {
    enqueue(OutboundMessage.binary(data), null, false);
  }

  @Override
  public void send(String text, Runnable onFlushed) {
    enqueue(OutboundMessage.text(text), Objects.requireNonNull(onFlushed, "onFlushed"), false);
  }

  @Override
  public void send(OutboundMessage message, Runnable onFlushed) {
    enqueue(message, Objects.requireNonNull(onFlushed, "onFlushed"), false);
  }

  @Override
  public void sendAll(Object... messages) {
    if (messages.length == 1) {
      enqueue(OutboundMessage.of(messages[0]), null, false);
      return;
    }
    OutboundMessage[] all = new OutboundMessage[messages.length];
    for (int i = 0; i < messages.length; i++) {
      all[i] = OutboundMessage.of(messages[i]);
    }
    enqueueAll(all);
  }

  @Override
  public boolean sendVolatile(Object message) {
    return enqueue(OutboundMessage.of(message), null, true);
  }

  /** Queues one packet and writes it at once when the transport is idle (one lock for both). */
  private boolean enqueue(OutboundMessage message, Runnable onFlushed, boolean isVolatile) {
    Transport t;
    Object next = null;
    long weight = message.weight();
    synchronized (lock) {
      if (state != SessionState.OPEN) {
        return false;
      }
      t = transport;
      if (isVolatile && (probe != null || !queue.isEmpty() || !t.writableLocked())) {
        return false;
      }
      if (queue.size() + 1 > options.maxBufferedPackets() || queuedWeight + weight > options.maxBufferedBytes()) {
        t = null;
      } else {
        queue.add(onFlushed == null ? message : new Outbound(message, onFlushed));
        queuedWeight += weight;
        if (t instanceof WebSocketTransport ws) {
          next = ws.claimOrCorkLocked();
        }
      }
    }
    return afterEnqueue(t, next);
  }

  /** Queues packets that must stay together (a binary packet and its attachments). */
  private boolean enqueueAll(OutboundMessage[] messages) {
    if (messages.length == 0) {
      return true;
    }
    Transport t;
    Object next = null;
    long weight = 0;
    for (OutboundMessage m : messages) {
      weight += m.weight();
    }
    synchronized (lock) {
      if (state != SessionState.OPEN) {
        return false;
      }
      t = transport;
      if (queue.size() + messages.length > options.maxBufferedPackets()
          || queuedWeight + weight > options.maxBufferedBytes()) {
        t = null;
      } else {
        for (OutboundMessage m : messages) {
          queue.add(m);
        }
        queuedWeight += weight;
        if (t instanceof WebSocketTransport ws) {
          next = ws.claimOrCorkLocked();
        }
      }
    }
    return afterEnqueue(t, next);
  }

  private boolean afterEnqueue(Transport t, Object next) {
    if (t == null) {
      LOG.log(System.Logger.Level.WARNING, () -> "Engine.IO session " + id + " closed: outbound queue over "
          + options.maxBufferedPackets() + " packets or " + options.maxBufferedBytes() + " bytes (slow consumer)");
      closeWith(DisconnectReason.SLOW_CONSUMER, "outbound queue full", null);
      return false;
    }
    if (t instanceof WebSocketTransport ws) {
      if (next == WebSocketTransport.CORKED) {
        WriteCork.defer(ws);
      } else {
        ws.pump(next);
      }
    } else {
      t.flush();
    }
    return true;
  }

  /** The message of a queue entry ({@link OutboundMessage} or {@link Outbound}). */
  static OutboundMessage messageOf(Object entry) {
    return entry instanceof Outbound o ? o.message() : (OutboundMessage) entry;
  }

  /**
   * Whether a cork ({@link WriteCork}) has held enough of this session's packets to write them now: 256 packets or
   * 256 KiB, and never more than half of maxBufferedPackets / maxBufferedBytes, so batching alone never nears them.
   */
  boolean corkFullLocked() {
    return queue.size() >= Math.min(MAX_CORKED_PACKETS, options.maxBufferedPackets() / 2)
        || queuedWeight >= Math.min(MAX_CORKED_BYTES, options.maxBufferedBytes() / 2);
  }

  boolean hasQueuedLocked() {
    return !queue.isEmpty();
  }

  boolean closingLocked() {
    return state == SessionState.CLOSING;
  }

  /** The next queue entry ({@link OutboundMessage} or {@link Outbound}), or null. */
  Object pollLocked() {
    Object o = queue.poll();
    if (o != null) {
      queuedWeight -= messageOf(o).weight();
    }
    return o;
  }

  /** Every queue entry ({@link OutboundMessage} or {@link Outbound}), emptying the queue. */
  List<Object> drainLocked() {
    List<Object> all = new ArrayList<>(queue);
    queue.clear();
    queuedWeight = 0;
    return all;
  }

  /** A polling response carried these packets: run their callbacks, then {@code drain}. */
  void written(List<Object> batch) {
    for (Object o : batch) {
      if (o instanceof Outbound out) {
        events.execute(out.onFlushed());
      }
    }
    if (!batch.isEmpty()) {
      fireFlushAndDrain();
    }
  }

  /** A WebSocket frame from the queue (the entry) was sent: run its callback, and {@code drain} if the queue is empty. */
  void written(Object entry, boolean drained) {
    if (entry instanceof Outbound out) {
      events.execute(out.onFlushed());
    }
    if (drained) {
      fireFlushAndDrain();
    }
  }

  private void fireFlushAndDrain() {
    if (flushListeners > 0) {
      events.execute(() -> forEachListener(l -> {
        l.onFlush();
        l.onDrain();
      }));
    }
  }

  // ---- inbound ----

  /**
   * A packet from the current transport. {@code transientBuffer}: a binary packet's buffer is only valid during this
   * call (a WebSocket frame), so it is copied if the listeners cannot run right now.
   */
  void onPacket(EnginePacket packet, boolean transientBuffer) {
    if (state != SessionState.OPEN || !inboundRate.admit(this)) {
      return; // as Node: packets after close() started are ignored; a flood closes the session (admit)
    }
    if (packet.type() != PacketType.MESSAGE && !listeners.isEmpty()) {
      events.execute(() -> forEachListener(l -> l.onPacket(packet))); // messages fire it with onMessage/onBinary
    }
    switch (packet.type()) {
      case PONG -> {
        if (protocol == 3) {
          closeWith(DisconnectReason.TRANSPORT_ERROR, "invalid heartbeat direction", null);
        } else {
          heartbeat.onPong();
        }
      }
      case PING -> {
        if (protocol == 3) { // as Node for EIO=3: the client pings, the server answers
          heartbeat.onClientPing();
          enqueue(OutboundMessage.PONG, null, false);
        } else {
          closeWith(DisconnectReason.TRANSPORT_ERROR, "invalid heartbeat direction", null);
        }
      }
      case MESSAGE -> deliver(packet, transientBuffer);
      case CLOSE -> closeWith(DisconnectReason.TRANSPORT_CLOSE, null, null);
      default -> LOG.log(System.Logger.Level.DEBUG, () -> "Engine.IO session " + id + ": ignored " + packet.type());
    }
  }

  private void deliver(EnginePacket packet, boolean transientBuffer) {
    if (packet instanceof EnginePacket.Text t) {
      if (events.tryAcquire()) { // nothing queued or running: call the listeners right here, no task allocated
        try {
          fireText(t);
        } finally {
          events.release();
        }
      } else {
        events.execute(() -> fireText(t));
      }
      return;
    }
    EnginePacket.Binary binary = (EnginePacket.Binary) packet;
    if (!transientBuffer) {
      events.execute(() -> fireBinary(binary));
    } else if (!events.runIfIdle(() -> fireBinary(binary))) {
      EnginePacket.Binary copy = new EnginePacket.Binary(ByteBuffer.wrap(binary.toByteArray()));
      events.execute(() -> fireBinary(copy));
    }
  }

  private void fireText(EnginePacket.Text packet) {
    String text = packet.data();
    for (EngineSocketListener l : listeners) {
      try {
        l.onPacket(packet);
        l.onMessage(text);
      } catch (Throwable t) {
        listenerFailed(t);
      }
    }
  }

  private void fireBinary(EnginePacket.Binary packet) {
    forEachListener(l -> {
      l.onPacket(packet);
      l.onBinary(packet.data().duplicate());
    });
  }

  private void forEachListener(Consumer<EngineSocketListener> call) {
    for (EngineSocketListener l : listeners) {
      try {
        call.accept(l);
      } catch (Throwable t) {
        listenerFailed(t);
      }
    }
  }

  private void listenerFailed(Throwable t) {
    EventSerializer.rethrowIfFatal(t);
    LOG.log(System.Logger.Level.WARNING, "Engine.IO listener of session " + id + " threw; the session goes on", t);
  }

  // ---- upgrade ----

  /** Starts probing a WebSocket for this polling session; {@code false} if it cannot upgrade (caller closes it). */
  boolean beginUpgrade(WebSocketTransport ws) {
    synchronized (lock) {
      if (state != SessionState.OPEN || upgraded || probe != null
          || transport.type() != TransportType.POLLING) {
        return false;
      }
      probe = new UpgradeProbe(ws, server.timers().schedule(() -> cancelUpgrade(ws, "upgrade timeout"),
          options.upgradeTimeout()));
    }
    LOG.log(System.Logger.Level.DEBUG, () -> "Engine.IO session " + id + ": upgrade probe started");
    return true;
  }

  /** A packet on the probing WebSocket: {@code 2probe} is answered, {@code 5} switches, anything else aborts. */
  void onProbePacket(WebSocketTransport ws, EnginePacket packet) {
    if (packet.equals(EnginePacket.PING_PROBE)) {
      PollingTransport polling;
      synchronized (lock) {
        if (probe == null || probe.webSocket() != ws) {
          return;
        }
        polling = (PollingTransport) transport;
      }
      ws.sendControl(OutboundMessage.PONG_PROBE);
      polling.enterNoopMode();
    } else if (packet.type() == PacketType.UPGRADE) {
      completeUpgrade(ws);
    } else {
      cancelUpgrade(ws, "unexpected " + packet.type() + " during upgrade");
    }
  }

  private void completeUpgrade(WebSocketTransport ws) {
    Transport old;
    synchronized (lock) {
      if (probe == null || probe.webSocket() != ws || state == SessionState.CLOSED) {
        return;
      }
      probe.cancelTimer();
      probe = null;
      old = transport;
      transport = ws;
      upgraded = true;
      ws.attachLocked();
    }
    LOG.log(System.Logger.Level.DEBUG, () -> "Engine.IO session " + id + ": upgraded to websocket");
    old.closeForUpgrade();
    events.execute(() -> forEachListener(EngineSocketListener::onUpgrade));
    ws.flush(); // everything queued during the upgrade, in order
  }

  /** Aborts the probe of this WebSocket (timeout, bad packet, closed): the session stays on polling. */
  void cancelUpgrade(WebSocketTransport ws, String why) {
    Transport current;
    synchronized (lock) {
      if (probe == null || probe.webSocket() != ws) {
        return;
      }
      probe.cancelTimer();
      probe = null;
      current = transport;
    }
    LOG.log(System.Logger.Level.DEBUG, () -> "Engine.IO session " + id + ": upgrade cancelled, " + why);
    if (current instanceof PollingTransport polling) {
      polling.leaveNoopMode();
    }
    ws.closeNow();
  }

  // ---- EngineSocket ----

  @Override
  public String id() {
    return id;
  }

  @Override
  public ReadyState readyState() {
    return state.readyState();
  }

  @Override
  public TransportType transport() {
    return transport.type();
  }

  @Override
  public EngineRequest request() {
    return request;
  }

  @Override
  public int protocol() {
    return protocol;
  }

  @Override
  public void addListener(EngineSocketListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    countFlushListeners();
  }

  @Override
  public void removeListener(EngineSocketListener listener) {
    listeners.remove(listener);
    countFlushListeners();
  }

  private void countFlushListeners() {
    int n = 0;
    for (EngineSocketListener l : listeners) {
      if (WANTS_FLUSH_EVENTS.get(l.getClass())) {
        n++;
      }
    }
    flushListeners = n;
  }

  @Override
  public String toString() {
    return "EngineSession[" + id + ", " + state + "]";
  }
}
