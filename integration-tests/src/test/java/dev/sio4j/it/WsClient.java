package dev.sio4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A java.net.http WebSocket that records what arrives: whole text messages as {@link String}, binary ones as
 * {@code byte[]}, and the close code. Sends are serialised (java.net.http allows one outstanding send).
 */
final class WsClient implements WebSocket.Listener, AutoCloseable {

  final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
  /** Completes with the close code, or exceptionally on error (including a refused handshake). */
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder text = new StringBuilder();
  private java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
  private WebSocket ws;
  private CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);

  /** Connects to {@code ws://...}; a refused handshake completes {@link #closed} exceptionally. */
  static WsClient connect(String url) {
    WsClient c = new WsClient();
    try {
      c.ws = EioHttp.CLIENT.newWebSocketBuilder().connectTimeout(EioHttp.TIMEOUT).buildAsync(URI.create(url), c)
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      c.closed.completeExceptionally(e);
    }
    return c;
  }

  static String wsUrl(String baseUrl, String pathAndQuery) {
    return baseUrl.replace("http://", "ws://") + pathAndQuery;
  }

  boolean isConnected() {
    return ws != null;
  }

  Object next() throws InterruptedException {
    Object m = messages.poll(EioHttp.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertNotNull(m, "no message within " + EioHttp.TIMEOUT);
    return m;
  }

  String nextText() throws InterruptedException {
    Object m = next();
    if (m instanceof String s) {
      return s;
    }
    throw new AssertionError("expected a text message, got binary " + java.util.Arrays.toString((byte[]) m));
  }

  void expectText(String expected) throws InterruptedException {
    assertEquals(expected, nextText());
  }

  synchronized void send(String message) {
    lastSend = lastSend.thenCompose(w -> ws.sendText(message, true));
    lastSend.join();
  }

  synchronized void send(byte[] message) {
    lastSend = lastSend.thenCompose(w -> ws.sendBinary(ByteBuffer.wrap(message), true));
    lastSend.join();
  }

  /** Waits for the close; returns its code, or -1 when the connection ended without a close frame. */
  int awaitClose() throws Exception {
    return closed.handle((code, e) -> e == null ? code : -1).get(EioHttp.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      messages.add(text.toString());
      text.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] b = new byte[data.remaining()];
    data.get(b);
    binary.writeBytes(b);
    if (last) {
      messages.add(binary.toByteArray());
      binary = new java.io.ByteArrayOutputStream();
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  @Override
  public void close() {
    if (ws != null && !ws.isOutputClosed()) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
    }
    if (ws != null) {
      ws.abort();
    }
  }
}
