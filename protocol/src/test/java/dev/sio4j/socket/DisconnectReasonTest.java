package dev.sio4j.socket;

import static dev.sio4j.socket.Fixture.await;
import static dev.sio4j.socket.Fixture.connect;
import static dev.sio4j.socket.Fixture.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class DisconnectReasonTest {

  private SocketIoServer io;
  private final CompletableFuture<Socket> socket = new CompletableFuture<>();
  private final List<String> reasons = new CopyOnWriteArrayList<>();

  private FakeEngineSocket start() {
    io = server();
    io.onConnection(s -> {
      s.onDisconnecting(r -> reasons.add("disconnecting " + r + " " + s.rooms().contains(s.id())));
      s.onDisconnect(r -> reasons.add("disconnect " + r + " " + s.connected()));
      socket.complete(s);
    });
    return connect(io);
  }

  @Test
  void clientNamespaceDisconnect() {
    FakeEngineSocket conn = start();
    conn.receive("1");
    assertEquals(List.of("disconnecting client namespace disconnect true",
        "disconnect client namespace disconnect false"), reasons);
    assertTrue(!conn.isClosed());
    conn.receive("0"); // may reconnect on the same session
    Fixture.sidOf(conn.nextText());
  }

  @Test
  void serverNamespaceDisconnect() {
    FakeEngineSocket conn = start();
    await(socket).disconnect();
    assertEquals("1", conn.nextText());
    assertEquals("disconnect server namespace disconnect false", reasons.get(1));
    assertTrue(!conn.isClosed());
  }

  @Test
  void disconnectWithCloseClosesTheSession() {
    FakeEngineSocket conn = start();
    await(socket).disconnect(true);
    assertEquals("1", conn.nextText());
    assertTrue(conn.isClosed());
    assertEquals(2, reasons.size());
  }

  @ParameterizedTest
  @EnumSource(dev.sio4j.engine.DisconnectReason.class)
  void engineReasonsAreMappedToNodeStrings(dev.sio4j.engine.DisconnectReason engineReason) {
    FakeEngineSocket conn = start();
    conn.closeWith(engineReason);
    assertEquals("disconnect " + engineReason.text() + " false", reasons.get(1));
    assertEquals(engineReason.text(), DisconnectReason.from(engineReason).text());
  }

  @Test
  void invalidPacketClosesWithParseError() {
    FakeEngineSocket conn = start();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    await(socket).onError(errors::add);
    conn.receive("2{}");
    assertTrue(conn.isClosed());
    assertEquals("disconnect parse error false", reasons.get(1));
    assertEquals(1, errors.size());
    assertEquals(2, reasons.size(), "closed once");
  }

  @Test
  void serverCloseSaysShuttingDown() {
    start();
    io.close();
    assertEquals("disconnect server shutting down false", reasons.get(1));
  }

  @Test
  void reasonsHaveNodeStrings() {
    assertEquals(Set.of("transport error", "transport close", "forced close", "ping timeout", "parse error",
            "server shutting down", "forced server close", "client namespace disconnect",
            "server namespace disconnect", "slow consumer"),
        java.util.Arrays.stream(DisconnectReason.values()).map(DisconnectReason::text)
            .collect(java.util.stream.Collectors.toSet()));
  }
}
