package dev.sio4j.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Engine.IO v4 rules (docs/engine.io-protocol/v4-current.md), one test per rule, over java.net.http against the
 * {@link ConformanceApp} echo server at {@code <base>/engine.io/}. Subclasses say where it runs: embedded containers
 * ({@link EngineIoConformanceIT}) or the conformance WAR in real containers ({@code dev.sio4j.it.containers}).
 * Heartbeats are relaxed except in the heartbeat tests, so a slow machine cannot turn a pause into a ping timeout.
 */
public abstract class EngineIoConformanceTests {

  private static final String PATH = "/engine.io/";
  /** Rounds of the poll/close race: the old code failed about one in four (Jetty) or two (Tomcat). */
  private static final int CLOSE_RACE_ROUNDS = 40;

  /**
   * Where the conformance app with these heartbeats runs: the URL its {@code /engine.io/} and {@code /socket.io/} paths
   * are relative to, without a trailing slash (e.g. {@code http://127.0.0.1:1234} or
   * {@code http://127.0.0.1:1234/conformance/relaxed}).
   */
  protected abstract String baseUrl(ConformanceApp.Timing timing);

  private EioHttp http() {
    return new EioHttp(baseUrl(ConformanceApp.Timing.RELAXED), PATH);
  }

  private String ws(ConformanceApp.Timing timing, String query) {
    return WsClient.wsUrl(baseUrl(timing), PATH + "?" + query);
  }

  /** Opens the WebSocket of an upgrade of session {@code sid} and sends the probe, expecting its answer. */
  private WsClient probe(String sid) throws InterruptedException {
    WsClient ws = WsClient.connect(ws(ConformanceApp.Timing.RELAXED, "EIO=4&transport=websocket&sid=" + sid));
    try {
      ws.send("2probe");
      ws.expectText("3probe");
      return ws;
    } catch (InterruptedException | RuntimeException | Error e) {
      ws.close();
      throw e;
    }
  }

  private static void assertError(HttpResponse<String> r, int status, int code, String message) {
    assertEquals(status, r.statusCode(), r.body());
    JsonObject json = EioHttp.json(r.body());
    assertEquals(code, json.getInt("code"), r.body());
    assertEquals(message, json.getString("message"), r.body());
  }

  // --- handshake

  @Test
  void pollingHandshakeAnswersOpenPacketWithSessionParameters() throws Exception {
    HttpResponse<String> r = http().get("EIO=4&transport=polling");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/plain"), r.headers().toString());
    JsonObject open = EioHttp.json(r.body().substring(1));
    assertEquals('0', r.body().charAt(0));
    assertEquals(Set.of("sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload"), open.keySet());
    assertFalse(open.getString("sid").isEmpty());
    assertEquals(List.of("websocket"), open.getJsonArray("upgrades").getValuesAs(jakarta.json.JsonString::getString));
    assertEquals(20_000, open.getInt("pingInterval"));
    assertEquals(20_000, open.getInt("pingTimeout"));
    assertEquals(1_000_000, open.getInt("maxPayload"));
  }

  @Test
  void webSocketHandshakeAnswersOpenPacketWithoutUpgrades() throws Exception {
    try (WsClient ws = WsClient.connect(ws(ConformanceApp.Timing.RELAXED, "EIO=4&transport=websocket"))) {
      String open = ws.nextText();
      assertEquals('0', open.charAt(0), open);
      JsonObject json = EioHttp.json(open.substring(1));
      assertTrue(json.getJsonArray("upgrades").isEmpty(), open);
      assertEquals(1_000_000, json.getInt("maxPayload"));
    }
  }

  @Test
  void missingOrUnsupportedEioIs400() throws Exception {
    assertError(http().get("transport=polling"), 400, 5, "Unsupported protocol version");
    assertError(http().get("EIO=abc&transport=polling"), 400, 5, "Unsupported protocol version");
    assertError(http().get("EIO=3&transport=polling"), 400, 5, "Unsupported protocol version");
  }

  @Test
  void missingOrUnknownTransportIs400() throws Exception {
    assertError(http().get("EIO=4"), 400, 0, "Transport unknown");
    assertError(http().get("EIO=4&transport=abc"), 400, 0, "Transport unknown");
  }

  @Test
  void handshakeWithOtherMethodThanGetIs400() throws Exception {
    EioHttp h = http();
    assertError(h.post("EIO=4&transport=polling", ""), 400, 2, "Bad handshake method");
    assertError(h.send(h.request("EIO=4&transport=polling").PUT(HttpRequest.BodyPublishers.noBody())), 400, 2,
        "Bad handshake method");
  }

  @Test
  void unknownSidIs400() throws Exception {
    assertError(http().get(EioHttp.sidQuery("no-such-sid")), 400, 1, "Session ID unknown");
    assertError(http().post(EioHttp.sidQuery("no-such-sid"), "4x"), 400, 1, "Session ID unknown");
  }

