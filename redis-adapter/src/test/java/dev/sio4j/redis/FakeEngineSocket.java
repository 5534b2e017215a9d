package dev.sio4j.redis;

import dev.sio4j.engine.DisconnectReason;
import dev.sio4j.engine.EngineRequest;
import dev.sio4j.engine.EngineSocket;
import dev.sio4j.engine.EngineSocketListener;
import dev.sio4j.engine.transport.TransportType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A recording {@link EngineSocket} standing for one client connection. Thread safe. */
final class FakeEngineSocket implements EngineSocket {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final String id = "engine-" + COUNTER.incrementAndGet();
  private final List<EngineSocketListener> listeners = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Object> sent = new LinkedBlockingQueue<>();
  private volatile ReadyState state = ReadyState.OPEN;

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
    return new EngineRequest("GET", "/socket.io/?EIO=4&transport=polling&node=test", Map.of("EIO", List.of("4"),
        "node", List.of("test")), Map.of("user-agent", List.of("fake")), "127.0.0.1", false, Map.of());
  }

  @Override
  public int protocol() {
    return 4;
  }

  @Override
  public void send(String text) {
    record(text);
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
    record(data);
  }

  @Override
  public void send(String text, Runnable onFlushed) {
    record(text);
    onFlushed.run();
  }

  @Override
  public void sendAll(Object... messages) {
    messages = unwrap(messages);
    for (Object m : messages) {
      record(m);
    }
  }

  @Override
  public boolean sendVolatile(Object message) {
    message = unwrap(new Object[] {message})[0];
    record(message);
    return true;
  }

  private void record(Object m) {
    if (state == ReadyState.OPEN) {
      sent.add(m);
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (state == ReadyState.CLOSED) {
        return;
      }
      state = ReadyState.CLOSED;
    }
    listeners.forEach(l -> l.onClose(DisconnectReason.FORCED_CLOSE, null));
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
  void receive(String text) {
    listeners.forEach(l -> l.onMessage(text));
  }

  /** The next text sent to the client, or {@code null} after {@code seconds}. */
  String poll(long seconds) {
    try {
      while (true) {
        Object o = sent.poll(seconds, TimeUnit.SECONDS);
        if (o == null || o instanceof String) {
          return (String) o;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Waits (10 s) for a text starting with {@code prefix}, skipping others. */
  String await(String prefix) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < end) {
      String s = poll(1);
      if (s != null && s.startsWith(prefix)) {
        return s;
      }
    }
    throw new AssertionError("no message starting with " + prefix);
  }

  /** Everything sent so far and not yet read (texts only). */
  List<String> drain() {
    List<Object> all = new java.util.ArrayList<>();
    sent.drainTo(all);
    return all.stream().filter(String.class::isInstance).map(String.class::cast).toList();
  }

  boolean isClosed() {
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
