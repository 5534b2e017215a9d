package dev.sio4j.engine;

import static dev.sio4j.engine.EngineFixture.get;
import static dev.sio4j.engine.EngineFixture.post;
import static dev.sio4j.engine.EngineFixture.quietOptions;
import static dev.sio4j.engine.EngineFixture.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.engine.EngineFixture.Connections;
import dev.sio4j.engine.EngineFixture.RecordingPollingExchange;
import dev.sio4j.engine.EngineFixture.RecordingWebSocketChannel;
import dev.sio4j.engine.transport.HttpResponse;
import dev.sio4j.engine.transport.TransportType;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandshakeTest {

  private EngineServer server;

  @AfterEach
  void closeServer() {
    if (server != null) {
      server.close();
    }
  }

  private EngineServer start(EngineOptions options) {
    server = new EngineServer(options);
    return server;
  }

  @Test
  void pollingHandshakeAnswersTheOpenPacketWithNodesKeysInOrder() {
    start(EngineOptions.defaults());
    Connections connections = new Connections(server);
    RecordingPollingExchange ex = get("EIO=4&transport=polling");
    server.handlePolling(ex);
    HttpResponse r = ex.response();
    assertEquals(200, r.status());
    assertEquals("text/plain; charset=UTF-8", r.headers().get("Content-Type"));
    assertEquals("no-store", r.headers().get("Cache-Control"));
    String body = ex.bodyText();
    assertTrue(body.matches("0\\{\"sid\":\"[A-Za-z0-9_-]{20}\",\"upgrades\":\\[\"websocket\"\\],"
        + "\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}"), body);
    EngineSocket socket = connections.next();
    assertEquals(EngineFixture.json(body.substring(1)).getString("sid"), socket.id());
    assertEquals(TransportType.POLLING, socket.transport());
    assertEquals(EngineSocket.ReadyState.OPEN, socket.readyState());
    assertEquals(4, socket.protocol());
    assertEquals(1, server.clientsCount());
  }

  @Test
  void sessionIdsAreDistinct() {
    start(quietOptions().build());
    assertFalse(EngineFixture.pollingHandshake(server).equals(EngineFixture.pollingHandshake(server)));
    assertEquals(2, server.clientsCount());
  }

  @Test
  void upgradesAreEmptyWhenUpgradesAreOffOrWebSocketIsDisabled() {
    start(quietOptions().allowUpgrades(false).build());
    RecordingPollingExchange ex = get("EIO=4&transport=polling");
    server.handlePolling(ex);
    assertTrue(ex.bodyText().contains("\"upgrades\":[]"), ex.bodyText());
    server.close();

    start(quietOptions().transports(EnumSet.of(TransportType.POLLING)).build());
    ex = get("EIO=4&transport=polling");
    server.handlePolling(ex);
    assertTrue(ex.bodyText().contains("\"upgrades\":[]"), ex.bodyText());
  }

  @Test
  void webSocketHandshakeSendsTheOpenPacketAsFirstFrameWithoutUpgrades() {
    start(EngineOptions.defaults());
    Connections connections = new Connections(server);
    assertNull(server.checkWebSocketHandshake(request("GET", "EIO=4&transport=websocket")));
    RecordingWebSocketChannel ch = new RecordingWebSocketChannel();
    server.handleWebSocket(request("GET", "EIO=4&transport=websocket"), ch);
    String open = ch.nextText();
    assertTrue(open.matches("0\\{\"sid\":\"[A-Za-z0-9_-]{20}\",\"upgrades\":\\[\\],"
        + "\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}"), open);
    assertEquals(TransportType.WEBSOCKET, connections.next().transport());
  }

  private void assertError(RecordingPollingExchange ex, int status, int code, String message) {
    server.handlePolling(ex);
    HttpResponse r = ex.response();
    assertEquals(status, r.status());
    assertEquals("application/json", r.headers().get("Content-Type"));
    assertEquals("{\"code\":" + code + ",\"message\":\"" + message + "\"}", ex.bodyText());
  }

  @Test
  void refusesBadRequestsWithNodesErrorCodes() {
    start(quietOptions().build());
    assertError(get("EIO=4&transport=carrier-pigeon"), 400, 0, "Transport unknown");
    assertError(get("EIO=4"), 400, 0, "Transport unknown");
    assertError(get("EIO=4&transport=polling&sid=nope"), 400, 1, "Session ID unknown");
    assertError(post("EIO=4&transport=polling", "4hi"), 400, 2, "Bad handshake method");
    assertError(get("EIO=4&transport=websocket"), 400, 3, "Bad request");
    assertError(get("EIO=3&transport=polling"), 400, 5, "Unsupported protocol version");
    assertError(get("transport=polling"), 400, 5, "Unsupported protocol version");
    assertEquals(0, server.clientsCount());
  }

  @Test
  void allowRequestCanForbidAHandshake() {
    start(quietOptions().allowRequest(req -> "yes".equals(req.header("X-Allow"))).build());
    assertError(get("EIO=4&transport=polling"), 403, 4, "Forbidden");
    RecordingPollingExchange ok =
        new RecordingPollingExchange(request("GET", "EIO=4&transport=polling", Map.of("X-Allow", "yes")), null);
    server.handlePolling(ok);
    assertEquals(200, ok.response().status());
  }

  @Test
  void setsTheCookieOnTheHandshakeOnly() {
    start(quietOptions().cookie(CookieOptions.defaults()).build());
    Connections connections = new Connections(server);
    RecordingPollingExchange ex = get("EIO=4&transport=polling");
    server.handlePolling(ex);
    String sid = EngineFixture.json(ex.bodyText().substring(1)).getString("sid");
    assertEquals("io=" + sid + "; Path=/; HttpOnly; SameSite=Lax", ex.response().headers().get("Set-Cookie"));
    connections.next().send("x");
    RecordingPollingExchange poll = EngineFixture.poll(server, sid);
    assertEquals("4x", poll.bodyText());
    assertNull(poll.response().headers().get("Set-Cookie"));
  }

  @Test
  void theCookieOfAHandshakeOverTlsIsSecure() {
    start(quietOptions().cookie(CookieOptions.defaults()).build());
    dev.sio4j.engine.EngineRequest plain = request("GET", "EIO=4&transport=polling");
    dev.sio4j.engine.EngineRequest tls = new dev.sio4j.engine.EngineRequest(plain.method(), plain.url(), plain.query(),
        plain.headers(), plain.remoteAddress(), true, plain.attributes());
    RecordingPollingExchange ex = new RecordingPollingExchange(tls, null);
    server.handlePolling(ex);
    String sid = EngineFixture.json(ex.bodyText().substring(1)).getString("sid");
    assertEquals("io=" + sid + "; Path=/; HttpOnly; Secure; SameSite=Lax", ex.response().headers().get("Set-Cookie"));
  }

  @Test
  void maxSessionsRefusesFurtherHandshakes() {
    start(quietOptions().maxSessions(1).build());
    EngineFixture.pollingHandshake(server);
    RecordingPollingExchange ex = get("EIO=4&transport=polling");
    server.handlePolling(ex);
    assertEquals(503, ex.response().status());
    assertEquals(1, server.clientsCount());
  }

  @Test
  void answersACorsPreflight() {
    start(quietOptions().cors(CorsOptions.allowOrigins("https://a.example")).build());
    RecordingPollingExchange ex = new RecordingPollingExchange(request("OPTIONS", "EIO=4&transport=polling",
        Map.of("Origin", "https://a.example", "Access-Control-Request-Headers", "content-type")), null);
    server.handlePolling(ex);
    HttpResponse r = ex.response();
    assertEquals(204, r.status());
    assertEquals("https://a.example", r.headers().get("Access-Control-Allow-Origin"));
    assertEquals("true", r.headers().get("Access-Control-Allow-Credentials"));
    assertEquals("content-type", r.headers().get("Access-Control-Allow-Headers"));
    assertTrue(r.headers().get("Access-Control-Allow-Methods").contains("POST"));
    assertTrue(r.headers().get("Vary").contains("Origin"));
  }

  @Test
  void putsCorsHeadersOnPollingResponsesForAllowedOriginsOnly() {
    start(quietOptions().cors(CorsOptions.allowOrigins("https://a.example")).build());
    RecordingPollingExchange ok = new RecordingPollingExchange(
        request("GET", "EIO=4&transport=polling", Map.of("Origin", "https://a.example")), null);
    server.handlePolling(ok);
    assertEquals("https://a.example", ok.response().headers().get("Access-Control-Allow-Origin"));
    assertEquals("Origin", ok.response().headers().get("Vary"));
    RecordingPollingExchange other = new RecordingPollingExchange(
        request("GET", "EIO=4&transport=polling", Map.of("Origin", "https://evil.example")), null);
    server.handlePolling(other);
    assertNull(other.response().headers().get("Access-Control-Allow-Origin"));
  }

  @Test
  void allowAllCorsSendsAStar() {
    start(quietOptions().cors(CorsOptions.allowAll()).build());
    RecordingPollingExchange ex = new RecordingPollingExchange(
        request("GET", "EIO=4&transport=polling", Map.of("Origin", "https://x.example")), null);
    server.handlePolling(ex);
    assertEquals("*", ex.response().headers().get("Access-Control-Allow-Origin"));
  }

  @Test
  void starWithCredentialsAnswersAStarAsNodesCorsNeverTheOrigin() {
    start(quietOptions().cors(new CorsOptions(java.util.List.of("*"), true, java.util.List.of(), null)).build());
    for (String origin : new String[] {"https://evil.example", "null"}) {
      RecordingPollingExchange get = new RecordingPollingExchange(
          request("GET", "EIO=4&transport=polling", Map.of("Origin", origin)), null);
      server.handlePolling(get);
      assertEquals("*", get.response().headers().get("Access-Control-Allow-Origin"), origin);
      RecordingPollingExchange preflight = new RecordingPollingExchange(request("OPTIONS", "EIO=4&transport=polling",
          Map.of("Origin", origin, "Access-Control-Request-Method", "POST")), null);
      server.handlePolling(preflight);
      assertEquals("*", preflight.response().headers().get("Access-Control-Allow-Origin"), origin);
    }
  }

  @Test
  void theNullOriginIsAllowedOnlyWhenListed() {
    start(quietOptions().cors(CorsOptions.allowOrigins("https://a.example")).build());
    RecordingPollingExchange refused = new RecordingPollingExchange(
        request("GET", "EIO=4&transport=polling", Map.of("Origin", "null")), null);
    server.handlePolling(refused);
    assertNull(refused.response().headers().get("Access-Control-Allow-Origin"));
    assertWsError(request("GET", "EIO=4&transport=websocket", Map.of("Origin", "null")), 403, 4);
    server.close();
    start(quietOptions().cors(CorsOptions.allowOrigins("https://a.example", "null")).build());
    RecordingPollingExchange listed = new RecordingPollingExchange(
        request("GET", "EIO=4&transport=polling", Map.of("Origin", "null")), null);
    server.handlePolling(listed);
    assertEquals("null", listed.response().headers().get("Access-Control-Allow-Origin"));
  }

  @Test
  void originsMatchingAPatternAreEchoedAndOthersRefusedAsWithNodesRegExpOrigin() {
    start(quietOptions().cors(CorsOptions.allowOriginsMatching(Pattern.compile("https://[a-z]+\\.example"))).build());
    RecordingPollingExchange ok = new RecordingPollingExchange(
        request("GET", "EIO=4&transport=polling", Map.of("Origin", "https://app.example")), null);
    server.handlePolling(ok);
    assertEquals("https://app.example", ok.response().headers().get("Access-Control-Allow-Origin"));
    assertEquals("true", ok.response().headers().get("Access-Control-Allow-Credentials"));
    for (String refused : new String[] {"https://app.example.evil", "http://app.example", "null"}) {
      RecordingPollingExchange no = new RecordingPollingExchange(
          request("GET", "EIO=4&transport=polling", Map.of("Origin", refused)), null);
      server.handlePolling(no);
      assertNull(no.response().headers().get("Access-Control-Allow-Origin"), refused);
      assertWsError(request("GET", "EIO=4&transport=websocket", Map.of("Origin", refused)), 403, 4);
    }
  }

  @Test
  void anOriginPredicateThatThrowsAllowsNothing() {
    start(quietOptions().cors(CorsOptions.allowOriginsMatching(origin -> {
      throw new IllegalStateException("the application's check is broken");
    })).build());
    assertWsError(request("GET", "EIO=4&transport=websocket", Map.of("Origin", "https://a.example")), 403, 4);
  }

  @Test
  void checksWebSocketHandshakes() {
    start(quietOptions().cors(CorsOptions.allowOrigins("https://a.example"))
        .allowRequest(req -> req.header("X-Deny") == null).build());
    assertWsError(request("GET", "EIO=3&transport=websocket"), 400, 5);
    assertWsError(request("GET", "EIO=4&transport=smoke"), 400, 0);
    assertWsError(request("GET", "EIO=4&transport=websocket&sid=unknown"), 400, 1);
    assertWsError(request("GET", "EIO=4&transport=websocket", Map.of("Origin", "https://evil.example")), 403, 4);
    assertWsError(request("GET", "EIO=4&transport=websocket", Map.of("X-Deny", "1")), 403, 4);
    assertNull(server.checkWebSocketHandshake(
        request("GET", "EIO=4&transport=websocket", Map.of("Origin", "https://a.example"))));
    assertNull(server.checkWebSocketHandshake(request("GET", "EIO=4&transport=websocket")));
  }

  @Test
  void refusesAWebSocketForAnUpgradedOrUpgradingSessionOnceOpenAsNodeDoes() {
    start(quietOptions().build());
    String sid = EngineFixture.pollingHandshake(server);
    RecordingWebSocketChannel first = new RecordingWebSocketChannel();
    server.handleWebSocket(request("GET", "EIO=4&transport=websocket&sid=" + sid), first);
    // Node's verify lets the handshake complete (101) and its onWebSocket closes the socket; the official suite's
    // "ignores WebSocket connection with same sid after upgrade" waits for that close, not for an HTTP error
    assertNull(server.checkWebSocketHandshake(request("GET", "EIO=4&transport=websocket&sid=" + sid)));
    RecordingWebSocketChannel second = new RecordingWebSocketChannel();
    server.handleWebSocket(request("GET", "EIO=4&transport=websocket&sid=" + sid), second);
    second.awaitClose();
    assertTrue(second.frames.isEmpty());
  }

  private void assertWsError(dev.sio4j.engine.EngineRequest req, int status, int code) {
    HttpResponse r = server.checkWebSocketHandshake(req);
    assertEquals(status, r.status(), req.url());
    assertEquals("application/json", r.headers().get("Content-Type"));
    String body = new String(r.body(), StandardCharsets.UTF_8);
    assertEquals(code, EngineFixture.json(body).getInt("code"), body);
  }

  @Test
  void serverCloseClosesEverySessionAndRefusesNewOnes() {
    start(quietOptions().build());
    Connections connections = new Connections(server);
    EngineFixture.pollingHandshake(server);
    EngineSocket polling = connections.next();
    RecordingWebSocketChannel ch = new RecordingWebSocketChannel();
    server.handleWebSocket(request("GET", "EIO=4&transport=websocket"), ch);
    EngineSocket ws = connections.next();
    RecordingPollingExchange pending = get("EIO=4&transport=polling&sid=" + polling.id());
    server.handlePolling(pending);
    assertFalse(pending.answered());

    server.close();
    assertEquals("1", pending.bodyText());
    assertEquals(1000, ch.awaitClose());
    assertSame(DisconnectReason.SERVER_SHUTTING_DOWN, connections.listener(polling).awaitClose());
    assertSame(DisconnectReason.SERVER_SHUTTING_DOWN, connections.listener(ws).awaitClose());
    assertEquals(0, server.clientsCount());
    RecordingPollingExchange late = get("EIO=4&transport=polling");
    server.handlePolling(late);
    assertEquals(503, late.response().status());
    server.close(); // idempotent
  }

  @Test
  void theConnectionCallbackRunsBeforeTheFirstMessage() throws Exception {
    start(quietOptions().build());
    java.util.List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.CountDownLatch inCallback = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    server.onConnection(socket -> {
      socket.addListener(new EngineSocketListener() {
        @Override
        public void onMessage(String text) {
          log.add("message:" + text);
        }
      });
      inCallback.countDown();
      try {
        release.await(EngineFixture.WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      log.add("connection");
    });
    RecordingWebSocketChannel ch = new RecordingWebSocketChannel();
    Thread handshake = new Thread(() -> {
      dev.sio4j.engine.transport.WebSocketHandler h =
          server.handleWebSocket(request("GET", "EIO=4&transport=websocket"), ch);
      h.onText("4second");
    });
    handshake.start();
    assertTrue(inCallback.await(EngineFixture.WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS));
    String sid = EngineFixture.json(ch.nextText().substring(1)).getString("sid");
    assertTrue(sid.length() == 20);
    release.countDown();
    handshake.join();
    assertEquals(java.util.List.of("connection", "message:second"), log);
  }
}