  @Test
  void webSocketWithBadEioOrTransportIsRefused() throws Exception {
    for (String query : List.of("transport=websocket", "EIO=abc&transport=websocket", "EIO=4&transport=abc")) {
      try (WsClient ws = WsClient.connect(ws(ConformanceApp.Timing.RELAXED, query))) {
        Integer code = ws.closed.handle((v, e) -> e == null ? v : -1).get(30, TimeUnit.SECONDS);
        assertNotNull(code);
        assertTrue(ws.messages.isEmpty(), "no open packet expected for " + query + ": " + ws.messages);
      }
    }
  }

  // --- CORS

  @Test
  void corsPreflightIsAnswered() throws Exception {
    EioHttp h = http();
    HttpResponse<String> r = h.send(h.request("EIO=4&transport=polling")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://example.com")
        .header("Access-Control-Request-Method", "POST"));
    assertEquals(204, r.statusCode(), r.body());
    assertEquals("*", r.headers().firstValue("access-control-allow-origin").orElse(null), r.headers().toString());
    String methods = r.headers().firstValue("access-control-allow-methods").orElse("");
    assertTrue(methods.contains("GET") && methods.contains("POST"), methods);
  }

  @Test
  void corsHeadersOnHandshake() throws Exception {
    EioHttp h = http();
    HttpResponse<String> r = h.send(h.request("EIO=4&transport=polling").header("Origin", "https://example.com"));
    assertEquals(200, r.statusCode());
    assertEquals("*", r.headers().firstValue("access-control-allow-origin").orElse(null), r.headers().toString());
  }

  // --- messages over polling

  @Test
  void postedTextComesBackOnNextPoll() throws Exception {
    EioHttp h = http();
    String sid = h.openSession();
    h.push(sid, "4hello €");
    assertEquals("4hello €", h.poll(sid));
  }

  @Test
  void payloadWithSeveralPacketsIsSplitOnRecordSeparator() throws Exception {
    EioHttp h = http();
    String sid = h.openSession();
    h.push(sid, "4a\u001e4b\u001e4c");
    StringBuilder got = new StringBuilder(h.poll(sid));
    while (got.toString().split("\u001e").length < 3) {
      got.append('\u001e').append(h.poll(sid));
    }
    assertEquals("4a\u001e4b\u001e4c", got.toString());
  }

  @Test
  void binaryOverPollingIsBase64WithPrefixB() throws Exception {
    EioHttp h = http();
    String sid = h.openSession();
    h.push(sid, "bAQIDBA==");
    assertEquals("bAQIDBA==", h.poll(sid));
  }

  @Test
  void duplicatePollIs400AndClosesSession() throws Exception {
    EioHttp h = http();
    String sid = h.openSession();
    CompletableFuture<HttpResponse<String>> first = h.sendAsync(h.request(EioHttp.sidQuery(sid)).GET());
    CompletableFuture<HttpResponse<String>> second = h.sendAsync(h.request(EioHttp.sidQuery(sid) + "&t=burst").GET());
    HttpResponse<String> a = first.get(30, TimeUnit.SECONDS);
    HttpResponse<String> b = second.get(30, TimeUnit.SECONDS);
    HttpResponse<String> ok = a.statusCode() == 200 ? a : b;
    HttpResponse<String> refused = ok == a ? b : a;
    assertEquals(200, ok.statusCode());
    assertEquals("1", ok.body()); // the pending poll ends with a close packet
    assertTrue(refused.statusCode() == 400 || refused.statusCode() == 500, refused.statusCode() + refused.body());
    assertEquals(400, h.get(EioHttp.sidQuery(sid)).statusCode());
  }

  @Test
  void postLargerThanMaxHttpBufferSizeIs413() throws Exception {
    EioHttp h = http();
    String sid = h.openSession();
    assertEquals(413, h.postHeadOnly(EioHttp.sidQuery(sid), 1_000_001)); // refused before any byte of the body
    assertEquals(400, h.get(EioHttp.sidQuery(sid)).statusCode()); // and the session is closed
  }

  @Test
  void closePacketEndsPendingPollWithNoop() throws Exception {
    EioHttp h = http();
    String sid = h.openSession();
    CompletableFuture<HttpResponse<String>> poll = h.sendAsync(h.request(EioHttp.sidQuery(sid)).GET());
    h.push(sid, "1");
    HttpResponse<String> r = poll.get(30, TimeUnit.SECONDS);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("6", r.body());
    assertEquals(400, h.get(EioHttp.sidQuery(sid)).statusCode());
  }

