package dev.sio4j.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.it.Container;
import dev.sio4j.it.LogCapture;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input against the real servers (embedded Jetty and Tomcat): each input gets its specified answer, closes
 * only the offending session (a bystander connected at the same time keeps working), leaks nothing to the client and
 * is logged without a stack trace.
 */
class HostileInputIT {

  private static final Map<Container, HostileServer> SERVERS = new EnumMap<>(Container.class);
  private static final String PLACEHOLDER = "{\"_placeholder\":true,\"num\":%d}";

  private LogCapture logs;

  static synchronized HostileServer server(Container c) throws Exception {
    HostileServer s = SERVERS.get(c);
    if (s == null) {
      s = HostileServer.start(c);
      SERVERS.put(c, s);
    }
    return s;
  }

  @AfterAll
  static synchronized void stopServers() throws Exception {
    for (HostileServer s : SERVERS.values()) {
      s.close();
    }
    SERVERS.clear();
  }

  @BeforeEach
  void captureLogs() {
    logs = new LogCapture("dev.sio4j");
  }

  @AfterEach
  void releaseLogs() {
    logs.close();
  }

  /** Socket.IO-level (and one Engine.IO-level) bad packets sent over WebSocket after joining {@code /}. */
  static Stream<Arguments> badPackets() {
    String deep = "[".repeat(100) + "]".repeat(100);
    List<Object[]> cases = List.of(
        new Object[] {"1000 attachments", List.of("451000-[\"e\"," + PLACEHOLDER.formatted(0) + "]")},
        new Object[] {"attachment count mismatch", List.of("452-[\"e\"," + PLACEHOLDER.formatted(0) + "]")},
        new Object[] {"placeholder num out of range", List.of("451-[\"e\"," + PLACEHOLDER.formatted(1) + "]")},
        new Object[] {"negative placeholder num", List.of("451-[\"e\"," + PLACEHOLDER.formatted(-1) + "]")},
        new Object[] {"binary frame with no pending packet", List.of(new byte[] {1, 2, 3})},
        new Object[] {"text while attachments are pending",
            List.of("451-[\"e\"," + PLACEHOLDER.formatted(0) + "]", "42[\"e\"]")},
        new Object[] {"extra attachment", List.of("451-[\"e\"," + PLACEHOLDER.formatted(0) + "]", new byte[] {1},
            new byte[] {2})},
        new Object[] {"object event name", List.of("42[{\"a\":1}]")},
        new Object[] {"null event name", List.of("42[null]")},
        new Object[] {"no event name", List.of("42[]")},
        new Object[] {"reserved event name disconnect", List.of("42[\"disconnect\"]")},
        new Object[] {"reserved event name connect", List.of("42[\"connect\",1]")},
        new Object[] {"huge ack id", List.of("42123456789012345678901[\"e\"]")},
        new Object[] {"negative ack id", List.of("42-1[\"e\"]")},
        new Object[] {"unknown Socket.IO packet type", List.of("47[\"e\"]")},
        new Object[] {"unknown Engine.IO packet type", List.of("9x")},
        new Object[] {"deeply nested JSON", List.of("42[\"e\"," + deep + "]")},
        new Object[] {"invalid JSON", List.of("42[\"e\"")},
        new Object[] {"number with a huge exponent", List.of("42[\"e\",1e99999999999]")},
        new Object[] {"very long namespace", List.of("42/" + "a".repeat(300) + ",[\"e\"]")});
    List<Arguments> args = new ArrayList<>();
    for (Container c : Container.values()) {
      for (Object[] k : cases) {
        args.add(Arguments.of(c, k[0], k[1]));
      }
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badPackets")
  void badPacketClosesOnlyItsSession(Container container, String name, List<Object> frames) throws Exception {
    HostileServer server = server(container);
    try (SioClient bystander = SioClient.connect(server.port()); SioClient attacker = SioClient.connect(server.port())) {
      for (Object f : frames) {
        if (f instanceof String s) {
          attacker.ws.sendText("4" + s.replaceFirst("^4", ""));
        } else {
          attacker.ws.sendBinary((byte[]) f);
        }
      }
      int code = attacker.ws.awaitClose();
      assertEquals("parse error", server.reason(attacker.socketId).get(20, TimeUnit.SECONDS), name);
      assertNoLeak(attacker.ws.received.toString());
      bystander.assertEchoes("still here");
      assertLoggedOnce(attacker.sid, "invalid packet", "bad frame");
      System.out.println(container + " " + name + ": close " + code);
    }
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void oversizedWebSocketMessageIsClosedWith1009(Container container) throws Exception {
    HostileServer server = server(container);
    try (SioClient bystander = SioClient.connect(server.port()); SioClient attacker = SioClient.connect(server.port())) {
      attacker.ws.sendText("42[\"echo\",\"" + "x".repeat((int) HostileServer.MAX_BODY) + "\"]");
      assertEquals(1009, attacker.ws.awaitClose());
      assertEquals("transport error", server.reason(attacker.socketId).get(20, TimeUnit.SECONDS));
      bystander.assertEchoes("still here");
      assertLoggedOnce(attacker.sid, "closed: transport error");
    }
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void invalidUtf8InAWebSocketTextFrameClosesWith1007(Container container) throws Exception {
    HostileServer server = server(container);
    try (SioClient bystander = SioClient.connect(server.port()); SioClient attacker = SioClient.connect(server.port())) {
      attacker.ws.sendFrame(RawWebSocket.TEXT, new byte[] {'4', '2', '[', '"', (byte) 0xff, (byte) 0xfe, '"', ']'});
      int code = attacker.ws.awaitClose();
      assertEquals(1007, code); // the container checks UTF-8 before the engine sees the frame
      String reason = server.reason(attacker.socketId).get(20, TimeUnit.SECONDS);
      assertTrue(reason.equals("transport error") || reason.equals("transport close"), reason);
      bystander.assertEchoes("still here");
      assertNoStackTraces();
    }
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void namespaceWithoutSlashIsAParseError(Container container) throws Exception {
    HostileServer server = server(container);
    try (SioClient bystander = SioClient.connect(server.port()); SioClient attacker = SioClient.open(server.port())) {
      attacker.ws.sendText("40admin,{}"); // as Node: namespace "/" followed by invalid JSON
      attacker.ws.awaitClose();
      assertNoLeak(attacker.ws.received.toString());
      bystander.assertEchoes("still here");
      assertLoggedOnce(attacker.sid, "invalid packet");
    }
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void unknownNamespaceWithinTheLengthBoundGetsConnectError(Container container) throws Exception {
    HostileServer server = server(container);
    try (SioClient attacker = SioClient.open(server.port())) {
      String nsp = "/" + "n".repeat(200);
      attacker.ws.sendText("40" + nsp + ",");
      assertEquals("44" + nsp + ",{\"message\":\"Invalid namespace\"}", attacker.ws.nextText());
      attacker.ws.sendText("40"); // the session is still usable, as in Node
      assertTrue(attacker.ws.nextText().startsWith("40{"));
    }
  }

  // ---- polling ----

  @ParameterizedTest
  @EnumSource(Container.class)
  void oversizedPollingBodyGets413(Container container) throws Exception {
    HostileServer server = server(container);
    try (SioClient bystander = SioClient.connect(server.port())) {
      String[] attacker = pollingConnect(server.baseUrl());
      HttpResponse<String> r = Clients.post(server.baseUrl(), attacker[0],
          ("42[\"echo\",\"" + "x".repeat((int) HostileServer.MAX_BODY) + "\"]").getBytes(StandardCharsets.UTF_8));
      assertEquals(413, r.statusCode());
      assertNoLeak(r.body());
      assertEquals("transport error", server.reason(attacker[1]).get(20, TimeUnit.SECONDS));
      assertEquals(400, Clients.get(server.baseUrl(), "&sid=" + attacker[0]).statusCode()); // session gone
      bystander.assertEchoes("still here");
      assertLoggedOnce(attacker[0], "POST body over");
    }
  }

  static Stream<Arguments> badPollingBodies() {
    List<Arguments> args = new ArrayList<>();
    for (Container c : Container.values()) {
      args.add(Arguments.of(c, "invalid UTF-8", new byte[] {'4', '2', '[', '"', (byte) 0xc3, (byte) 0x28, '"', ']'}));
      args.add(Arguments.of(c, "invalid base64", "b!!!!".getBytes(StandardCharsets.US_ASCII)));
      args.add(Arguments.of(c, "unknown packet type", "9".getBytes(StandardCharsets.US_ASCII)));
      args.add(Arguments.of(c, "empty packet", "4\u001e".getBytes(StandardCharsets.US_ASCII)));
    }
    return args.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badPollingBodies")
  void badPollingBodyGets400AndClosesTheSession(Container container, String name, byte[] body) throws Exception {
    HostileServer server = server(container);
    try (SioClient bystander = SioClient.connect(server.port())) {
      String[] attacker = pollingConnect(server.baseUrl());
      HttpResponse<String> r = Clients.post(server.baseUrl(), attacker[0], body);
      assertEquals(400, r.statusCode(), name);
      assertNoLeak(r.body());
      assertEquals("parse error", server.reason(attacker[1]).get(20, TimeUnit.SECONDS));
      bystander.assertEchoes("still here");
      assertLoggedOnce(attacker[0], "bad payload");
    }
  }

  /** Opens a polling session and joins {@code /}; returns {sid, socket id}. */
  static String[] pollingConnect(String baseUrl) throws Exception {
    String sid = Clients.openPolling(baseUrl);
    assertEquals(200, Clients.post(baseUrl, sid, "40".getBytes(StandardCharsets.US_ASCII)).statusCode());
    String body = Clients.get(baseUrl, "&sid=" + sid).body();
    assertTrue(body.startsWith("40{"), body);
    return new String[] {sid, SioClient.json(body.substring(2)).getString("sid")};
  }

  // ---- assertions ----

  static void assertNoLeak(String received) {
    assertFalse(received.contains("Exception") || received.contains("\tat ") || received.contains("dev.sio4j"),
        () -> "leaked to the client: " + received);
  }

  private void assertNoStackTraces() {
    assertEquals(List.of(), logs.withStackTraces(), "stack traces logged for routine bad input");
  }

  /** No stack trace was logged, and exactly one line says why the session was rejected. */
  private void assertLoggedOnce(String sid, String... markers) {
    assertNoStackTraces();
    List<String> lines = logs.mentioning(sid);
    long n = lines.stream().filter(l -> Stream.of(markers).anyMatch(l::contains)).count();
    assertEquals(1, n, () -> "log lines of " + sid + ":\n" + String.join("\n", lines));
  }
}
