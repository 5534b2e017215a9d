package dev.sio4j.socket;

import static dev.sio4j.socket.Fixture.await;
import static dev.sio4j.socket.Fixture.awaitFailure;
import static dev.sio4j.socket.Fixture.connect;
import static dev.sio4j.socket.Fixture.ms;
import static dev.sio4j.socket.Fixture.server;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AckTest {

  private static SocketIoServer ackServer() {
    SocketIoServer io = server();
    io.onConnection(s -> s.on("message-with-ack", (args, ack) -> {
      ack.send(args.toArray());
      ack.send("only the first answer counts");
    }));
    return io;
  }

  @Test
  void answersAClientAck() {
    FakeEngineSocket conn = connect(ackServer());
    conn.receive("2456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
    assertEquals("3456[1,\"2\",{\"3\":[false]}]", conn.nextText());
    conn.assertExhausted();
  }

  @Test
  void answersABinaryClientAck() {
    FakeEngineSocket conn = connect(ackServer());
    conn.receive("52-789[\"message-with-ack\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
    conn.receive(new byte[] {1, 2, 3});
    conn.receive(new byte[] {4, 5, 6});
    FakeEngineSocket.Sent sent = conn.next();
    assertEquals("62-789[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]", sent.first());
    assertArrayEquals(new byte[] {4, 5, 6}, (byte[]) sent.messages().get(2));
  }

  @Test
  void ackIsNullWhenTheClientAskedNone() {
    SocketIoServer io = server();
    AtomicReference<Object> seen = new AtomicReference<>("unset");
    io.onConnection(s -> s.on("e", (args, ack) -> seen.set(ack)));
    connect(io).receive("2[\"e\"]");
    assertNull(seen.get());
  }

  @Test
  void emitWithAckCompletesWithTheClientAnswer() {
    SocketIoServer io = server();
    CompletableFuture<CompletionStage<List<Object>>> reply = new CompletableFuture<>();
    io.onConnection(s -> reply.complete(s.emitWithAck("ping", 1)));
    FakeEngineSocket conn = connect(io);
    assertEquals("20[\"ping\",1]", conn.nextText());
    conn.receive("30[\"pong\",{\"a\":true}]");
    assertEquals(List.of("pong", java.util.Map.of("a", true)), await(await(reply)));
  }

  @Test
  void ackIdsAreIncrementedAndCallbacksMatchThem() {
    SocketIoServer io = server();
    CompletableFuture<Socket> socket = new CompletableFuture<>();
    io.onConnection(socket::complete);
    FakeEngineSocket conn = connect(io);
    CompletableFuture<List<Object>> first = new CompletableFuture<>();
    CompletableFuture<List<Object>> second = new CompletableFuture<>();
    await(socket).emit("a", (AckCallback) (err, args) -> first.complete(args));
    await(socket).emit("b", "x", (AckCallback) (err, args) -> second.complete(args));
    assertEquals("20[\"a\"]", conn.nextText());
    assertEquals("21[\"b\",\"x\"]", conn.nextText());
    conn.receive("31[2]");
    conn.receive("30[1]");
    assertEquals(List.of(1), await(first));
    assertEquals(List.of(2), await(second));
  }

  @Test
  void timeoutFailsTheStage() {
    SocketIoServer io = server();
    CompletableFuture<CompletionStage<List<Object>>> reply = new CompletableFuture<>();
    io.onConnection(s -> reply.complete(s.timeout(ms(20)).emitWithAck("slow")));
    FakeEngineSocket conn = connect(io);
    AckException e = (AckException) awaitFailure(await(reply));
    assertEquals(AckException.Kind.TIMEOUT, e.kind());
    conn.receive("30[\"too late\"]"); // ignored
  }

  @Test
  void disconnectFailsPendingAcks() {
    SocketIoServer io = server();
    CompletableFuture<CompletionStage<List<Object>>> reply = new CompletableFuture<>();
    io.onConnection(s -> reply.complete(s.emitWithAck("never")));
    FakeEngineSocket conn = connect(io);
    conn.receive("1");
    assertEquals(AckException.Kind.DISCONNECTED, ((AckException) awaitFailure(await(reply))).kind());
  }

  @Test
  void pendingAcksAreBounded() {
    SocketIoServer io = Fixture.server(SocketIoOptions.builder().maxPendingAcks(2).build());
    CompletableFuture<Socket> socket = new CompletableFuture<>();
    io.onConnection(socket::complete);
    FakeEngineSocket conn = connect(io);
    await(socket).emitWithAck("1");
    await(socket).emitWithAck("2");
    CompletionStage<List<Object>> third = await(socket).emitWithAck("3");
    assertEquals(AckException.Kind.TOO_MANY_PENDING, ((AckException) awaitFailure(third)).kind());
    conn.nextText();
    conn.nextText();
    conn.assertExhausted(); // the third event was not sent
  }

  @Test
  void acksWorkInCustomNamespaces() {
    SocketIoServer io = server();
    io.of("/admin").onConnection(s -> s.on("q", (args, ack) -> ack.send("r")));
    FakeEngineSocket conn = Fixture.connect(io, "/admin");
    conn.receive("2/admin,456[\"q\"]");
    assertEquals("3/admin,456[\"r\"]", conn.nextText());
  }
}