  /**
   * A poll and a close sent at the same time: whichever the server reads first (two connections, several threads), the
   * poll ends with a noop, as on a server that reads them in the order sent, and the session is then gone. Repeated, in
   * both sending orders, because one try rarely hits the order that used to answer the poll 400.
   */
  @Test
  void pollAndCloseSentTogetherEndThePollWithNoopWhateverArrivesFirst() throws Exception {
    EioHttp h = http();
    for (int i = 0; i < CLOSE_RACE_ROUNDS; i++) {
      String sid = h.openSession();
      HttpRequest.Builder get = h.request(EioHttp.sidQuery(sid)).GET();
      HttpRequest.Builder close = h.request(EioHttp.sidQuery(sid)).POST(HttpRequest.BodyPublishers.ofString("1"));
      CompletableFuture<HttpResponse<String>> poll;
      CompletableFuture<HttpResponse<String>> post;
      if (i % 2 == 0) {
        poll = h.sendAsync(get);
        post = h.sendAsync(close);
      } else {
        post = h.sendAsync(close);
        poll = h.sendAsync(get);
      }
      HttpResponse<String> p = poll.get(30, TimeUnit.SECONDS);
      assertEquals(200, p.statusCode(), "round " + i + ": " + p.body());
      assertEquals("6", p.body(), "round " + i);
      assertEquals("ok", post.get(30, TimeUnit.SECONDS).body(), "round " + i);
      assertEquals(400, h.get(EioHttp.sidQuery(sid)).statusCode(), "round " + i);
    }
  }

  // --- messages over WebSocket

  @Test
  void textAndBinaryOverWebSocket() throws Exception {
    try (WsClient ws = WsClient.connect(ws(ConformanceApp.Timing.RELAXED, "EIO=4&transport=websocket"))) {
      assertEquals('0', ws.nextText().charAt(0));
      ws.send("4hello €");
      ws.expectText("4hello €");
      ws.send(new byte[] {1, 2, 3, (byte) 255});
      assertArrayEquals(new byte[] {1, 2, 3, (byte) 255}, (byte[]) ws.next());
    }
  }

  @Test
  void largeMessagesUpToTheLimitPassOverWebSocket() throws Exception {
    try (WsClient ws = WsClient.connect(ws(ConformanceApp.Timing.RELAXED, "EIO=4&transport=websocket"))) {
      ws.nextText();
      String big = "4" + "y".repeat(999_999);
      ws.send(big);
      assertEquals(big, ws.nextText());
      byte[] bin = new byte[1_000_000];
      bin[999_999] = 7;
      ws.send(bin);
      assertArrayEquals(bin, (byte[]) ws.next());
    }
  }

  @Test
  void webSocketMessageOverTheLimitClosesWith1009() throws Exception {
    try (WsClient ws = WsClient.connect(ws(ConformanceApp.Timing.RELAXED, "EIO=4&transport=websocket"))) {
      ws.nextText();
      ws.send("4" + "z".repeat(1_000_000));
      assertEquals(1009, ws.awaitClose());
    }
  }

  // --- upgrade

  @Test
  void upgradeAnswersProbeAndEndsPendingPollWithNoop() throws Exception {
    EioHttp h = http();
    String sid = h.openSession();
    CompletableFuture<HttpResponse<String>> poll = h.sendAsync(h.request(EioHttp.sidQuery(sid)).GET());
    try (WsClient ws = probe(sid)) {
      HttpResponse<String> r = poll.get(30, TimeUnit.SECONDS);
      assertEquals(200, r.statusCode());
      assertEquals("6", r.body());
      ws.send("5");
      ws.send("4hello");
      ws.expectText("4hello");
    }
  }

  @Test
  void upgradeLosesNothingBufferedDuringIt() throws Exception {
    EioHttp h = http();
    String sid = h.openSession();
    try (WsClient ws = probe(sid)) {
      h.push(sid, "4during-upgrade"); // echoed while the upgrade is pending: buffered, not polled
      ws.send("5");
      ws.expectText("4during-upgrade");
      ws.send("4after");
      ws.expectText("4after");
    }
  }

  @Test
  void pollAfterUpgradeIs400() throws Exception {
    EioHttp h = http();
    String sid = h.openSession();
    try (WsClient ws = probe(sid)) {
      ws.send("5");
      ws.send("4ping-after-upgrade");
      ws.expectText("4ping-after-upgrade"); // the upgrade is complete once messages flow over ws
      assertEquals(400, h.get(EioHttp.sidQuery(sid)).statusCode());
    }
  }

  // --- heartbeat (suite timing: 300 ms / 200 ms)

  @Test
  void pollingSessionWithoutPongIsClosed() throws Exception {
    EioHttp h = new EioHttp(baseUrl(ConformanceApp.Timing.SUITE), PATH);
    String sid = h.openSession();
    assertEquals("2", h.poll(sid)); // the ping
    HttpResponse<String> r;
    int polls = 0;
    do {
      r = h.get(EioHttp.sidQuery(sid)); // no pong: the session ends ("1" on a pending poll, then 400)
      polls++;
    } while (r.statusCode() == 200 && polls < 10);
    assertEquals(400, r.statusCode(), r.body());
  }

  @Test
  void webSocketSessionAnsweringPingsStaysOpenAndWithoutPongIsClosed() throws Exception {
    try (WsClient ws = WsClient.connect(ws(ConformanceApp.Timing.SUITE, "EIO=4&transport=websocket"))) {
      assertEquals('0', ws.nextText().charAt(0));
      for (int i = 0; i < 3; i++) {
        ws.expectText("2");
        ws.send("3");
      }
      ws.expectText("2");
      ws.awaitClose(); // no pong this time
    }
  }
}
