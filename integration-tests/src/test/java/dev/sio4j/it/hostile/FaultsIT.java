package dev.sio4j.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.engine.EngineOptions;
import dev.sio4j.it.Container;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Clients that vanish and servers that stop: sessions are cleaned up, clients see a close, no thread is left. */
class FaultsIT {

  @ParameterizedTest
  @EnumSource(Container.class)
  void clientKilledMidBinaryAttachmentIsCleanedUp(Container container) throws Exception {
    try (HostileServer server = HostileServer.start(container); SioClient bystander = SioClient.connect(server.port())) {
      SioClient victim = SioClient.connect(server.port());
      victim.ws.sendText("451-[\"echo\",{\"_placeholder\":true,\"num\":0}]"); // the attachment never comes
      bystander.assertEchoes("before");
      assertEquals(2, server.io.engine().clientsCount());
      victim.ws.kill();
      String reason = server.reason(victim.socketId).get(20, TimeUnit.SECONDS);
      assertTrue(reason.equals("transport close") || reason.equals("transport error"), reason);
      assertEquals(1, server.io.engine().clientsCount());
      bystander.assertEchoes("after");
    }
  }

  /** A short heartbeat: what only the heartbeat can detect is found within seconds. */
  private static EngineOptions.Builder quickPings(EngineOptions.Builder b) {
    return b.pingInterval(Duration.ofSeconds(1)).pingTimeout(Duration.ofSeconds(3));
  }

  /**
   * Neither Jetty nor Tomcat reports a client that drops a parked long-poll GET (no read interest while the request
   * is suspended), and a failed write of an already-taken poll response is not reported to the session either; the
   * session is then cleaned up by the heartbeat, with {@code ping timeout} where Node (which sees the socket close at
   * once) reports {@code transport error}. Both end the session and free everything; these are the accepted reasons.
   */
  private static final Set<String> DEAD_POLL_REASONS = Set.of("transport error", "transport close", "ping timeout");

