package dev.sio4j.socket;

import static dev.sio4j.socket.Fixture.connect;
import static dev.sio4j.socket.Fixture.server;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Events both ways, as the v5 test suite's "message" cases. */
class MessageTest {

  private static SocketIoServer echoServer() {
    SocketIoServer io = server();
    io.onConnection(s -> s.on("message", (args, ack) -> s.emit("message-back", args.toArray())));
    return io;
  }

  @Test
  void echoesAPlainTextPacket() {
    FakeEngineSocket conn = connect(echoServer());
    conn.receive("2[\"message\",1,\"2\",{\"3\":[true]}]");
    assertEquals("2[\"message-back\",1,\"2\",{\"3\":[true]}]", conn.nextText());
  }

  @Test
  void echoesBinaryAttachmentsAsOneBatch() {
    FakeEngineSocket conn = connect(echoServer());
    conn.receive("52-[\"message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
    conn.receive(new byte[] {1, 2, 3});
    conn.receive(new byte[] {4, 5, 6});
    FakeEngineSocket.Sent sent = conn.next();
    assertEquals("sendAll", sent.how());
    assertEquals("52-[\"message-back\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]",
        sent.messages().get(0));
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) sent.messages().get(1));
    assertArrayEquals(new byte[] {4, 5, 6}, (byte[]) sent.messages().get(2));
  }

  @Test
  void nothingReachesTheClientBeforeTheConnectAnswer() {
    // a broadcast to the socket while it joins its own room (here from a room listener, as another thread could)
    SocketIoServer io = server();
    io.of("/").adapter().addRoomListener(new dev.sio4j.socket.adapter.RoomListener() {
      @Override
      public void onJoinRoom(String room, String socketId) {
        io.to(socketId).emit("early");
      }
    });
    FakeEngineSocket conn = Fixture.open(io);
    conn.receive("0");
    Fixture.sidOf(conn.nextText());
    assertEquals("2[\"early\"]", conn.nextText());
  }

  @Test
  void anEventArrivingWhileTheConnectionListenersRunIsHandledAfterThem() {
    // the client may send as soon as it has the CONNECT, which is written before the listeners run (they may run on
    // another thread, after an asynchronous middleware or restore): the event must wait for the handler they add
    SocketIoServer io = server();
    AtomicReference<FakeEngineSocket> conn = new AtomicReference<>();
    io.onConnection(s -> {
      conn.get().receive("2[\"hi\"]");
      s.on("hi", (args, ack) -> s.emit("hello"));
    });
    conn.set(Fixture.open(io));
    conn.get().receive("0");
    Fixture.sidOf(conn.get().nextText());
    assertEquals("2[\"hello\"]", conn.get().nextText());
  }

  @Test
  void eventsEmittedFromOneThreadArriveInEmitOrder() {
    SocketIoServer io = server();
    List<Socket> sockets = new CopyOnWriteArrayList<>();
    io.onConnection(s -> {
      s.join("r");
      sockets.add(s);
    });
    FakeEngineSocket conn = connect(io);
    Socket socket = sockets.get(0);
    for (int i = 0; i < 300; i++) {
      switch (i % 3) {
        case 0 -> socket.emit("e", i);
        case 1 -> io.to("r").emit("e", i);
        default -> io.emit("e", i);
      }
    }
    for (int i = 0; i < 300; i++) {
      assertEquals("2[\"e\"," + i + "]", conn.nextText());
    }
  }

  @Test
  void refusesReservedEventNames() {
    SocketIoServer io = server();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    io.onConnection(s -> errors.add(assertThrows(IllegalArgumentException.class, () -> s.emit("disconnect"))));
    connect(io);
    assertEquals(1, errors.size());
    assertThrows(IllegalArgumentException.class, () -> io.emit("connect"));
  }

  @Test
  void onAnySeesEveryEventFirst() {
    SocketIoServer io = server();
    List<String> log = new CopyOnWriteArrayList<>();
    io.onConnection(s -> {
      s.onAny((event, args) -> log.add("any " + event + args));
      s.on("a", (args, ack) -> log.add("a " + args));
    });
    FakeEngineSocket conn = connect(io);
    conn.receive("2[\"a\",1]");
    conn.receive("2[\"b\"]");
    assertEquals(List.of("any a[1]", "a [1]", "any b[]"), log);
  }

  @Test
  void packetMiddlewareCanRejectAndRewrite() {
    SocketIoServer io = server();
    List<String> log = new CopyOnWriteArrayList<>();
    io.onConnection(s -> {
      s.use((event, next) -> {
        if ("secret".equals(event.get(0))) {
          next.fail(new IllegalStateException("unauthorized event"));
        } else {
          event.add("extra");
          next.proceed();
        }
      });
      s.onError(e -> log.add("error " + e.getMessage()));
      s.on("secret", (args, ack) -> log.add("secret"));
      s.on("open", (args, ack) -> log.add("open " + args));
    });
    FakeEngineSocket conn = connect(io);
    conn.receive("2[\"secret\"]");
    conn.receive("2[\"open\",1]");
    assertEquals(List.of("error unauthorized event", "open [1, extra]"), log);
  }

  @Test
  void aThrowingHandlerDoesNotBreakTheConnection() {
    SocketIoServer io = server();
    io.onConnection(s -> {
      s.on("boom", (args, ack) -> {
        throw new IllegalStateException("handler bug (expected in this test)");
      });
      s.on("ping", (args, ack) -> s.emit("pong"));
    });
    FakeEngineSocket conn = connect(io);
    conn.receive("2[\"boom\"]");
    conn.receive("2[\"ping\"]");
    assertEquals("2[\"pong\"]", conn.nextText());
  }

  @Test
  void emitsPojosAndNestedBinary() {
    SocketIoServer io = server();
    io.onConnection(s -> s.emit("data", new PointRecord(1, 2), List.of(new byte[] {9})));
    FakeEngineSocket conn = connect(io);
    FakeEngineSocket.Sent sent = conn.next();
    assertEquals("51-[\"data\",{\"x\":1,\"y\":2},[{\"_placeholder\":true,\"num\":0}]]", sent.first());
    assertArrayEquals(new byte[] {9}, (byte[]) sent.messages().get(1));
  }

  /** A record serialized through JSON-B. */
  public record PointRecord(int x, int y) {}
}
