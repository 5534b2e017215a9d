package dev.sio4j.annotation.binding;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A recording {@link EngineSocket} (the minimum of the socket tests' FakeEngineSocket): keeps what the Socket.IO
 * layer sends and lets a test play the client. Thread safe.
 */
public final class RecordingEngineSocket implements EngineSocket {

  private final List<EngineSocketListener> listeners = new CopyOnWriteArrayList<>();
  private final BlockingQueue<List<Object>> sent = new LinkedBlockingQueue<>();
  private volatile ReadyState state = ReadyState.OPEN;

  @Override
  public String id() {
    return "engine-sid";
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
        Map.of(), "127.0.0.1", false, Map.of());
  }

  @Override
  public int protocol() {
    return 4;
  }

  @Override
  public void send(String text) {
    record(List.of(text));
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
    record(List.of(data));
  }

  @Override
  public void send(String text, Runnable onFlushed) {
    record(List.of(text));
    onFlushed.run();
  }

  @Override
  public void sendAll(Object... messages) {
    messages = unwrap(messages);
    record(List.of(messages));
  }

  @Override
  public boolean sendVolatile(Object message) {
    message = unwrap(new Object[] {message})[0];
    record(List.of(message));
    return true;
  }

  private void record(List<Object> messages) {
    if (state == ReadyState.OPEN) {
      sent.add(messages);
    }
  }

  @Override
  public void close() {
    closeWith(DisconnectReason.FORCED_CLOSE);
  }

  /** Closes as the engine would (e.g. the client went away), telling the listeners once. */
  public void closeWith(DisconnectReason reason) {
    synchronized (this) {
      if (state == ReadyState.CLOSED) {
        return;
      }
      state = ReadyState.CLOSED;
    }
    listeners.forEach(l -> l.onClose(reason, null));
  }

  @Override
  public void addListener(EngineSocketListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(EngineSocketListener listener) {
    listeners.remove(listener);
  }

  /** The client sends a text message. */
  public void receive(String text) {
    listeners.forEach(l -> l.onMessage(text));
  }

  /** The client sends a binary message. */
  public void receive(byte[] data) {
    listeners.forEach(l -> l.onBinary(ByteBuffer.wrap(data)));
  }

  /** The next send (a batch for binary packets), waiting up to 10 s. */
  public List<Object> next() {
    try {
      List<Object> s = sent.poll(10, TimeUnit.SECONDS);
      assertNotNull(s, "expected a message from the server");
      return s;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** The text of the next single-message send. */
  public String nextText() {
    return (String) next().get(0);
  }

  /** Asserts nothing more was sent so far. */
  public void assertExhausted() {
    assertNull(sent.poll(), "unexpected message from the server");
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
