package dev.sio4j.engine;

import dev.sio4j.engine.packet.EnginePacket;
import dev.sio4j.engine.packet.PacketParseException;
import dev.sio4j.engine.packet.PacketType;
import dev.sio4j.engine.packet.PayloadDecoder;
import dev.sio4j.engine.packet.PayloadEncoder;
import dev.sio4j.engine.packet.V3PayloadDecoder;
import dev.sio4j.engine.packet.V3PayloadEncoder;
import dev.sio4j.engine.transport.HttpResponse;
import dev.sio4j.engine.transport.PollingExchange;
import dev.sio4j.engine.transport.TransportType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * HTTP long-polling for one session (Node's {@code transports/polling.ts}): at most one pending GET, answered with
 * everything queued as one payload; at most one POST, whose payload is decoded and delivered. State is guarded by the
 * session lock; responses are written outside it.
 */
final class PollingTransport extends Transport {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.engine");
  private static final String NOOP = String.valueOf(PacketType.NOOP.wireChar());
  private static final String CLOSE = String.valueOf(PacketType.CLOSE.wireChar());
  /** Node's upgrade check interval; not final so that a test can make the hold outlast any scheduling delay. */
  static volatile java.time.Duration probePollHold = java.time.Duration.ofMillis(100);

  private final EngineSession session;
  private final ResponseHeaders headers;
  private final long maxBody;
  private final Timers timers;
  private final java.time.Duration requestTimeout;

  private PollingExchange pendingGet; // guarded by session.lock
  /** The data POST whose body is being read, or null; guarded by session.lock. */
  private PollingExchange pendingPost;
  /** Ends {@link #pendingPost} with 408 when its body is late; guarded by session.lock. */
  private java.util.concurrent.ScheduledFuture<?> postTimer;
  private boolean noopMode; // guarded by session.lock: upgrade probed, answer every poll at once
  /**
   * Guarded by session.lock: {@link #pendingGet} arrived after the probe and is held for {@link #probePollHold}, as
   * Node's upgrade check answers such a poll on its 100 ms interval. A client that sends the {@code 5} on its WebSocket
   * and then a GET on another connection races the two; held, the GET is answered 400 like any poll after the switch.
   */
  private boolean heldAfterProbe;
  private boolean discarded; // guarded by session.lock: closed, or replaced by a WebSocket
  /**
   * Guarded by session.lock: the client's POST closed the session while no GET was pending, so the GET it may have
   * sent alongside (a multi-threaded server sees the two in either order) is still owed the noop that would have ended it.
   */
  private boolean noopOwed;

  PollingTransport(EngineSession session, ResponseHeaders headers, EngineOptions options, Timers timers) {
    this.session = session;
    this.headers = headers;
    this.maxBody = options.maxHttpBufferSize();
    this.timers = timers;
    this.requestTimeout = options.requestTimeout();
  }

  @Override
  TransportType type() {
    return TransportType.POLLING;
  }

  void onRequest(PollingExchange exchange) {
    switch (exchange.request().method()) {
      case "GET" -> onPoll(exchange);
      case "POST" -> onData(exchange);
      default -> exchange.respond(headers.empty(exchange.request(), 500)); // as Node
    }
  }

  private void onPoll(PollingExchange exchange) {
    PollingExchange previous = null;
    boolean gone;
    boolean owed = false;
    boolean held = false;
    synchronized (session.lock) {
      gone = discarded;
      if (gone) {
        owed = noopOwed; // answered once: the poll after it finds the session gone
        noopOwed = false;
      } else {
        if (pendingGet != null) {
          previous = pendingGet;
        } else {
          pendingGet = exchange;
          heldAfterProbe = held = noopMode;
        }
      }
    }
    if (owed) {
      exchange.respond(headers.payload(exchange.request(), single(NOOP), null, false)); // as if it had been pending
      return;
    }
    if (gone) {
      rejectGone(exchange);
      return;
    }
    if (previous != null) {
      // the client broke the one-GET rule: the old poll gets the close packet (closeNow), the new one 400
      exchange.respond(headers.empty(exchange.request(), 400));
      session.closeWith(DisconnectReason.TRANSPORT_ERROR, "overlap from client", null);
      return;
    }
    exchange.onAbort(() -> onPollAborted(exchange));
    if (held) {
      timers.schedule(() -> releaseHeld(exchange), probePollHold);
    }
    flush();
  }

  private void releaseHeld(PollingExchange exchange) {
    synchronized (session.lock) {
      if (pendingGet != exchange) {
        return;
      }
      heldAfterProbe = false;
    }
    flush();
  }

  private void onPollAborted(PollingExchange exchange) {
    synchronized (session.lock) {
      if (pendingGet != exchange) {
        return;
      }
      pendingGet = null;
    }
    session.closeWith(DisconnectReason.TRANSPORT_ERROR, "poll connection closed prematurely", null);
  }

  private void onData(PollingExchange exchange) {
    boolean gone;
    boolean overlap = false;
    synchronized (session.lock) {
      gone = discarded;
      if (!gone) {
        overlap = pendingPost != null;
        if (!overlap) {
          pendingPost = exchange;
        }
      }
    }
    if (gone) {
      rejectGone(exchange);
      return;
    }
    if (overlap) {
      exchange.respond(headers.empty(exchange.request(), 400));
      session.closeWith(DisconnectReason.TRANSPORT_ERROR, "data request overlap from client", null);
      return;
    }
    String contentType = exchange.request().header("content-type");
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/octet-stream")) {
      postDone(exchange); // v4 polling carries binary as base64 text only
      exchange.respond(headers.empty(exchange.request(), 400));
      session.closeWith(DisconnectReason.TRANSPORT_ERROR, "invalid content", null);
      return;
    }
    // Scheduled before the read starts and cancelled by whichever outcome comes first: a body trickling in a byte at a
    // time must not hold its connection (and what it sent) for longer than Node's http server would.
    java.util.concurrent.ScheduledFuture<?> timer = timers.schedule(() -> onPostTimeout(exchange), requestTimeout);
    boolean pending;
    synchronized (session.lock) {
      pending = pendingPost == exchange;
      if (pending) {
        postTimer = timer;
      }
    }
    if (!pending) {
      if (timer != null) {
        timer.cancel(false); // already answered: the session closed meanwhile
      }
      return;
    }
    exchange.readBody(maxBody, new PollingExchange.BodyCallback() {
      @Override
      public void onBody(byte[] body) {
        if (postDone(exchange)) {
          deliver(exchange, body);
        }
      }

      @Override
      public void onTooLarge() {
        if (!postDone(exchange)) {
          return;
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "Engine.IO session " + session.id() + ": POST body over "
            + maxBody + " bytes (maxHttpBufferSize), closing");
        exchange.respond(headers.empty(exchange.request(), 413));
        session.closeWith(DisconnectReason.TRANSPORT_ERROR, "payload too large", null);
      }

      @Override
      public void onError(Throwable error) {
        if (!postDone(exchange)) {
          return;
        }
        exchange.respond(headers.empty(exchange.request(), 400));
        session.closeWith(DisconnectReason.TRANSPORT_ERROR, "data request connection closed prematurely", error);
      }
    });
  }

  /** The body of {@code exchange} did not arrive within {@link EngineOptions#requestTimeout()}: 408, as Node. */
  private void onPostTimeout(PollingExchange exchange) {
    if (!postDone(exchange)) {
      return;
    }
    LOG.log(System.Logger.Level.DEBUG, () -> "Engine.IO session " + session.id() + ": POST body not received within "
        + requestTimeout + " (requestTimeout), closing");
    session.closeWith(DisconnectReason.TRANSPORT_ERROR, "data request timed out", null); // before the client hears
    exchange.respond(closing(exchange, 408)); // ends the read: what arrived so far is dropped
  }

  /** An empty answer that also ends the connection, whose unread body the container must not wait for. */
  private HttpResponse closing(PollingExchange exchange, int status) {
    java.util.Map<String, String> h = headers.base(exchange.request());
    h.put("Connection", "close");
    return new HttpResponse(status, h, null);
  }

  /** v4: {@code 0x1e}-separated packets; v3: text or (posted as octet-stream) binary payload, as Node's parser-v3. */
  private List<EnginePacket> decode(PollingExchange exchange, byte[] body) throws PacketParseException {
    if (session.protocol() != 3) {
      return PayloadDecoder.decode(body);
    }
    String type = exchange.request().header("content-type");
    return type != null && type.startsWith(ResponseHeaders.OCTET_STREAM)
        ? V3PayloadDecoder.decodeBinary(body) : V3PayloadDecoder.decodeText(body);
  }

  private void deliver(PollingExchange exchange, byte[] body) {
    List<EnginePacket> packets;
    try {
      packets = decode(exchange, body);
    } catch (PacketParseException e) {
      LOG.log(System.Logger.Level.DEBUG, () -> "Engine.IO session " + session.id() + ": bad payload, " + e.getMessage());
      exchange.respond(headers.error(exchange.request(), new EngineError.Rejection(EngineError.BAD_REQUEST)));
      session.closeWith(DisconnectReason.PARSE_ERROR, e.getMessage(), null);
      return;
    }
    for (EnginePacket p : packets) {
      if (p.type() == PacketType.CLOSE) {
        answerAndDiscard(NOOP, true, false); // as Node: the client closed, so its pending poll just ends with a noop
        session.closeWith(DisconnectReason.TRANSPORT_CLOSE, null, null);
        break;
      }
      session.onPacket(p, false); // the bytes were decoded from base64: the buffer is ours
    }
    exchange.respond(headers.ok(exchange.request()));
  }

  /**
   * Ends the data POST {@code exchange} if it is still the pending one; returns whether it was, so exactly one of body,
   * error, timeout or session close answers it.
   */
  private boolean postDone(PollingExchange exchange) {
    java.util.concurrent.ScheduledFuture<?> timer;
    synchronized (session.lock) {
      if (pendingPost != exchange) {
        return false;
      }
      pendingPost = null;
      timer = postTimer;
      postTimer = null;
    }
    if (timer != null) {
      timer.cancel(false);
    }
    return true;
  }

  private void rejectGone(PollingExchange exchange) {
    EngineError error = session.isClosed() ? EngineError.UNKNOWN_SID : EngineError.BAD_REQUEST;
    exchange.respond(headers.error(exchange.request(), new EngineError.Rejection(error)));
  }

  /** From the probe on, every poll is answered at once (with {@code 6} if nothing is queued) so the client pauses. */
  void enterNoopMode() {
    synchronized (session.lock) {
      noopMode = !discarded;
    }
    flush();
  }

  void leaveNoopMode() {
    synchronized (session.lock) {
      noopMode = false;
    }
  }

  @Override
  void flush() {
    PollingExchange exchange;
    List<Object> batch;
    boolean close;
    synchronized (session.lock) {
      if (pendingGet == null || discarded) {
        return;
      }
      close = session.closingLocked();
      boolean queued = session.hasQueuedLocked();
      if (!queued && !close && (!noopMode || heldAfterProbe)) {
        return;
      }
      batch = queued ? session.drainLocked() : List.of();
      exchange = pendingGet;
      pendingGet = null;
      heldAfterProbe = false;
    }
    String trailer = close ? CLOSE : batch.isEmpty() ? NOOP : null;
    String newSid = exchange.request().sid() == null ? session.id() : null;
    if (session.protocol() == 3) {
      exchange.respond(v3Payload(exchange, batch, trailer, newSid));
    } else {
      exchange.respond(headers.payload(exchange.request(), encode(batch, trailer), newSid, anyCompressible(batch)));
    }
    session.written(batch);
    if (close) {
      session.closeWith(DisconnectReason.FORCED_CLOSE, null, null);
    }
  }

  /** As Node: the response may be compressed if any of its messages may. */
  private static boolean anyCompressible(List<Object> batch) {
    for (Object o : batch) {
      if (EngineSession.messageOf(o).compress()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A v3 poll answer: a binary payload when a message is binary and the client supports binary (no {@code b64}
   * query parameter, as Node's {@code supportsBinary}), else a text payload of {@code <length>:<packet>}.
   */
  private HttpResponse v3Payload(PollingExchange exchange, List<Object> batch, String trailer, String newSid) {
    boolean compress = anyCompressible(batch);
    boolean binary = false;
    for (Object o : batch) {
      binary |= EngineSession.messageOf(o).isBinary();
    }
    if (binary && exchange.request().queryParam("b64") == null) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (Object o : batch) {
        OutboundMessage m = EngineSession.messageOf(o);
        if (m.isBinary()) {
          V3PayloadEncoder.appendBinaryElement(true, m.binaryFrame(3).array(), out);
        } else {
          V3PayloadEncoder.appendBinaryElement(false, m.textForm().getBytes(StandardCharsets.UTF_8), out);
        }
      }
      if (trailer != null) {
        V3PayloadEncoder.appendBinaryElement(false, trailer.getBytes(StandardCharsets.UTF_8), out);
      }
      return headers.binaryPayload(exchange.request(), out.toByteArray(), newSid, compress);
    }
    StringBuilder sb = new StringBuilder();
    for (Object o : batch) {
      V3PayloadEncoder.appendFramed(EngineSession.messageOf(o).textForm(3), sb);
    }
    if (trailer != null) {
      V3PayloadEncoder.appendFramed(trailer, sb);
    }
    return headers.payload(exchange.request(), sb.toString(), newSid, compress);
  }

  /** The payload of one one-character control packet ({@code 6}; {@code 1:6} in v3). */
  private String single(String packet) {
    return session.protocol() == 3 ? "1:" + packet : packet;
  }

  private static String encode(List<Object> batch, String trailer) {
    if (batch.size() == 1 && trailer == null) {
      return EngineSession.messageOf(batch.get(0)).textForm(); // the common case: no copy
    }
    StringBuilder sb = new StringBuilder();
    for (Object o : batch) {
      if (sb.length() > 0) {
        sb.append(PayloadEncoder.SEPARATOR);
      }
      sb.append(EngineSession.messageOf(o).textForm());
    }
    if (trailer != null) {
      if (sb.length() > 0) {
        sb.append(PayloadEncoder.SEPARATOR);
      }
      sb.append(trailer);
    }
    return sb.toString();
  }

  /**
   * Whether the client's close left a noop owed to a GET the server has not seen yet ({@link EngineServer} keeps the
   * sid answerable for it a little while).
   */
  boolean owesNoop() {
    synchronized (session.lock) {
      return noopOwed;
    }
  }

  @Override
  boolean writableLocked() {
    return pendingGet != null && !discarded;
  }

  @Override
  void closeNow() {
    answerAndDiscard(CLOSE, false, false);
  }

  @Override
  void closeForUpgrade() {
    // A poll still pending after the switch just ends, as the client already moved on; one held after the probe was
    // racing the client's 5 and is answered as if it came after the switch (400).
    answerAndDiscard(NOOP, false, true);
  }

  /**
   * Ends the pending poll with {@code packet}; {@code oweIfNone}: else a GET still on its way gets it (the close);
   * {@code rejectHeld}: a poll held after the probe gets the 400 of a request for a transport no longer in use.
   */
  private void answerAndDiscard(String packet, boolean oweIfNone, boolean rejectHeld) {
    PollingExchange exchange;
    PollingExchange post;
    boolean held;
    synchronized (session.lock) {
      if (discarded) {
        return; // nothing pending any more, and a noop owed stays owed (the session's closeNow follows the client's)
      }
      discarded = true;
      noopMode = false;
      exchange = pendingGet;
      pendingGet = null;
      held = heldAfterProbe;
      heldAfterProbe = false;
      post = pendingPost;
      noopOwed = oweIfNone && exchange == null;
    }
    if (exchange != null && held && rejectHeld) {
      rejectGone(exchange);
    } else if (exchange != null) {
      exchange.respond(headers.payload(exchange.request(), single(packet), null, false));
    }
    if (post != null && postDone(post)) {
      // A body still arriving when the session ends is dropped with its connection (Node destroys the request), so
      // nothing of it outlives the session.
      post.respond(closing(post, 400));
    }
  }
}
