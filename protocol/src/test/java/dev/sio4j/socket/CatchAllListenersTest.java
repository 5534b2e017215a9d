package dev.sio4j.socket;

import static dev.sio4j.socket.Fixture.await;
import static dev.sio4j.socket.Fixture.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CatchAllListenersTest {

  private final SocketIoServer io = Fixture.server();
  private final CompletableFuture<Socket> socket = new CompletableFuture<>();
  private final List<String> log = new CopyOnWriteArrayList<>();

  private FakeEngineSocket start() {
    io.onConnection(socket::complete);
    return connect(io);
  }

  @Test
  void onAnyOutgoingSeesEmitsAndBroadcasts() {
    FakeEngineSocket conn = start();
    Socket s = await(socket);
    s.onAnyOutgoing((event, args) -> log.add(event + args));
    s.emit("direct", 1);
    io.emit("broadcast", "x");
    io.timeout(Fixture.ms(10_000)).emit("with-ack", (AckCallback) (err, r) -> {});
    assertEquals(List.of("direct[1]", "broadcast[x]", "with-ack[]"), log);
    assertEquals("2[\"direct\",1]", conn.nextText());
  }

  @Test
  void offAnyOutgoingAndPrependAnyOutgoing() {
    start();
    Socket s = await(socket);
    AnyListener second = (event, args) -> log.add("second " + event);
    s.onAnyOutgoing(second);
    s.prependAnyOutgoing((event, args) -> log.add("first " + event));
    s.emit("a");
    s.offAnyOutgoing(second);
    s.emit("b");
    s.offAnyOutgoing();
    s.emit("c");
    assertEquals(List.of("first a", "second a", "first b"), log);
  }

  @Test
  void prependAnyRunsFirstAndOffAnyRemovesAll() {
    FakeEngineSocket conn = start();
    Socket s = await(socket);
    s.onAny((event, args) -> log.add("any " + event));
    s.prependAny((event, args) -> log.add("prepended " + event));
    s.on("e", (args, ack) -> log.add("handler"));
    conn.receive("2[\"e\"]");
    s.offAny();
    conn.receive("2[\"e\"]");
    assertEquals(List.of("prepended e", "any e", "handler", "handler"), log);
  }

  @Test
  void aThrowingOutgoingListenerDoesNotStopTheEmit() {
    FakeEngineSocket conn = start();
    Socket s = await(socket);
    s.onAnyOutgoing((event, args) -> {
      throw new IllegalStateException("boom");
    });
    s.emit("still-sent");
    assertEquals("2[\"still-sent\"]", conn.nextText());
  }

  @Test
  void onceRunsForTheNextEventOnlyAndOffRemovesItBefore() {
    FakeEngineSocket conn = start();
    Socket s = await(socket);
    EventHandler once = (args, ack) -> log.add("once " + args);
    EventHandler removed = (args, ack) -> log.add("removed " + args);
    s.once("e", once);
    s.once("e", removed);
    s.off("e", removed);
    s.on("e", (args, ack) -> log.add("on " + args));
    conn.receive("2[\"e\",1]");
    conn.receive("2[\"e\",2]");
    assertEquals(List.of("once [1]", "on [1]", "on [2]"), log);
  }

  @Test
  void listenersAndRemoveAllListenersAsInNode() {
    FakeEngineSocket conn = start();
    Socket s = await(socket);
    EventHandler first = (args, ack) -> log.add("first");
    EventHandler second = (args, ack) -> log.add("second");
    AnyListener any = (event, args) -> log.add("any " + event);
    AnyListener out = (event, args) -> { };
    s.on("e", first).once("e", second).on("f", first).onAny(any).onAnyOutgoing(out);
    assertEquals(List.of(first, second), s.listeners("e"));
    assertEquals(List.of(), s.listeners("none"));
    assertEquals(List.of(any), s.listenersAny());
    assertEquals(List.of(out), s.listenersAnyOutgoing());
    s.removeAllListeners("e");
    assertEquals(List.of(), s.listeners("e"));
    assertEquals(List.of(first), s.listeners("f"));
    s.removeAllListeners();
    conn.receive("2[\"f\"]");
    assertEquals(List.of("any f"), log, "catch-all listeners stay, as Node's removeAllListeners leaves onAny");
    assertEquals(false, s.disconnected());
    s.disconnect();
    assertEquals(true, s.disconnected());
  }
}
