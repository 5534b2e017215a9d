package dev.sio4j.socket;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sio4j.engine.DisconnectReason;
import dev.sio4j.engine.EngineRequest;
import dev.sio4j.engine.EngineSocket;
import dev.sio4j.engine.EngineSocketListener;
import dev.sio4j.engine.transport.TransportType;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A recording {@link EngineSocket}: keeps what the Socket.IO layer sends (in order, with the batch boundaries of
 * {@code sendAll}) and lets a test inject client messages and engine events. Public (with its test side) for the
 * tests of other packages that drive a Socket.IO server without an engine ({@code dev.sio4j.annotation.binding}).
 * Thread safe.
 */
public final class FakeEngineSocket implements EngineSocket {

  /** One recorded send: its messages and how it was sent. */
  public record Sent(List<Object> messages, String how) {
    public Object first() {
      return messages.get(0);
    }
  }

  private static int counter;

  private final String id = "engine-sid-" + (++counter);
  private final List<EngineSocketListener> listeners = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();
  final CompletableFuture<Void> closed = new CompletableFuture<>();
  private volatile ReadyState state = ReadyState.OPEN;
  volatile boolean acceptVolatile = true;
  /** When set, {@code send(text, onFlushed)} keeps the callback until {@link #flush()}. */
  volatile boolean deferFlush;
  private final java.util.Queue<Runnable> pendingFlush = new java.util.concurrent.ConcurrentLinkedQueue<>();

  @Override
  public String id() {
    return id;
  }

  @Override
  public ReadyState readyState() {
    return state;
  }

  @Override
  public TransportType transport() {
    return TransportType.values()[0];
  }

  @Override
  public EngineRequest request() {
    return new EngineRequest("GET", "/socket.io/?EIO=4&transport=polling", Map.of("EIO", List.of("4")),
        Map.of("Origin", List.of("http://example.com")), "127.0.0.1", false, Map.of());
  }

  @Override
  public int protocol() {
    return 4;
  }

  @Override
  public void send(String text) {
    record(List.of(text), "send");
  }

  @Override
  public void send(dev.sio4j.engine.OutboundMessage message) {
    Object content = message.content();
    if (content instanceof String text) {
      send(text);
    } else {
      send((byte[]) content);
    }
  }

  @Override
  public void send(byte[] data) {
    record(List.of(data), "send");
  }

  @Override
  public void send(String text, Runnable onFlushed) {
    record(List.of(text), "send");
    if (deferFlush) {
      pendingFlush.add(onFlushed);
    } else {
      onFlushed.run();
    }
  }

  /** Runs the {@code onFlushed} callbacks held back while {@link #deferFlush} is set (the transport wrote). */
  void flush() {
    Runnable r;
    while ((r = pendingFlush.poll()) != null) {
      r.run();
    }
  }

  @Override
  public void sendAll(Object... messages) {
    messages = unwrap(messages);
    record(List.of(messages), "sendAll");
  }

  @Override
  public boolean sendVolatile(Object message) {
    message = unwrap(new Object[] {message})[0];
    if (acceptVolatile) {
      record(List.of(message), "sendVolatile");
    }
    return acceptVolatile;
  }

  private void record(List<Object> messages, String how) {
    if (state == ReadyState.OPEN) {
      sent.add(new Sent(messages, how));
    }
  }

  @Override
  public void close() {
    closeWith(DisconnectReason.FORCED_CLOSE);
  }

  /** Closes as the engine would, telling the listeners once. */
  public void closeWith(DisconnectReason reason) {
    synchronized (this) {
      if (state == ReadyState.CLOSED) {
        return;
      }
      state = ReadyState.CLOSED;
    }
    listeners.forEach(l -> l.onClose(reason, null));
    closed.complete(null);
  }

  @Override
  public void addListener(EngineSocketListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(EngineSocketListener listener) {
    listeners.remove(listener);
  }

  // ---- test side ----

  /** The client sends a text message. */
  public void receive(String text) {
    listeners.forEach(l -> l.onMessage(text));
  }

  /** The client sends a binary message. */
  public void receive(byte[] data) {
    listeners.forEach(l -> l.onBinary(ByteBuffer.wrap(data)));
  }

  /** The next recorded send, waiting up to 10 s. */
  public Sent next() {
    try {
      Sent s = sent.poll(10, TimeUnit.SECONDS);
      assertNotNull(s, "expected a message from the server");
      return s;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** The text of the next recorded single-message send. */
  public String nextText() {
    return (String) next().first();
  }

  /** Asserts nothing more was sent (so far). */
  public void assertExhausted() {
    assertNull(sent.poll(), "unexpected message from the server");
  }

  public boolean isClosed() {
    return state == ReadyState.CLOSED;
  }

  /** Records what a prepared engine message carries (its String or byte[]), as the assertions expect. */
  private static Object[] unwrap(Object[] messages) {
    Object[] out = messages.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof dev.sio4j.engine.OutboundMessage m) {
        out[i] = m.content();
      }
    }
    return out;
  }
}
