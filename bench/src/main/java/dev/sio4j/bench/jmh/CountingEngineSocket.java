package dev.sio4j.bench.jmh;

import dev.sio4j.engine.EngineRequest;
import dev.sio4j.engine.EngineSocket;
import dev.sio4j.engine.EngineSocketListener;
import dev.sio4j.engine.transport.TransportType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bench double of an Engine.IO session: always open, counts the messages and characters the Socket.IO layer sends
 * it, and lets the benchmark inject client messages. No I/O, no queue: what a broadcast costs above the engine.
 *
 * <p>Counters are plain fields: one benchmark thread writes them (JMH {@code Scope.Benchmark} with one thread).
 */
final class CountingEngineSocket implements EngineSocket {

  private static final EngineRequest REQUEST = new EngineRequest("GET", "/socket.io/?EIO=4&transport=websocket",
      Map.of("EIO", List.of("4"), "transport", List.of("websocket")), Map.of(), "127.0.0.1", false, Map.of());

  private final String id;
  private final List<EngineSocketListener> listeners = new CopyOnWriteArrayList<>();
  long messages;
  long chars;
  String last;

  CountingEngineSocket(String id) {
    this.id = id;
  }

  /** Delivers a client message (an Engine.IO {@code message} payload, e.g. {@code "0"} for a Socket.IO CONNECT). */
  void receive(String text) {
    for (EngineSocketListener l : listeners) {
      l.onMessage(text);
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public ReadyState readyState() {
    return ReadyState.OPEN;
  }

  @Override
  public TransportType transport() {
    return TransportType.WEBSOCKET;
  }

  @Override
  public EngineRequest request() {
    return REQUEST;
  }

  @Override
  public int protocol() {
    return 4;
  }

  @Override
  public void send(String text) {
    messages++;
    chars += text.length();
    last = text;
  }

  @Override
  public void send(byte[] data) {
    messages++;
    chars += data.length;
  }

  @Override
  public void send(String text, Runnable onFlushed) {
    send(text);
    onFlushed.run();
  }

  @Override
  public void sendAll(Object... messages) {
    for (Object m : messages) {
      if (m instanceof String s) {
        send(s);
      } else {
        this.messages++;
      }
    }
  }

  @Override
  public boolean sendVolatile(Object message) {
    sendAll(message);
    return true;
  }

  @Override
  public void close() {}

  @Override
  public void addListener(EngineSocketListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(EngineSocketListener listener) {
    listeners.remove(listener);
  }
}
