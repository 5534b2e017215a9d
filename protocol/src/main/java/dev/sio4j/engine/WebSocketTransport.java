package dev.sio4j.engine;

import dev.sio4j.engine.packet.EnginePacket;
import dev.sio4j.engine.packet.PacketDecoder;
import dev.sio4j.engine.packet.PacketParseException;
import dev.sio4j.engine.packet.V3PayloadDecoder;
import dev.sio4j.engine.transport.TransportType;
import dev.sio4j.engine.transport.WebSocketChannel;
import dev.sio4j.engine.transport.WebSocketHandler;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * One WebSocket connection of a session (Node's {@code transports/websocket.ts}), both ways: it is the
 * {@link WebSocketHandler} the container feeds, and the single writer of the channel, sending the next frame only
 * after the previous send completed. Before it is <i>attached</i> (while it is an upgrade probe) it writes only its
 * own control frames ({@code 3probe}); once attached it drains the session queue. State is guarded by the session lock.
 */
final class WebSocketTransport extends Transport implements WebSocketHandler {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.engine");
  static final int NORMAL_CLOSURE = 1000;
  static final int MESSAGE_TOO_BIG = 1009;

  private final EngineSession session;
  private final WebSocketChannel channel;
  private final long maxMessage;
  private final int protocol; // the session's Engine.IO version: v3 frames binary with a leading type byte
  private final ArrayDeque<OutboundMessage> control = new ArrayDeque<>(2); // guarded by session.lock
  private final WebSocketChannel.SendCallback callback = new Callback();

  private volatile boolean attached; // written under session.lock
  private boolean inFlight; // guarded by session.lock: a send is outstanding
  private boolean pumping; // guarded by session.lock: a thread is inside the flush loop's send
  private boolean closed; // guarded by session.lock
  private WriteCork corkedBy; // guarded by session.lock: registered with this thread's WriteCork, which will flush
  private boolean more; // guarded by session.lock: the claimed frame has more queued behind it
  private Object current; // guarded by session.lock: the queue entry in flight (an Outbound, or PLAIN), if any

  WebSocketTransport(EngineSession session, WebSocketChannel channel, EngineOptions options) {
    this.session = session;
    this.channel = channel;
    this.maxMessage = options.maxHttpBufferSize();
    this.protocol = session.protocol();
  }

  @Override
  TransportType type() {
    return TransportType.WEBSOCKET;
  }

  /** Makes this the session's transport. Locked. */
  void attachLocked() {
    attached = true;
  }

  /** Sends a frame that is not part of the session queue (the probe answer). */
  void sendControl(OutboundMessage message) {
    synchronized (session.lock) {
      if (closed) {
        return;
      }
      control.add(message);
    }
    flush();
  }

  /** {@link #claimLocked}'s answer when the queue is written out and a graceful close is due. */
  private static final Object FINISH = new Object();
  /** {@link #current} for a queued packet with no callback (saves storing the shared message). */
  private static final Object PLAIN = new Object();

  /** {@link #claimOrCorkLocked}'s answer when the caller must {@link WriteCork#defer} this transport. */
  static final Object CORKED = new Object();

  /**
   * Locked: like {@link #claimLocked}, but inside a listener callback on this thread ({@link WriteCork#currentOrNull})
   * it claims nothing and answers {@link #CORKED} the first time (the caller registers this transport with the cork),
   * {@code null} after, until the cork is full.
   */
  Object claimOrCorkLocked() {
    WriteCork mine = WriteCork.currentOrNull();
    if (corkedBy != null) {
      // only the corking thread batches, and only up to a batch (corkFullLocked: maxBufferedPackets / Bytes then
      // measure what the client did not take, never what a callback emitted before returning); any other thread
      // writes now, taking the held frames along, so it never waits for a callback of another connection to end
      return corkedBy == mine && !session.corkFullLocked() ? null : claimLocked();
    }
    if (mine != null && attached && !closed) {
      corkedBy = mine;
      return CORKED;
    }
    return claimLocked();
  }

  /** The cork ended: write what queued meanwhile. */
  void uncork() {
    Object next;
    synchronized (session.lock) {
      corkedBy = null;
      next = claimLocked();
    }
    pump(next);
  }

  @Override
  void flush() {
    Object next;
    synchronized (session.lock) {
      next = claimLocked();
    }
    pump(next);
  }

  /**
   * Locked: claims what to write next if nothing is being written (marks it in flight): an {@link OutboundMessage},
   * {@link #FINISH}, or {@code null} when there is nothing to do or a send is outstanding. The caller must pass the
   * answer to {@link #pump} once it has released the lock.
   */
  Object claimLocked() {
    if (pumping || inFlight || closed) {
      return null;
    }
    OutboundMessage next = control.isEmpty() ? null : control.poll();
    if (next == null && attached) {
      Object entry = session.pollLocked();
      if (entry == null) {
        return session.closingLocked() ? FINISH : null; // graceful close: everything is written
      }
      current = entry instanceof OutboundMessage ? PLAIN : entry;
      next = EngineSession.messageOf(entry);
    }
    more = !control.isEmpty() || (attached && session.hasQueuedLocked());
    if (next != null) {
      inFlight = true;
      pumping = true;
    }
    return next;
  }

  /**
   * Writes what {@link #claimLocked} claimed, then keeps writing while sends complete inline (Jetty completes most
   * sends before returning): one lock per frame for "done, and what next". Called without the lock.
   */
  void pump(Object next) {
    while (next != null) {
      if (next == FINISH) {
        closeNow();
        session.closeWith(DisconnectReason.FORCED_CLOSE, null, null);
        return;
      }
      send((OutboundMessage) next, more); // more: set by the claim, on this thread
      synchronized (session.lock) {
        pumping = false;
        next = inFlight ? null : claimLocked(); // in flight: completes later, the callback continues
      }
    }
  }

  private void send(OutboundMessage message, boolean moreFollows) {
    try {
      if (message.isBinary()) {
        channel.sendBinary(message.binaryFrame(protocol), moreFollows, callback);
      } else {
        channel.sendText(message.textForm(protocol), moreFollows, callback);
      }
    } catch (RuntimeException e) {
      callback.onFailure(e);
    }
  }

  private final class Callback implements WebSocketChannel.SendCallback {
    @Override
    public void onSuccess() {
      Object done;
      boolean inLoop;
      boolean drained;
      Object next = null;
      synchronized (session.lock) {
        done = current;
        current = null;
        inFlight = false;
        inLoop = pumping;
        drained = attached && !session.hasQueuedLocked();
        if (!inLoop) {
          next = claimLocked();
        }
      }
      if (done != null) {
        session.written(done, drained);
      }
      if (!inLoop) {
        pump(next);
      }
    }

    @Override
    public void onFailure(Throwable error) {
      synchronized (session.lock) {
        current = null;
        inFlight = false;
      }
      failed("write error", error);
    }
  }

  @Override
  boolean writableLocked() {
    return !inFlight && !closed && control.isEmpty();
  }

  @Override
  void closeNow() {
    close(NORMAL_CLOSURE, "");
  }

  private void close(int code, String reason) {
    synchronized (session.lock) {
      if (closed) {
        return;
      }
      closed = true;
      control.clear();
    }
    try {
      channel.close(code, reason);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing a WebSocket failed", e);
    }
  }

  // ---- incoming (never concurrent for one connection, per WebSocketHandler) ----

  @Override
  public void onText(String text) {
    if (text.length() > maxMessage) {
      tooLarge();
      return;
    }
    EnginePacket packet;
    try {
      packet = protocol == 3 ? V3PayloadDecoder.decodeText(text, 0, text.length()) : PacketDecoder.decodeText(text);
    } catch (PacketParseException e) {
      badFrame(e);
      return;
    }
    route(packet, false);
  }

  private void badFrame(PacketParseException e) {
    LOG.log(System.Logger.Level.DEBUG, () -> "Engine.IO session " + session.id() + ": bad frame, " + e.getMessage());
    if (attached) {
      session.closeWith(DisconnectReason.PARSE_ERROR, e.getMessage(), null);
    } else {
      session.cancelUpgrade(this, "parse error");
    }
  }

  @Override
  public void onBinary(ByteBuffer data) {
    if (data.remaining() > maxMessage) {
      tooLarge();
      return;
    }
    EnginePacket packet;
    try {
      packet = protocol == 3 ? V3PayloadDecoder.decodeFrame(data) : PacketDecoder.decodeBinary(data);
    } catch (PacketParseException e) {
      badFrame(e);
      return;
    }
    route(packet, true);
  }

  private void route(EnginePacket packet, boolean transientBuffer) {
    try {
      if (attached) {
        session.onPacket(packet, transientBuffer);
      } else {
        session.onProbePacket(this, packet);
      }
    } catch (Throwable t) {
      EventSerializer.rethrowIfFatal(t);
      LOG.log(System.Logger.Level.ERROR, "Engine.IO failed to handle a WebSocket frame", t);
    }
  }

  private void tooLarge() {
    close(MESSAGE_TOO_BIG, "Max payload size exceeded");
    failed("message too large", null);
  }

  @Override
  public void onClose(int code, String reason) {
    synchronized (session.lock) {
      closed = true;
    }
    if (attached) {
      session.closeWith(DisconnectReason.TRANSPORT_CLOSE, null, null);
    } else {
      session.cancelUpgrade(this, "websocket closed");
    }
  }

  @Override
  public void onError(Throwable error) {
    failed("websocket error", error);
  }

  private void failed(String description, Throwable error) {
    closeNow();
    if (attached) {
      session.closeWith(DisconnectReason.TRANSPORT_ERROR, description, error);
    } else {
      session.cancelUpgrade(this, description);
    }
  }
}
