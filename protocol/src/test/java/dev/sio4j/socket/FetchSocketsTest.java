package dev.sio4j.socket;

import static dev.sio4j.socket.Fixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FetchSocketsTest {

  private final SocketIoServer io = Fixture.server();
  private final Map<String, Socket> byName = new ConcurrentHashMap<>();
  private FakeEngineSocket a;
  private FakeEngineSocket b;

  @BeforeEach
  void setUp() {
    io.onConnection(s -> {
      String name = (String) s.handshake().auth().get("name");
      s.data().put("name", name);
      byName.put(name, s);
      if (name.equals("a")) {
        s.join("ra");
      }
    });
    a = Fixture.connectAs(io, "a");
    b = Fixture.connectAs(io, "b");
  }

  @Test
  void localSocketsAreReturnedAsThemselves() {
    List<RemoteSocket> all = await(io.fetchSockets());
    assertEquals(2, all.size());
    RemoteSocket ra = await(io.in("ra").fetchSockets()).get(0);
    assertSame(byName.get("a"), ra);
    assertEquals("a", ra.data().get("name"));
    assertEquals("a", ra.handshake().auth().get("name"));
    assertTrue(ra.rooms().contains("ra"));
  }

  @Test
  void remoteViewsEmitJoinLeaveAndDisconnect() {
    RemoteSocket rb = await(io.except("ra").fetchSockets()).get(0);
    rb.emit("hello", 1);
    assertEquals("2[\"hello\",1]", b.nextText());
    rb.join("x", "y").leave("y");
    assertEquals(java.util.Set.of(rb.id(), "x"), rb.rooms());
    rb.disconnect(false);
    assertEquals("1", b.nextText());
    assertEquals(1, await(io.fetchSockets()).size());
    a.assertExhausted();
  }
}
