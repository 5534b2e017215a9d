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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Engine.IO v4 rules (docs/engine.io-protocol/v4-current.md), one test per rule, over java.net.http against the
 * echo server at {@code /engine.io/} on each embedded container. Heartbeats are relaxed except in the heartbeat tests,
 * so a slow machine cannot turn a pause into a ping timeout.
 */
class EngineIoConformanceIT {

  private static final String PATH = "/engine.io/";

  private static EioHttp http(Container c) {
    return new EioHttp(Servers.baseUrl(c, ConformanceApp.Timing.RELAXED), PATH);
  }

  private static String ws(Container c, ConformanceApp.Timing timing, String query) {
    return WsClient.wsUrl(Servers.baseUrl(c, timing), PATH + "?" + query);
  }

  private static void assertError(HttpResponse<String> r, int status, int code, String message) {
    assertEquals(status, r.statusCode(), r.body());
    JsonObject json = EioHttp.json(r.body());
    assertEquals(code, json.getInt("code"), r.body());
    assertEquals(message, json.getString("message"), r.body());
  }

  // --- handshake

  @ParameterizedTest
  @EnumSource(Container.class)
  void pollingHandshakeAnswersOpenPacketWithSessionParameters(Container c) throws Exception {
    HttpResponse<String> r = http(c).get("EIO=4&transport=polling");
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

  @ParameterizedTest
  @EnumSource(Container.class)
  void webSocketHandshakeAnswersOpenPacketWithoutUpgrades(Container c) throws Exception {
    try (WsClient ws = WsClient.connect(ws(c, ConformanceApp.Timing.RELAXED, "EIO=4&transport=websocket"))) {
      String open = ws.nextText();
      assertEquals('0', open.charAt(0), open);
      JsonObject json = EioHttp.json(open.substring(1));
      assertTrue(json.getJsonArray("upgrades").isEmpty(), open);
      assertEquals(1_000_000, json.getInt("maxPayload"));
    }
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void remoteAddressIsCapturedOnBothTransports(Container c) throws Exception {
    ConformanceApp app = Servers.app(c, ConformanceApp.Timing.RELAXED);
    http(c).openSession();
    assertEquals("127.0.0.1", app.lastRemoteAddress());
    try (WsClient ws = WsClient.connect(ws(c, ConformanceApp.Timing.RELAXED, "EIO=4&transport=websocket"))) {
      ws.nextText();
      assertEquals("127.0.0.1", app.lastRemoteAddress());
    }
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void missingOrUnsupportedEioIs400(Container c) throws Exception {
    assertError(http(c).get("transport=polling"), 400, 5, "Unsupported protocol version");
    assertError(http(c).get("EIO=abc&transport=polling"), 400, 5, "Unsupported protocol version");
    assertError(http(c).get("EIO=3&transport=polling"), 400, 5, "Unsupported protocol version");
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void missingOrUnknownTransportIs400(Container c) throws Exception {
    assertError(http(c).get("EIO=4"), 400, 0, "Transport unknown");
    assertError(http(c).get("EIO=4&transport=abc"), 400, 0, "Transport unknown");
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void handshakeWithOtherMethodThanGetIs400(Container c) throws Exception {
    EioHttp h = http(c);
    assertError(h.post("EIO=4&transport=polling", ""), 400, 2, "Bad handshake method");
    assertError(h.send(h.request("EIO=4&transport=polling").PUT(HttpRequest.BodyPublishers.noBody())), 400, 2,
        "Bad handshake method");
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void unknownSidIs400(Container c) throws Exception {
    assertError(http(c).get(EioHttp.sidQuery("no-such-sid")), 400, 1, "Session ID unknown");
    assertError(http(c).post(EioHttp.sidQuery("no-such-sid"), "4x"), 400, 1, "Session ID unknown");
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void webSocketWithBadEioOrTransportIsRefused(Container c) throws Exception {
    for (String query : List.of("transport=websocket", "EIO=abc&transport=websocket", "EIO=4&transport=abc")) {
      try (WsClient ws = WsClient.connect(ws(c, ConformanceApp.Timing.RELAXED, query))) {
        Integer code = ws.closed.handle((v, e) -> e == null ? v : -1).get(30, TimeUnit.SECONDS);
        assertNotNull(code);
        assertTrue(ws.messages.isEmpty(), "no open packet expected for " + query + ": " + ws.messages);
      }
    }
  }

  // --- CORS

  @ParameterizedTest
  @EnumSource(Container.class)
  void corsPreflightIsAnswered(Container c) throws Exception {
    EioHttp h = http(c);
    HttpResponse<String> r = h.send(h.request("EIO=4&transport=polling")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://example.com")
        .header("Access-Control-Request-Method", "POST"));
    assertEquals(204, r.statusCode(), r.body());
    assertEquals("*", r.headers().firstValue("access-control-allow-origin").orElse(null), r.headers().toString());
    String methods = r.headers().firstValue("access-control-allow-methods").orElse("");
    assertTrue(methods.contains("GET") && methods.contains("POST"), methods);
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void corsHeadersOnHandshake(Container c) throws Exception {
    EioHttp h = http(c);
    HttpResponse<String> r = h.send(h.request("EIO=4&transport=polling").header("Origin", "https://example.com"));
    assertEquals(200, r.statusCode());
    assertEquals("*", r.headers().firstValue("access-control-allow-origin").orElse(null), r.headers().toString());
  }

  // --- messages over polling

  @ParameterizedTest
  @EnumSource(Container.class)
  void postedTextComesBackOnNextPoll(Container c) throws Exception {
    EioHttp h = http(c);
    String sid = h.openSession();
    h.push(sid, "4hello €");
    assertEquals("4hello €", h.poll(sid));
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void payloadWithSeveralPacketsIsSplitOnRecordSeparator(Container c) throws Exception {
    EioHttp h = http(c);
    String sid = h.openSession();
    h.push(sid, "4a\u001e4b\u001e4c");
    StringBuilder got = new StringBuilder(h.poll(sid));
    while (got.toString().split("\u001e").length < 3) {
      got.append('\u001e').append(h.poll(sid));
    }
    assertEquals("4a\u001e4b\u001e4c", got.toString());
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void binaryOverPollingIsBase64WithPrefixB(Container c) throws Exception {
    EioHttp h = http(c);
    String sid = h.openSession();
    h.push(sid, "bAQIDBA==");
    assertEquals("bAQIDBA==", h.poll(sid));
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void duplicatePollIs400AndClosesSession(Container c) throws Exception {
    EioHttp h = http(c);
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

  @ParameterizedTest
  @EnumSource(Container.class)
  void postLargerThanMaxHttpBufferSizeIs413(Container c) throws Exception {
    EioHttp h = http(c);
    String sid = h.openSession();
    HttpResponse<String> r = h.post(EioHttp.sidQuery(sid), "4" + "x".repeat(1_000_000));
    assertEquals(413, r.statusCode());
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void closePacketEndsPendingPollWithNoop(Container c) throws Exception {
    EioHttp h = http(c);
    String sid = h.openSession();
    CompletableFuture<HttpResponse<String>> poll = h.sendAsync(h.request(EioHttp.sidQuery(sid)).GET());
    h.push(sid, "1");
    HttpResponse<String> r = poll.get(30, TimeUnit.SECONDS);
    if (r.statusCode() == 200) {
      assertEquals("6", r.body()); // the poll was pending when the close arrived: it just ends
    } else {
      assertEquals(400, r.statusCode()); // the POST overtook the GET: the session was already gone
    }
    assertEquals(400, h.get(EioHttp.sidQuery(sid)).statusCode());
  }

  // --- messages over WebSocket

  @ParameterizedTest
  @EnumSource(Container.class)
  void textAndBinaryOverWebSocket(Container c) throws Exception {
    try (WsClient ws = WsClient.connect(ws(c, ConformanceApp.Timing.RELAXED, "EIO=4&transport=websocket"))) {
      assertEquals('0', ws.nextText().charAt(0));
      ws.send("4hello €");
      ws.expectText("4hello €");
      ws.send(new byte[] {1, 2, 3, (byte) 255});
      assertArrayEquals(new byte[] {1, 2, 3, (byte) 255}, (byte[]) ws.next());
    }
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void largeMessagesUpToTheLimitPassOverWebSocket(Container c) throws Exception {
    try (WsClient ws = WsClient.connect(ws(c, ConformanceApp.Timing.RELAXED, "EIO=4&transport=websocket"))) {
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

  @ParameterizedTest
  @EnumSource(Container.class)
  void webSocketMessageOverTheLimitClosesWith1009(Container c) throws Exception {
    try (WsClient ws = WsClient.connect(ws(c, ConformanceApp.Timing.RELAXED, "EIO=4&transport=websocket"))) {
      ws.nextText();
      ws.send("4" + "z".repeat(1_000_000));
      assertEquals(1009, ws.awaitClose());
    }
  }

  // --- upgrade

  @ParameterizedTest
  @EnumSource(Container.class)
  void upgradeAnswersProbeAndEndsPendingPollWithNoop(Container c) throws Exception {
    EioHttp h = http(c);
    String sid = h.openSession();
    CompletableFuture<HttpResponse<String>> poll = h.sendAsync(h.request(EioHttp.sidQuery(sid)).GET());
    try (WsClient ws = WsClient.connect(ws(c, ConformanceApp.Timing.RELAXED,
        "EIO=4&transport=websocket&sid=" + sid))) {
      ws.send("2probe");
      ws.expectText("3probe");
      HttpResponse<String> r = poll.get(30, TimeUnit.SECONDS);
      assertEquals(200, r.statusCode());
      assertEquals("6", r.body());
      ws.send("5");
      ws.send("4hello");
      ws.expectText("4hello");
    }
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void upgradeLosesNothingBufferedDuringIt(Container c) throws Exception {
    EioHttp h = http(c);
    String sid = h.openSession();
    try (WsClient ws = WsClient.connect(ws(c, ConformanceApp.Timing.RELAXED,
        "EIO=4&transport=websocket&sid=" + sid))) {
      ws.send("2probe");
      ws.expectText("3probe");
      h.push(sid, "4during-upgrade"); // echoed while the upgrade is pending: buffered, not polled
      ws.send("5");
      ws.expectText("4during-upgrade");
      ws.send("4after");
      ws.expectText("4after");
    }
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void pollAfterUpgradeIs400(Container c) throws Exception {
    EioHttp h = http(c);
    String sid = h.openSession();
    try (WsClient ws = WsClient.connect(ws(c, ConformanceApp.Timing.RELAXED,
        "EIO=4&transport=websocket&sid=" + sid))) {
      ws.send("2probe");
      ws.expectText("3probe");
      ws.send("5");
      ws.send("4ping-after-upgrade");
      ws.expectText("4ping-after-upgrade"); // the upgrade is complete once messages flow over ws
      assertEquals(400, h.get(EioHttp.sidQuery(sid)).statusCode());
    }
  }

  // --- heartbeat (suite timing: 300 ms / 200 ms)

  @ParameterizedTest
  @EnumSource(Container.class)
  void pollingSessionWithoutPongIsClosed(Container c) throws Exception {
    EioHttp h = new EioHttp(Servers.baseUrl(c, ConformanceApp.Timing.SUITE), PATH);
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

  @ParameterizedTest
  @EnumSource(Container.class)
  void webSocketSessionAnsweringPingsStaysOpenAndWithoutPongIsClosed(Container c) throws Exception {
    try (WsClient ws = WsClient.connect(ws(c, ConformanceApp.Timing.SUITE, "EIO=4&transport=websocket"))) {
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
