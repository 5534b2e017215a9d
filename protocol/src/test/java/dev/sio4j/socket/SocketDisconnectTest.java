package dev.sio4j.socket;

import static dev.sio4j.socket.Fixture.await;
import static dev.sio4j.socket.Fixture.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Edge cases of {@link Socket#disconnect(boolean)} (Node's socket.ts tests). */
class SocketDisconnectTest {

  private final SocketIoServer io = Fixture.server();
  private final List<String> reasons = new CopyOnWriteArrayList<>();

  @Test
  void disconnectTwiceSendsOneDisconnectPacket() {
    CompletableFuture<Socket> socket = new CompletableFuture<>();
    io.onConnection(s -> {
      s.onDisconnect(r -> reasons.add(r.text()));
      socket.complete(s);
    });
    FakeEngineSocket conn = connect(io);
    await(socket).disconnect();
    await(socket).disconnect();
    await(socket).disconnect(true);
    assertEquals("1", conn.nextText());
    conn.assertExhausted();
    assertEquals(List.of("server namespace disconnect"), reasons);
    assertFalse(conn.isClosed());
  }

  @Test
  void disconnectWithCloseClosesTheSessionOnlyOnceTheDisconnectPacketsAreWritten() {
    // over polling, a close packet in the same response as the DISCONNECTs would win in the official client
    CompletableFuture<Socket> main = new CompletableFuture<>();
    CompletableFuture<Socket> chat = new CompletableFuture<>();
    io.onConnection(s -> {
      s.onDisconnect(r -> reasons.add("/ " + r.text()));
      main.complete(s);
    });
    io.of("/chat").onConnection(s -> {
      s.onDisconnect(r -> reasons.add("/chat " + r.text()));
      chat.complete(s);
    });
    FakeEngineSocket conn = connect(io);
    await(main);
    conn.receive("0/chat,");
    conn.nextText();
    await(chat);
    conn.deferFlush = true;
    await(chat).disconnect(true);
    assertEquals(java.util.Set.of("1", "1/chat,"), java.util.Set.of(conn.nextText(), conn.nextText()));
    assertEquals(java.util.Set.of("/ server namespace disconnect", "/chat server namespace disconnect"),
        java.util.Set.copyOf(reasons));
    assertFalse(conn.isClosed(), "closed before the DISCONNECT packets were written");
    conn.flush();
    assertTrue(conn.isClosed());
  }

  @Test
  void disconnectInTheConnectionListener() {
    io.onConnection(s -> {
      s.onDisconnect(r -> reasons.add(r.text()));
      s.disconnect();
    });
    FakeEngineSocket conn = connect(io);
    assertEquals("1", conn.nextText());
    assertEquals(List.of("server namespace disconnect"), reasons);
    assertTrue(io.of("/").sockets().isEmpty());
  }

  @Test
  void disconnectFromDisconnectListenersIsANoOp() {
    io.onConnection(s -> {
      s.onDisconnecting(r -> s.disconnect(true));
      s.onDisconnect(r -> {
        reasons.add(r.text());
        s.disconnect();
      });
    });
    FakeEngineSocket conn = connect(io);
    conn.receive("1");
    assertEquals(List.of("client namespace disconnect"), reasons);
    conn.assertExhausted();
    assertFalse(conn.isClosed());
  }

  @Test
  void disconnectWithCloseLeavesEveryNamespace() {
    CompletableFuture<Socket> main = new CompletableFuture<>();
    io.onConnection(s -> {
      s.onDisconnect(r -> reasons.add("/ " + r.text()));
      main.complete(s);
    });
    io.of("/admin").onConnection(s -> s.onDisconnect(r -> reasons.add("/admin " + r.text())));
    FakeEngineSocket conn = connect(io);
    conn.receive("0/admin,");
    Fixture.sidOf(conn.nextText());
    await(main).disconnect(true);
    assertTrue(conn.isClosed());
    assertTrue(reasons.containsAll(List.of("/ server namespace disconnect", "/admin server namespace disconnect")));
    assertEquals(2, reasons.size());
  }

  @Test
  void emitsAndJoinsAfterDisconnectAreIgnored() {
    CompletableFuture<Socket> socket = new CompletableFuture<>();
    io.onConnection(socket::complete);
    FakeEngineSocket conn = connect(io);
    Socket s = await(socket);
    s.disconnect();
    assertEquals("1", conn.nextText());
    s.emit("late");
    s.join("late-room");
    io.emit("broadcast");
    conn.assertExhausted();
    assertTrue(s.rooms().isEmpty());
    assertFalse(io.of("/").adapter().rooms().containsKey("late-room"));
  }

  @Test
  void emitWithAckAfterDisconnectFails() {
    CompletableFuture<Socket> socket = new CompletableFuture<>();
    io.onConnection(socket::complete);
    connect(io);
    Socket s = await(socket);
    s.disconnect();
    assertEquals(AckException.Kind.DISCONNECTED,
        ((AckException) Fixture.awaitFailure(s.emitWithAck("x"))).kind());
  }
}
