package dev.sio4j.socket;

import static dev.sio4j.socket.Fixture.await;
import static dev.sio4j.socket.Fixture.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.socket.adapter.RoomListener;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BroadcastTest {

  private SocketIoServer io;
  private final Map<String, Socket> byName = new ConcurrentHashMap<>();
  private FakeEngineSocket a;
  private FakeEngineSocket b;
  private FakeEngineSocket c;

  @BeforeEach
  void setUp() {
    io = server();
    io.onConnection(s -> {
      String name = (String) s.handshake().auth().get("name");
      byName.put(name, s);
      s.join("all-" + name.length());
      if (!name.equals("c")) {
        s.join("ab");
      }
    });
    a = Fixture.connectAs(io, "a");
    b = Fixture.connectAs(io, "b");
    c = Fixture.connectAs(io, "c");
  }

  @Test
  void emitsToEveryoneWithOneEncodedString() {
    io.emit("hi", 1);
    Object sa = a.next().first();
    Object sb = b.next().first();
    Object sc = c.next().first();
    assertEquals("2[\"hi\",1]", sa);
    assertSame(sa, sb, "a broadcast is encoded once");
    assertSame(sa, sc);
  }

  @Test
  void binaryBroadcastSharesTheAttachments() {
    io.emit("bin", (Object) new byte[] {1});
    FakeEngineSocket.Sent sa = a.next();
    FakeEngineSocket.Sent sb = b.next();
    assertEquals("sendAll", sa.how());
    assertSame(sa.messages().get(1), sb.messages().get(1));
  }

  @Test
  void targetsRoomsAndExcludes() {
    io.to("ab").emit("x");
    assertEquals("2[\"x\"]", a.nextText());
    assertEquals("2[\"x\"]", b.nextText());
    c.assertExhausted();

    io.to("ab").except(byName.get("a").id()).emit("y");
    assertEquals("2[\"y\"]", b.nextText());
    a.assertExhausted();

    io.except("ab").emit("z");
    assertEquals("2[\"z\"]", c.nextText());
    a.assertExhausted();
    b.assertExhausted();

    io.to("ab").to("all-1").emit("once");
    assertEquals("2[\"once\"]", a.nextText());
    a.assertExhausted();
  }

  @Test
  void socketBroadcastExcludesTheSender() {
    byName.get("a").broadcast().emit("b");
    assertEquals("2[\"b\"]", b.nextText());
    assertEquals("2[\"b\"]", c.nextText());
    a.assertExhausted();
    byName.get("a").to("ab").emit("t");
    assertEquals("2[\"t\"]", b.nextText());
    a.assertExhausted();
    c.assertExhausted();
  }

  @Test
  void operatorsAreImmutable() {
    BroadcastOperator base = io.to("ab");
    base.except("all-1");
    base.volatile_();
    assertEquals(Set.of("ab"), base.options().rooms());
    assertTrue(base.options().except().isEmpty());
    assertTrue(!base.options().flags().isVolatile());
  }

  @Test
  void volatileUsesVolatileSends() {
    b.acceptVolatile = false;
    io.volatile_().emit("v");
    assertEquals("sendVolatile", a.next().how());
    b.assertExhausted();
  }

  @Test
  void roomsGivenAsACollectionAsInNode() {
    io.to(List.of("ab", "all-1")).except(List.of(byName.get("b").id())).emit("x");
    assertEquals("2[\"x\"]", a.nextText());
    assertEquals("2[\"x\"]", c.nextText());
    b.assertExhausted();
    byName.get("a").to(List.of("ab")).emit("from-a");
    assertEquals("2[\"from-a\"]", b.nextText());
    a.assertExhausted();
    io.in(List.of("ab")).socketsJoin(List.of("vip", "vip")); // a room named twice is joined once, as in Node
    assertEquals(Set.of(byName.get("a").id(), byName.get("b").id()), io.in(List.of("vip")).allSockets());
    io.of("/").socketsLeave(List.of("vip"));
    assertTrue(io.in("vip").allSockets().isEmpty());
    io.socketsJoin("twice", "twice");
    assertEquals(3, io.in("twice").allSockets().size());
  }

  @Test
  void socketsJoinLeaveFetchAndDisconnect() {
    io.to("ab").socketsJoin("vip");
    assertEquals(Set.of(byName.get("a").id(), byName.get("b").id()), io.in("vip").allSockets());
    io.socketsLeave("vip");
    assertTrue(io.in("vip").allSockets().isEmpty());
    List<RemoteSocket> fetched = await(io.in("ab").fetchSockets());
    assertEquals(Set.of("a", "b"),
        fetched.stream().map(s -> (String) s.handshake().auth().get("name")).collect(Collectors.toSet()));
    io.in("ab").disconnectSockets(false);
    assertEquals("1", a.nextText());
    assertEquals("1", b.nextText());
    assertEquals(Set.of(byName.get("c").id()), io.of("/").allSockets());
  }

  @Test
  void roomsAndRoomEvents() {
    List<String> events = new CopyOnWriteArrayList<>();
    io.of("/").adapter().addRoomListener(new RoomListener() {
      @Override
      public void onCreateRoom(String room) {
        events.add("create " + room);
      }

      @Override
      public void onJoinRoom(String room, String id) {
        events.add("join " + room);
      }

      @Override
      public void onLeaveRoom(String room, String id) {
        events.add("leave " + room);
      }

      @Override
      public void onDeleteRoom(String room) {
        events.add("delete " + room);
      }
    });
    Socket sa = byName.get("a");
    sa.join("r");
    sa.join("r");
    assertEquals(Set.of(sa.id(), "ab", "all-1", "r"), sa.rooms());
    sa.leave("r");
    assertEquals(List.of("create r", "join r", "leave r", "delete r"), events);
  }

  @Test
  void disconnectLeavesAllRooms() {
    Socket sa = byName.get("a");
    a.receive("1");
    assertTrue(sa.rooms().isEmpty());
    assertTrue(!io.of("/").adapter().rooms().containsKey(sa.id()));
    assertEquals(2, io.of("/").sockets().size());
  }
}