  @ParameterizedTest
  @EnumSource(value = Container.class, mode = EnumSource.Mode.EXCLUDE, names = Container.WITHOUT_SERVLET_CONTEXT)
  void clientKilledMidPollIsCleanedUp(Container container) throws Exception {
    try (HostileServer server = HostileServer.start(container, FaultsIT::quickPings)) {
      String[] victim = HostileInputIT.pollingConnect(server.baseUrl());
      Socket poll = Clients.rawPoll(server.port(), victim[0]);
      server.awaitParkedPoll(victim[0]);
      assertEquals(1, server.io.engine().clientsCount());
      Clients.kill(poll); // the pending GET's connection is dropped (RST) while the server holds it
      String reason = server.reason(victim[1]).get(30, TimeUnit.SECONDS);
      assertTrue(DEAD_POLL_REASONS.contains(reason), reason);
      assertEquals(0, server.io.engine().clientsCount());
      try (SioClient next = SioClient.connect(server.port())) {
        next.assertEchoes("still serving");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Container.class, mode = EnumSource.Mode.EXCLUDE, names = Container.WITHOUT_SERVLET_CONTEXT)
  void pollingClientKilledMidBinaryAttachmentIsCleanedUp(Container container) throws Exception {
    try (HostileServer server = HostileServer.start(container, FaultsIT::quickPings)) {
      String[] victim = HostileInputIT.pollingConnect(server.baseUrl());
      byte[] header = "451-[\"echo\",{\"_placeholder\":true,\"num\":0}]".getBytes(StandardCharsets.UTF_8);
      assertEquals(200, Clients.post(server.baseUrl(), victim[0], header).statusCode()); // the attachment never comes
      Socket poll = Clients.rawPoll(server.port(), victim[0]);
      server.awaitParkedPoll(victim[0]);
      Clients.kill(poll);
      String reason = server.reason(victim[1]).get(30, TimeUnit.SECONDS);
      assertTrue(DEAD_POLL_REASONS.contains(reason), reason);
      assertEquals(0, server.io.engine().clientsCount());
    }
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void clientKilledInsideAnAttachmentFrameIsCleanedUp(Container container) throws Exception {
    try (HostileServer server = HostileServer.start(container); SioClient bystander = SioClient.connect(server.port())) {
      SioClient victim = SioClient.connect(server.port());
      victim.ws.sendText("451-[\"echo\",{\"_placeholder\":true,\"num\":0}]");
      bystander.assertEchoes("before");
      victim.ws.sendPartialFrame(RawWebSocket.BINARY, new byte[4_000], 100); // the attachment frame is cut short
      victim.ws.kill();
      String reason = server.reason(victim.socketId).get(20, TimeUnit.SECONDS);
      assertTrue(reason.equals("transport close") || reason.equals("transport error"), reason);
      assertEquals(1, server.io.engine().clientsCount());
      bystander.assertEchoes("after");
    }
  }

  @ParameterizedTest
  @EnumSource(value = Container.class, mode = EnumSource.Mode.EXCLUDE, names = Container.WITHOUT_SERVLET_CONTEXT)
  void containerStoppedWithClientsConnectedClosesThemThroughContextDestroy(Container container) throws Exception {
    HostileServer server = HostileServer.startClosingOnDestroy(container, FaultsIT::quickPings);
    try {
      Connected clients = connectBoth(server);
      server.stopContainer(); // the context is destroyed: the application closes its Socket.IO server
      clients.assertSeeAClose();
      for (String socketId : clients.socketIds()) {
        String reason = server.reason(socketId).get(30, TimeUnit.SECONDS);
        assertTrue(Set.of("server shutting down", "transport close", "transport error").contains(reason),
            socketId + ": " + reason);
      }
      assertEquals(0, server.io.engine().clientsCount());
    } finally {
      server.io.close();
    }
  }

  /**
   * Without a {@code contextDestroyed} that closes the Socket.IO server, the clients still see their connections end;
   * sessions the container did not report are ended by the heartbeat (Tomcat reports neither the WebSocket nor the
   * parked poll while it stops).
   */
  @ParameterizedTest
  @EnumSource(value = Container.class, mode = EnumSource.Mode.EXCLUDE, names = Container.WITHOUT_SERVLET_CONTEXT)
  void containerStoppedWithoutClosingTheServerStillEndsEverySession(Container container) throws Exception {
    HostileServer server = HostileServer.start(container, FaultsIT::quickPings);
    try {
      Connected clients = connectBoth(server);
      server.stopContainer();
      clients.assertSeeAClose();
      for (String socketId : clients.socketIds()) {
        String reason = server.reason(socketId).get(30, TimeUnit.SECONDS);
        assertTrue(DEAD_POLL_REASONS.contains(reason), socketId + ": " + reason);
      }
      assertEquals(0, server.io.engine().clientsCount());
    } finally {
      server.io.close();
    }
  }

  /** A WebSocket client and a polling client with its poll parked. */
  private record Connected(SioClient ws, String pollingSocketId, Socket poll) {
    List<String> socketIds() {
      return List.of(ws.socketId, pollingSocketId);
    }

    void assertSeeAClose() throws Exception {
      int code = ws.ws.awaitClose(); // a close frame (1001 going away) or the connection's end
      assertTrue(code == -1 || code == 1000 || code == 1001 || code == 1006, "close code " + code);
      assertTrue(pollEnds(poll), "the pending poll was answered or its connection ended");
    }
  }

  private static Connected connectBoth(HostileServer server) throws Exception {
    SioClient ws = SioClient.connect(server.port());
    String[] polling = HostileInputIT.pollingConnect(server.baseUrl());
    Socket poll = Clients.rawPoll(server.port(), polling[0]);
    server.awaitParkedPoll(polling[0]);
    return new Connected(ws, polling[1], poll);
  }

  /** Reads the pending poll's connection to its end: {@code true} once the server answered or dropped it. */
  private static boolean pollEnds(Socket poll) throws Exception {
    try (Socket s = poll; InputStream in = s.getInputStream()) {
      while (in.read() >= 0) {
        // an answer (a close or noop packet, or an error status) is fine: the client learns the server is gone
      }
      return true;
    } catch (java.net.SocketException e) {
      return true; // reset by the stopping container
    }
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void clientKilledMidUpgradeIsCleanedUp(Container container) throws Exception {
    try (HostileServer server = HostileServer.start(container)) {
      String[] polling = HostileInputIT.pollingConnect(server.baseUrl());
      RawWebSocket upgrade = RawWebSocket.open(server.port(),
          "/socket.io/?EIO=4&transport=websocket&sid=" + polling[0], null);
      assertEquals(101, upgrade.status);
      upgrade.sendText("2probe");
      assertEquals("3probe", upgrade.nextText());
      upgrade.kill(); // before sending "5": the session stays on polling
      Clients.post(server.baseUrl(), polling[0], "1".getBytes()); // then the client leaves
      assertEquals("transport close", server.reason(polling[1]).get(20, TimeUnit.SECONDS));
      assertEquals(0, server.io.engine().clientsCount());
    }
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void serverCloseClosesClientsAndLeavesNoThreads(Container container) throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    HostileServer server = HostileServer.start(container);
    SioClient a = SioClient.connect(server.port());
    SioClient b = SioClient.connect(server.port());
    server.close();
    a.ws.awaitClose(); // a close frame or the connection's end; throws SocketTimeoutException after 20 s
    b.ws.awaitClose();
    assertEquals("server shutting down", server.reason(a.socketId).get(20, TimeUnit.SECONDS));
    assertEquals("server shutting down", server.reason(b.socketId).get(20, TimeUnit.SECONDS));
    List<Thread> ours = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.getName().startsWith("sio4j")).toList();
    for (Thread t : ours) {
      t.join(TimeUnit.SECONDS.toMillis(20));
    }
    assertEquals(List.of(), ours.stream().filter(Thread::isAlive).map(Thread::getName).toList(),
        "sio4j threads left after close");
  }
}
