package dev.sio4j.socket;

import static dev.sio4j.socket.Fixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sio4j.socket.adapter.SocketDetails;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code fetchSockets()} with a cluster adapter: local sockets as themselves, remote ones acting through it. */
class ClusterFetchSocketsTest {

  private final AtomicReference<FakeClusterAdapter> adapter = new AtomicReference<>();
  private final SocketIoServer io = Fixture.server(SocketIoOptions.builder().adapterFactory(nsp -> {
    FakeClusterAdapter a = new FakeClusterAdapter(nsp);
    if (nsp.name().equals("/")) {
      adapter.set(a);
    }
    return a;
  }).build());

  @Test
  void remoteSocketsAreSnapshotsActingThroughTheAdapter() {
    io.onConnection(s -> s.data().put("name", "local"));
    FakeEngineSocket conn = Fixture.connect(io);
    adapter.get().remote.add(new SocketDetails("far", null, Set.of("far", "r"), Map.of("name", "remote")));

    List<RemoteSocket> all = await(io.fetchSockets());
    assertEquals(2, all.size());
    assertInstanceOf(Socket.class, all.get(0));
    assertEquals("local", all.get(0).data().get("name"));
    assertSame(io.of("/").sockets().get(all.get(0).id()), all.get(0));
    RemoteSocket far = all.get(1);
    assertEquals("far", far.id());
    assertEquals(Set.of("far", "r"), far.rooms());
    assertEquals("remote", far.data().get("name"));
    assertNull(far.handshake());

    far.emit("hi", 1).join("a").leave("b").disconnect(true);
    assertEquals(List.of("broadcast [far] [hi, 1]", "join [far] [a]", "leave [far] [b]", "disconnect [far] true"),
        adapter.get().sent);
    conn.assertExhausted(); // nothing of that reached the local socket
  }

  @Test
  void localSocketDetailsCarryHandshakeAndData() {
    io.onConnection(s -> s.data().put("k", "v"));
    Fixture.connect(io);
    SocketDetails d = await(adapter.get().fetchClusterSockets(io.local().options())).get(0);
    assertEquals("v", d.data().get("k"));
    assertEquals(Map.of(), d.handshake().auth());
    assertEquals(Set.of(d.id()), d.rooms());
  }
}
