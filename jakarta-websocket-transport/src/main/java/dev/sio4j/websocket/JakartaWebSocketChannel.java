package dev.sio4j.websocket;

import dev.sio4j.engine.transport.CloseReasons;
import dev.sio4j.engine.transport.WebSocketChannel;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link WebSocketChannel} over a JSR-356 {@link Session}'s {@link RemoteEndpoint.Async}.
 *
 * <p>Thread safe. The engine keeps at most one send outstanding; should a caller break that rule, later sends wait
 * in a small bounded queue instead of reaching the container concurrently (Tomcat throws on a second async send
 * while one is in progress). Sends never block.
 *
 * <p>Frames sent with {@code moreFollows} are batched where the container allows it without blocking (see
 * {@link FrameBatching}: Jetty 12), so a run of frames queued for one connection (a burst of broadcasts) reaches the
 * network in few writes; elsewhere each frame is its own write.
 */
final class JakartaWebSocketChannel implements WebSocketChannel {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.websocket");
  /** Sends queued behind an outstanding one, only reachable by misuse of the one-send rule. */
  static final int MAX_QUEUED = 1024;

  /** Tomcat's per-session bound (ms) on blocking writes, which its {@code Session.close} uses for the close frame. */
  static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

  private final Session session;
  private final RemoteEndpoint.Async remote;
  /** The container's per-frame batching switch, or {@code null}. */
  private final FrameBatching batching;
  /** What {@link #batching} was last set to; read and written only by the outstanding send's thread. */
  private boolean batched;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Object lock = new Object();
  private final ArrayDeque<Send> queued = new ArrayDeque<>(0); // only used if the one-send rule is broken
  /** One handler for every send of this channel: {@link #current} says whose send it is. */
  private final SendHandler handler = this::finished;
  private boolean sending; // guarded by lock
  private SendCallback current; // guarded by lock: the outstanding send's callback

  JakartaWebSocketChannel(Session session) {
    this.session = session;
    this.remote = session.getAsyncRemote();
    this.batching = FrameBatching.of(remote);
  }

  @Override
  public void sendText(String text, SendCallback callback) {
    sendText(text, false, callback);
  }

  @Override
  public void sendBinary(ByteBuffer data, SendCallback callback) {
    sendBinary(data, false, callback);
  }

  @Override
  public void sendText(String text, boolean moreFollows, SendCallback callback) {
    if (claim(callback)) {
      start(text, null, moreFollows);
    } else {
      queue(new Send(text, null, callback));
    }
  }

  @Override
  public void sendBinary(ByteBuffer data, boolean moreFollows, SendCallback callback) {
    if (claim(callback)) {
      start(null, data.duplicate(), moreFollows);
    } else {
      queue(new Send(null, data.duplicate(), callback));
    }
  }

  @Override
  public void close(int code, String reason) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    synchronized (lock) {
      if (sending) {
        // The peer stopped reading (e.g. a slow consumer): the close frame would queue behind the stalled write,
        // and Tomcat would block this thread (often a broadcaster's) for its 20 s blocking-send timeout. With 0 it
        // gives up at once and drops the connection. Jetty does not read this property.
        session.getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, 0L);
      }
    }
    try {
      if (session.isOpen()) {
        session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), CloseReasons.truncate(reason)));
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "close of " + session.getId() + " failed: " + e);
    }
  }

  /** Makes {@code callback} the outstanding send if there is none (the engine's normal case: nothing allocated). */
  private boolean claim(SendCallback callback) {
    synchronized (lock) {
      if (sending) {
        return false;
      }
      sending = true;
      current = callback;
      return true;
    }
  }

  private void queue(Send send) {
    boolean start = false;
    synchronized (lock) {
      if (!sending) { // the outstanding send finished meanwhile
        sending = true;
        current = send.callback;
        start = true;
      } else if (queued.size() >= MAX_QUEUED) {
        send.callback.onFailure(new IllegalStateException("more than " + MAX_QUEUED + " sends outstanding"));
        return;
      } else {
        queued.add(send);
      }
    }
    if (start) {
      start(send.text, send.data, false);
    }
  }

  private void start(String text, ByteBuffer data, boolean moreFollows) {
    try {
      if (batching != null && batched != moreFollows) {
        batching.set(remote, moreFollows); // batched: held until the next unbatched frame, written with it
        batched = moreFollows;
      }
      if (text != null) {
        remote.sendText(text, handler);
      } else {
        remote.sendBinary(data, handler);
      }
    } catch (RuntimeException e) {
      // e.g. IllegalStateException: the session closed meanwhile
      finished(new SendResult(e));
    }
  }

  /**
   * The outstanding send completed: the next queued one (if any) becomes outstanding before the callback runs, so a
   * send made from the callback queues behind it and order is kept.
   */
  private void finished(SendResult result) {
    SendCallback callback;
    Send next;
    synchronized (lock) {
      callback = current;
      next = queued.poll();
      if (next == null) {
        sending = false;
        current = null;
      } else {
        current = next.callback;
      }
    }
    try {
      if (result.isOK()) {
        callback.onSuccess();
      } else {
        callback.onFailure(result.getException());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "send callback failed", e);
    }
    if (next != null) {
      start(next.text, next.data, false);
    }
  }

  private record Send(String text, ByteBuffer data, SendCallback callback) {}
}
