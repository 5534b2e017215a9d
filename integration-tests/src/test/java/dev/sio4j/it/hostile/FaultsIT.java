package dev.sio4j.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.it.Container;
import java.util.List;
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
