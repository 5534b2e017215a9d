package dev.sio4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sio4j.engine.transport.HttpResponse;
import dev.sio4j.engine.transport.PollingExchange;
import dev.sio4j.engine.transport.WebSocketChannel;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/** Shared test helpers: recording doubles of the transport SPI, request builders and a recording listener. */
final class EngineFixture {

  static final long WAIT_SECONDS = 10;

  private EngineFixture() {}

  /** Options with heartbeats far away, so tests that are not about them never see a ping. */
  static EngineOptions.Builder quietOptions() {
    return EngineOptions.builder().pingInterval(Duration.ofMinutes(5)).pingTimeout(Duration.ofMinutes(5));
  }

  static EngineRequest request(String method, String query, Map<String, String> headers) {
    Map<String, List<String>> q = new LinkedHashMap<>();
    if (!query.isEmpty()) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        q.computeIfAbsent(eq < 0 ? pair : pair.substring(0, eq), k -> new ArrayList<>())
            .add(eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    Map<String, List<String>> h = new LinkedHashMap<>();
    headers.forEach((k, v) -> h.put(k, List.of(v)));
    return new EngineRequest(method, "/engine.io/?" + query, q, h, "127.0.0.1", false, Map.of());
  }

  static EngineRequest request(String method, String query) {
    return request(method, query, Map.of());
  }

  static RecordingPollingExchange get(String query) {
    return new RecordingPollingExchange(request("GET", query), null);
  }

  static RecordingPollingExchange post(String query, String body) {
    return new RecordingPollingExchange(request("POST", query), body.getBytes(StandardCharsets.UTF_8));
  }

  static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  /** Handshakes over polling and returns the sid. */
  static String pollingHandshake(EngineServer server) {
    RecordingPollingExchange ex = get("EIO=4&transport=polling");
    server.handlePolling(ex);
    String body = ex.bodyText();
    assertEquals('0', body.charAt(0), body);
    return json(body.substring(1)).getString("sid");
  }

  /** Sends one GET (a poll) of session {@code sid}; the exchange may still be pending. */
  static RecordingPollingExchange poll(EngineServer server, String sid) {
    RecordingPollingExchange ex = get("EIO=4&transport=polling&sid=" + sid);
    server.handlePolling(ex);
    return ex;
  }

  /** Sends one POST with this payload and asserts {@code ok}. */
  static void postOk(EngineServer server, String sid, String payload) {
    RecordingPollingExchange ex = post("EIO=4&transport=polling&sid=" + sid, payload);
    server.handlePolling(ex);
    assertEquals(200, ex.response().status());
    assertEquals("ok", ex.bodyText());
  }

  /** One HTTP request/response, answered on any thread; records the response and offers abort. */
  static final class RecordingPollingExchange implements PollingExchange {
    private final EngineRequest request;
    private final byte[] body;
    private final CompletableFuture<HttpResponse> response = new CompletableFuture<>();
    private final AtomicInteger responds = new AtomicInteger();
    private volatile Runnable onAbort;
    private volatile BodyCallback heldBody; // set when the body is held back (overlap tests)
    private final boolean holdBody;

    RecordingPollingExchange(EngineRequest request, byte[] body) {
      this(request, body, false);
    }

    RecordingPollingExchange(EngineRequest request, byte[] body, boolean holdBody) {
      this.request = request;
      this.body = body;
      this.holdBody = holdBody;
    }

    @Override
    public EngineRequest request() {
      return request;
    }

    @Override
    public void readBody(long maxBytes, BodyCallback callback) {
      if (holdBody) {
        heldBody = callback;
      } else if (body.length > maxBytes) {
        callback.onTooLarge();
      } else {
        callback.onBody(body);
      }
    }

    void releaseBody() {
      heldBody.onBody(body);
    }

    @Override
    public void respond(HttpResponse r) {
      if (responds.incrementAndGet() > 1) {
        fail("respond called twice on " + request.path());
      }
      response.complete(r);
    }

    @Override
    public void onAbort(Runnable callback) {
      this.onAbort = callback;
    }

    /** The client went away. */
    void abort() {
      assertNotNull(onAbort, "no abort callback registered");
      onAbort.run();
    }

    boolean answered() {
      return response.isDone();
    }

    HttpResponse response() {
      try {
        return response.get(WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError("no response to " + request.method() + " " + request.path(), e);
      }
    }

    /** The body as text, gunzipped if it was compressed. */
    String bodyText() {
      HttpResponse r = response();
      byte[] bytes = r.body();
      if ("gzip".equals(r.headers().get("Content-Encoding"))) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
          bytes = in.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /**
   * A WebSocket: records every frame (String or byte[]) and the close. In auto mode each send completes at once; in
   * manual mode sends stay outstanding until {@link #completeOne()}. Fails the test if the engine ever has two sends
   * outstanding.
   */
  static class RecordingWebSocketChannel implements WebSocketChannel {
    final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    final AtomicBoolean violation = new AtomicBoolean();
    private final boolean auto;
    private final BlockingQueue<SendCallback> outstanding = new LinkedBlockingQueue<>();

    RecordingWebSocketChannel(boolean auto) {
      this.auto = auto;
    }

    RecordingWebSocketChannel() {
      this(true);
    }

    @Override
    public void sendText(String text, SendCallback callback) {
      record(text, callback);
    }

    @Override
    public void sendBinary(ByteBuffer data, SendCallback callback) {
      byte[] copy = new byte[data.remaining()];
      data.duplicate().get(copy);
      record(copy, callback);
    }

    private void record(Object frame, SendCallback callback) {
      if (!outstanding.isEmpty()) {
        violation.set(true);
      }
      frames.add(frame);
      if (auto) {
        callback.onSuccess();
      } else {
        outstanding.add(callback);
      }
    }

    void completeOne() {
      SendCallback cb = outstanding.poll();
      assertNotNull(cb, "no outstanding send");
      cb.onSuccess();
    }

    @Override
    public void close(int code, String reason) {
      closeCode.complete(code);
    }

    Object nextFrame() {
      try {
        Object f = frames.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(f, "no frame arrived");
        assertFalse(violation.get(), "two sends were outstanding at once");
        return f;
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }

    String nextText() {
      Object f = nextFrame();
      if (!(f instanceof String s)) {
        throw new AssertionError("expected a text frame, got " + f);
      }
      return s;
    }

    int awaitClose() {
      try {
        return closeCode.get(WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError("the WebSocket was not closed", e);
      }
    }
  }

  /** Records listener events as strings ({@code message:hi}, {@code binary:1,2}, {@code close:ping timeout}, …). */
  static final class RecordingListener implements EngineSocketListener {
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final CountDownLatch closed = new CountDownLatch(1);
    final AtomicInteger closes = new AtomicInteger();
    final AtomicBoolean overlapped = new AtomicBoolean();
    private final AtomicInteger inside = new AtomicInteger();

    private void record(String event) {
      if (inside.incrementAndGet() > 1) {
        overlapped.set(true);
      }
      events.add(event);
      inside.decrementAndGet();
    }

    @Override
    public void onMessage(String text) {
      record("message:" + text);
    }

    @Override
    public void onBinary(ByteBuffer data) {
      StringBuilder sb = new StringBuilder("binary:");
      while (data.hasRemaining()) {
        sb.append(data.get()).append(data.hasRemaining() ? "," : "");
      }
      record(sb.toString());
    }

    @Override
    public void onClose(DisconnectReason reason, String description) {
      closes.incrementAndGet();
      record("close:" + reason.text());
      closed.countDown();
    }

    @Override
    public void onUpgrade() {
      record("upgrade");
    }

    String next() {
      try {
        String e = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(e, "no listener event arrived");
        assertFalse(overlapped.get(), "listener callbacks overlapped");
        return e;
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }

    DisconnectReason awaitClose() {
      try {
        if (!closed.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
          throw new AssertionError("session did not close");
        }
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      String last = null;
      for (String e : events) {
        if (e.startsWith("close:")) {
          last = e.substring("close:".length());
        }
      }
      for (DisconnectReason r : DisconnectReason.values()) {
        if (r.text().equals(last)) {
          return r;
        }
      }
      throw new AssertionError("no close event recorded");
    }
  }

  /** Captures the sessions the server opens, each with a recording listener added in the connection callback. */
  static final class Connections {
    final BlockingQueue<EngineSocket> sockets = new LinkedBlockingQueue<>();
    final Map<String, RecordingListener> listeners = new java.util.concurrent.ConcurrentHashMap<>();

    Connections(EngineServer server) {
      server.onConnection(socket -> {
        RecordingListener l = new RecordingListener();
        socket.addListener(l);
        listeners.put(socket.id(), l);
        sockets.add(socket);
      });
    }

    EngineSocket next() {
      try {
        EngineSocket s = sockets.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(s, "no connection");
        return s;
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }

    RecordingListener listener(EngineSocket socket) {
      return listeners.get(socket.id());
    }
  }
}
