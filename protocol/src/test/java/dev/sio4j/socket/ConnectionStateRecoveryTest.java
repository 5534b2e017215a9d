package dev.sio4j.socket;

import static dev.sio4j.socket.Fixture.await;
import static dev.sio4j.socket.Fixture.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.socket.adapter.Session;
import dev.sio4j.socket.adapter.SessionAwareAdapter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConnectionStateRecoveryTest {

  private static final Pattern CONNECT = Pattern.compile("^0\\{\"sid\":\"([A-Za-z0-9_-]+)\",\"pid\":\"([A-Za-z0-9_-]+)\"}$");
  private static final Pattern OFFSET = Pattern.compile("^2\\[.*,\"([0-9a-z]+)\"]$");

  private final LinkedBlockingQueue<Socket> sockets = new LinkedBlockingQueue<>();

  private SocketIoServer server(ConnectionStateRecovery recovery) {
    SocketIoServer io = Fixture.server(SocketIoOptions.builder().connectionStateRecovery(recovery).build());
    io.onConnection(sockets::add);
    return io;
  }

  private SocketIoServer server() {
    return server(ConnectionStateRecovery.defaults());
  }

  private Socket nextSocket() {
    try {
      Socket s = sockets.poll(10, TimeUnit.SECONDS);
      assertTrue(s != null, "expected a connection");
      return s;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** sid and pid of a CONNECT answer. */
  private static String[] ids(String connectAnswer) {
    Matcher m = CONNECT.matcher(connectAnswer);
    assertTrue(m.matches(), "not a CONNECT answer with pid: " + connectAnswer);
    return new String[] {m.group(1), m.group(2)};
  }

  private static String offsetOf(String event) {
    Matcher m = OFFSET.matcher(event);
    assertTrue(m.matches(), "no offset in " + event);
    return m.group(1);
  }

  @Test
  void connectAnswerCarriesThePrivateSessionId() {
    SocketIoServer io = server();
    FakeEngineSocket conn = open(io);
    conn.receive("0");
    String[] ids = ids(conn.nextText());
    assertEquals(nextSocket().id(), ids[0]);
    assertNotEquals(ids[0], ids[1]);
  }

  @Test
  void eventsGetAnOffsetAsLastArgument() {
    SocketIoServer io = server();
    FakeEngineSocket conn = open(io);
    conn.receive("0");
    ids(conn.nextText());
    Socket socket = nextSocket();
    io.emit("broadcast", 1);
    socket.emit("direct", "a");
    String first = offsetOf(conn.nextText());
    String second = conn.nextText();
    assertTrue(second.startsWith("2[\"direct\",\"a\",\""), second);
    assertNotEquals(first, offsetOf(second));
  }

  @Test
  void eventsWithAckAndVolatileEventsGetNoOffset() {
    SocketIoServer io = server();
    FakeEngineSocket conn = open(io);
    conn.receive("0");
    ids(conn.nextText());
    Socket socket = nextSocket();
    socket.emitWithAck("ack-me", 1);
    assertEquals("20[\"ack-me\",1]", conn.nextText());
    io.volatile_().emit("tick", 2);
    assertEquals("2[\"tick\",2]", conn.nextText());
  }

  @Test
  void restoresIdRoomsDataAndMissedPackets() {
    SocketIoServer io = server();
    FakeEngineSocket first = open(io);
    first.receive("0");
    String[] ids = ids(first.nextText());
    Socket old = nextSocket();
    old.join("room1");
    old.data().put("user", "ann");
    io.emit("before");
    String offset = offsetOf(first.nextText());

    first.closeWith(dev.sio4j.engine.DisconnectReason.TRANSPORT_CLOSE);
    io.to("room1").emit("missed", 1);
    io.to("elsewhere").emit("not for us");
    io.except("room1").emit("excluded");
    io.emit("missed too");

    FakeEngineSocket second = open(io);
    second.receive("0{\"pid\":\"" + ids[1] + "\",\"offset\":\"" + offset + "\"}");
    assertEquals("0{\"sid\":\"" + ids[0] + "\",\"pid\":\"" + ids[1] + "\"}", second.nextText());
    assertTrue(second.nextText().startsWith("2[\"missed\",1,\""));
    assertTrue(second.nextText().startsWith("2[\"missed too\",\""));
    second.assertExhausted();

    Socket recovered = nextSocket();
    assertTrue(recovered.recovered());
    assertEquals(ids[0], recovered.id());
    assertTrue(recovered.rooms().contains("room1"));
    assertEquals("ann", recovered.data().get("user"));
    assertFalse(old.recovered());

    io.to("room1").emit("live");
    assertTrue(second.nextText().startsWith("2[\"live\",\""));
  }

  @Test
  void skipsMiddlewaresByDefault() {
    SocketIoServer io = server();
    List<String> ran = new CopyOnWriteArrayList<>();
    io.use((s, next) -> {
      ran.add(s.id());
      next.proceed();
    });
    String[] ids = connectAndLoseConnection(io);
    assertEquals(1, ran.size());
    FakeEngineSocket second = open(io);
    second.receive("0{\"pid\":\"" + ids[1] + "\",\"offset\":\"" + ids[2] + "\"}");
    assertEquals(ids[0], ids(second.nextText())[0]);
    assertEquals(1, ran.size(), "middleware skipped");
  }

  @Test
  void runsMiddlewaresWhenConfigured() {
    SocketIoServer io = server(new ConnectionStateRecovery(java.time.Duration.ofMinutes(2), false));
    List<Boolean> ran = new CopyOnWriteArrayList<>();
    io.use((s, next) -> {
      ran.add(s.recovered());
      next.proceed();
    });
    String[] ids = connectAndLoseConnection(io);
    FakeEngineSocket second = open(io);
    second.receive("0{\"pid\":\"" + ids[1] + "\",\"offset\":\"" + ids[2] + "\"}");
    assertEquals(ids[0], ids(second.nextText())[0]);
    assertEquals(List.of(false, true), ran);
  }

  @Test
  void unknownSessionGetsANewSocket() {
    SocketIoServer io = server();
    String[] ids = connectAndLoseConnection(io);
    FakeEngineSocket second = open(io);
    second.receive("0{\"pid\":\"nope\",\"offset\":\"" + ids[2] + "\"}");
    assertNotEquals(ids[0], ids(second.nextText())[0]);
    assertFalse(nextSocket().recovered());
  }

  @Test
  void unknownOffsetGetsANewSocket() {
    SocketIoServer io = server();
    String[] ids = connectAndLoseConnection(io);
    FakeEngineSocket second = open(io);
    second.receive("0{\"pid\":\"" + ids[1] + "\",\"offset\":\"zzzz\"}");
    assertNotEquals(ids[0], ids(second.nextText())[0]);
  }

  @Test
  void aReconnectionWithThePrivateIdOfALiveSocketReplacesIt() {
    // the client reconnected before the close of its old connection reached the server: the old one is closed
    // (its socket sees "transport close"), its session persisted, and the new connection recovers it
    SocketIoServer io = server();
    String[] ids = connectAndLoseConnection(io);
    FakeEngineSocket second = open(io);
    second.receive("0{\"pid\":\"" + ids[1] + "\",\"offset\":\"" + ids[2] + "\"}");
    assertEquals(ids[0], ids(second.nextText())[0]);
    Socket replaced = nextSocket();
    CompletableFuture<DisconnectReason> reason = new CompletableFuture<>();
    replaced.onDisconnect(reason::complete);
    FakeEngineSocket third = open(io);
    third.receive("0{\"pid\":\"" + ids[1] + "\",\"offset\":\"" + ids[2] + "\"}");
    assertEquals(ids[0], ids(third.nextText())[0]);
    assertEquals(DisconnectReason.TRANSPORT_CLOSE, await(reason));
    assertTrue(second.isClosed());
    assertTrue(nextSocket().recovered());
  }

  @Test
  void aReconnectionArrivingWhileTheOldSocketLeavesIsRecovered() {
    // the reconnection's CONNECT is handled (on another thread, here inside the adapter's persistSession) while the
    // old connection's close is under way: between leaving the namespace and persisting its session, the old
    // socket was neither live nor restorable, and the reconnection got a new session (RecoveryChurnIT lost its room)
    ConnectionStateRecovery csr = ConnectionStateRecovery.defaults();
    AtomicReference<Runnable> duringPersist = new AtomicReference<>();
    SocketIoServer io = Fixture.server(SocketIoOptions.builder().connectionStateRecovery(csr)
        .adapterFactory(nsp -> new SessionAwareAdapter(nsp, csr.maxDisconnectionDuration(), csr.maxBufferedPackets(),
            csr.maxBufferedBytes(), csr.maxSessions()) {
          @Override
          public void persistSession(Session session) {
            Runnable r = duringPersist.getAndSet(null);
            if (r != null) {
              r.run();
            }
            super.persistSession(session);
          }
        }).build());
    io.onConnection(sockets::add);
    FakeEngineSocket first = open(io);
    String[] ids = connectAndReceive(io, first);
    FakeEngineSocket second = open(io);
    duringPersist.set(() -> second.receive("0{\"pid\":\"" + ids[1] + "\",\"offset\":\"" + ids[2] + "\"}"));
    first.closeWith(dev.sio4j.engine.DisconnectReason.TRANSPORT_CLOSE);
    assertEquals(ids[0], ids(second.nextText())[0]);
    assertTrue(nextSocket().recovered());
  }

  @Test
  void voluntaryDisconnectionIsNotRecoverable() {
    SocketIoServer io = server();
    FakeEngineSocket first = open(io);
    String[] ids = connectAndReceive(io, first);
    first.receive("1"); // client namespace disconnect
    FakeEngineSocket second = open(io);
    second.receive("0{\"pid\":\"" + ids[1] + "\",\"offset\":\"" + ids[2] + "\"}");
    assertNotEquals(ids[0], ids(second.nextText())[0]);
  }

  @Test
  void disabledByDefault() {
    SocketIoServer io = Fixture.server();
    CompletableFuture<Socket> socket = new CompletableFuture<>();
    io.onConnection(socket::complete);
    FakeEngineSocket conn = open(io);
    conn.receive("0{\"pid\":\"p\",\"offset\":\"0\"}");
    Fixture.sidOf(conn.nextText()); // no pid
    io.emit("plain");
    assertEquals("2[\"plain\"]", conn.nextText());
    assertFalse(await(socket).recovered());
  }

  @Test
  void worksInCustomNamespaces() {
    SocketIoServer io = server();
    io.of("/chat").onConnection(sockets::add);
    FakeEngineSocket first = open(io);
    first.receive("0/chat,");
    Matcher m = Pattern.compile("^0/chat,\\{\"sid\":\"([^\"]+)\",\"pid\":\"([^\"]+)\"}$").matcher(first.nextText());
    assertTrue(m.matches());
    nextSocket();
    io.of("/chat").emit("a");
    String event = first.nextText();
    String offset = event.substring(event.lastIndexOf(",\"") + 2, event.length() - 2);
    first.closeWith(dev.sio4j.engine.DisconnectReason.PING_TIMEOUT);
    io.of("/chat").emit("b");
    FakeEngineSocket second = open(io);
    second.receive("0/chat,{\"pid\":\"" + m.group(2) + "\",\"offset\":\"" + offset + "\"}");
    assertTrue(second.nextText().startsWith("0/chat,{\"sid\":\"" + m.group(1) + "\""));
    assertTrue(second.nextText().startsWith("2/chat,[\"b\",\""));
  }

  @Test
  void optionsAreValidated() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new ConnectionStateRecovery(java.time.Duration.ZERO, true));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new ConnectionStateRecovery(java.time.Duration.ofSeconds(1), true, 0, 1));
    assertEquals(java.time.Duration.ofMinutes(2), ConnectionStateRecovery.defaults().maxDisconnectionDuration());
    assertTrue(ConnectionStateRecovery.defaults().skipMiddlewares());
  }

  /**
   * A recovering server whose adapter answers {@code missedPacketsSince} through {@code answer}, which gets the
   * built-in answer as a supplier (to ask it when it decides).
   */
  private SocketIoServer serverAnsweringMissedPackets(
      Function<Supplier<CompletionStage<List<List<Object>>>>, CompletionStage<List<List<Object>>>> answer) {
    ConnectionStateRecovery csr = ConnectionStateRecovery.defaults();
    SocketIoServer io = Fixture.server(SocketIoOptions.builder().connectionStateRecovery(csr)
        .adapterFactory(nsp -> new SessionAwareAdapter(nsp, csr.maxDisconnectionDuration(), csr.maxBufferedPackets(),
            csr.maxBufferedBytes(), csr.maxSessions()) {
          @Override
          public CompletionStage<List<List<Object>>> missedPacketsSince(Session session, String offset) {
            return answer.apply(() -> super.missedPacketsSince(session, offset));
          }
        }).build());
    io.onConnection(sockets::add);
    return io;
  }

  @Test
  void aRecoveredClientGetsTheConnectThenTheMissedPacketsThenTheLiveOnesEachOnce() {
    // the adapter answers what was broadcast between the restore and the join only when the test says so: the
    // socket is in its rooms meanwhile, so "between" reaches it live and through that answer, and is written once
    CompletableFuture<Void> answer = new CompletableFuture<>();
    SocketIoServer io = serverAnsweringMissedPackets(real -> answer.thenCompose(v -> real.get()));
    String[] ids = connectAndLoseConnection(io);
    io.emit("missed");
    FakeEngineSocket second = open(io);
    second.receive("0{\"pid\":\"" + ids[1] + "\",\"offset\":\"" + ids[2] + "\"}");
    io.emit("between");
    second.assertExhausted(); // nothing before the CONNECT
    assertTrue(sockets.isEmpty(), "connection listeners run once the replay is written");
    answer.complete(null);
    assertEquals(ids[0], ids(second.nextText())[0]);
    assertTrue(second.nextText().startsWith("2[\"missed\","));
    assertTrue(second.nextText().startsWith("2[\"between\","));
    second.assertExhausted();
    assertTrue(nextSocket().recovered());
    io.emit("live");
    assertTrue(second.nextText().startsWith("2[\"live\","));
  }

  @Test
  void aGapBetweenRestoreAndJoinClosesTheConnectionInsteadOfRecoveringWithIt() {
    SocketIoServer io = serverAnsweringMissedPackets(real -> CompletableFuture.completedFuture(null)); // "not kept"
    String[] ids = connectAndLoseConnection(io);
    FakeEngineSocket second = open(io);
    second.receive("0{\"pid\":\"" + ids[1] + "\",\"offset\":\"" + ids[2] + "\"}");
    assertTrue(second.isClosed());
    second.assertExhausted();
    assertTrue(sockets.isEmpty());
    assertEquals(Map.of(), io.of("/").sockets());
  }

  @Test
  void aRecoveryWhoseConnectionClosedDuringTheMiddlewaresCanBeRetried() {
    SocketIoServer io = server(new ConnectionStateRecovery(java.time.Duration.ofMinutes(2), false));
    LinkedBlockingQueue<Middleware.Next> held = new LinkedBlockingQueue<>();
    io.use((socket, next) -> {
      if (socket.recovered()) {
        held.add(next); // decides later, as an asynchronous check would
      } else {
        next.proceed();
      }
    });
    String[] ids = connectAndLoseConnection(io);
    FakeEngineSocket second = open(io);
    second.receive("0{\"pid\":\"" + ids[1] + "\",\"offset\":\"" + ids[2] + "\"}");
    second.closeWith(dev.sio4j.engine.DisconnectReason.TRANSPORT_CLOSE);
    held.remove().proceed();
    assertEquals(Map.of(), io.of("/").sockets());
    FakeEngineSocket third = open(io);
    third.receive("0{\"pid\":\"" + ids[1] + "\",\"offset\":\"" + ids[2] + "\"}");
    held.remove().proceed();
    assertEquals(ids[0], ids(third.nextText())[0]);
    assertTrue(nextSocket().recovered());
  }

  @Test
  void offsetsReachTheClientInIncreasingOrderWithSeveralEmittingThreads() throws Exception {
    SocketIoServer io = server();
    FakeEngineSocket conn = open(io);
    conn.receive("0");
    ids(conn.nextText());
    Socket socket = nextSocket();
    int perThread = 5_000;
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
    Runnable emitter = () -> {
      try {
        start.await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      for (int i = 0; i < perThread; i++) {
        if (i % 2 == 0) {
          io.emit("room", i);
        } else {
          socket.emit("direct", i);
        }
      }
    };
    CompletableFuture<Void> a = CompletableFuture.runAsync(emitter);
    CompletableFuture<Void> b = CompletableFuture.runAsync(emitter);
    await(a.thenCombine(b, (x, y) -> null));
    long previous = -1;
    for (int i = 0; i < 2 * perThread; i++) {
      long offset = Long.parseLong(offsetOf(conn.nextText()), 36);
      assertTrue(offset > previous, "offset " + offset + " written after " + previous);
      previous = offset;
    }
  }

  /** Connects, receives one event, loses the connection; returns sid, pid and the offset. */
  private String[] connectAndLoseConnection(SocketIoServer io) {
    FakeEngineSocket first = open(io);
    String[] ids = connectAndReceive(io, first);
    first.closeWith(dev.sio4j.engine.DisconnectReason.TRANSPORT_ERROR);
    return ids;
  }

  /** Connects {@code conn} to the main namespace and receives one event; returns sid, pid and the offset. */
  private String[] connectAndReceive(SocketIoServer io, FakeEngineSocket conn) {
    conn.receive("0");
    String[] ids = ids(conn.nextText());
    nextSocket();
    io.emit("x");
    return new String[] {ids[0], ids[1], offsetOf(conn.nextText())};
  }

  @Test
  void recoveredMapOfDataIsACopy() {
    SocketIoServer io = server();
    FakeEngineSocket first = open(io);
    first.receive("0");
    String[] ids = ids(first.nextText());
    Socket old = nextSocket();
    old.data().putAll(Map.of("a", 1));
    io.emit("x");
    String offset = offsetOf(first.nextText());
    first.closeWith(dev.sio4j.engine.DisconnectReason.TRANSPORT_CLOSE);
    old.data().put("late", true);
    FakeEngineSocket second = open(io);
    second.receive("0{\"pid\":\"" + ids[1] + "\",\"offset\":\"" + offset + "\"}");
    ids(second.nextText());
    assertEquals(Map.of("a", 1), nextSocket().data());
  }
}
