package dev.sio4j.socket.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.socket.parser.EncodedPacket;
import dev.sio4j.socket.parser.PacketEncoder;
import dev.sio4j.socket.parser.SocketPacket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionAwareAdapterTest {

  private final AtomicLong now = new AtomicLong();
  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
  private final List<String> written = new CopyOnWriteArrayList<>();
  private final SessionAwareAdapter adapter =
      new SessionAwareAdapter(new FakeNamespace(), Duration.ofSeconds(10), 3, 1 << 20, 2, now::get);

  @BeforeEach
  void listener() {
    adapter.addAll("w", Set.of("w", "r", "other")); // a recipient, so each broadcast shows its offset
  }

  @AfterEach
  void tearDown() {
    adapter.close();
    timer.shutdownNow();
  }

  private String broadcast(String event, Set<String> rooms) {
    adapter.broadcast(SocketPacket.event("/", List.of(event), null),
        new BroadcastOptions(rooms, Set.of(), BroadcastFlags.NONE));
    String text = written.remove(written.size() - 1);
    return text.substring(text.lastIndexOf(",\"") + 2, text.length() - 2);
  }

  private Session session(String pid, String... rooms) {
    return new Session("sid-" + pid, pid, Set.of(rooms), Map.of("k", pid), List.of());
  }

  private Session restore(String pid, String offset) {
    return adapter.restoreSession(pid, offset).toCompletableFuture().join();
  }

  @Test
  void returnsPacketsAfterTheOffsetForTheSessionsRooms() {
    adapter.addAll("s1", Set.of("s1", "r"));
    String offset = broadcast("a", Set.of());
    adapter.delAll("s1");
    adapter.persistSession(session("p", "s1", "r"));
    broadcast("b", Set.of("r"));
    broadcast("c", Set.of("other"));
    Session s = restore("p", offset);
    assertNotNull(s);
    assertEquals(1, s.missedPackets().size());
    assertEquals("b", s.missedPackets().get(0).get(0));
    assertEquals(Map.of("k", "p"), s.data());
  }

  @Test
  void theReplayBufferIsBoundedInBytes() {
    // each kept packet is 2["<1,000 x>","<offset>"], 1,009 characters: a 4,000-byte bound keeps three of them
    SessionAwareAdapter small = new SessionAwareAdapter(new FakeNamespace(), Duration.ofSeconds(10), 1_000, 4_000,
        2, now::get);
    small.addAll("w", Set.of("w"));
    String big = "x".repeat(1_000);
    for (int i = 0; i < 10; i++) {
      small.broadcast(SocketPacket.event("/", List.of(big), null), new BroadcastOptions(Set.of(), Set.of(),
          BroadcastFlags.NONE));
    }
    assertEquals(3, small.bufferedPackets());
    assertTrue(small.bufferedBytes() <= 4_000, () -> small.bufferedBytes() + " bytes kept");
    // the oldest offsets are gone: a session that missed them is not recovered (rather than silently losing them)
    small.persistSession(session("p", "s1"));
    assertNull(small.restoreSession("p", "0").toCompletableFuture().join());
    small.close();
  }

  @Test
  void aPacketBiggerThanTheWholeBoundIsNotKept() {
    SessionAwareAdapter small = new SessionAwareAdapter(new FakeNamespace(), Duration.ofSeconds(10), 1_000, 100,
        2, now::get);
    small.broadcast(SocketPacket.event("/", List.of("x".repeat(200)), null), new BroadcastOptions(Set.of(),
        Set.of(), BroadcastFlags.NONE));
    assertEquals(0, small.bufferedPackets());
    assertEquals(0, small.bufferedBytes());
    small.close();
  }

  @Test
  void missedPacketsSinceAnOffsetAreThoseTheSessionsRoomsGot() {
    String first = broadcast("a", Set.of());
    broadcast("b", Set.of("r"));
    broadcast("c", Set.of("other"));
    List<List<Object>> since = adapter.missedPacketsSince(session("p", "s1", "r"), first).toCompletableFuture()
        .join();
    assertEquals(List.of("b"), since.stream().map(p -> p.get(0)).toList());
    assertNull(adapter.missedPacketsSince(session("p", "r"), "zz").toCompletableFuture().join());
  }

  @Test
  void expiredSessionsAreNotRestored() {
    String offset = broadcast("a", Set.of());
    adapter.persistSession(session("p"));
    now.addAndGet(Duration.ofSeconds(11).toNanos());
    assertNull(restore("p", offset));
  }

  @Test
  void cleanupDropsExpiredSessionsAndPackets() {
    broadcast("a", Set.of());
    adapter.persistSession(session("p"));
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    broadcast("b", Set.of());
    adapter.persistSession(session("q"));
    now.addAndGet(Duration.ofSeconds(6).toNanos());
    adapter.removeExpired();
    assertEquals(1, adapter.storedSessions());
    assertEquals(1, adapter.bufferedPackets());
  }

  @Test
  void packetsAndSessionsAreBounded() {
    String first = broadcast("1", Set.of());
    String second = broadcast("2", Set.of());
    broadcast("3", Set.of());
    broadcast("4", Set.of());
    assertEquals(3, adapter.bufferedPackets());
    adapter.persistSession(session("a"));
    adapter.persistSession(session("b"));
    adapter.persistSession(session("c"));
    assertEquals(2, adapter.storedSessions());
    assertNull(restore("a", second), "oldest session dropped");
    assertNull(restore("b", first), "offset no longer kept");
    assertEquals(List.of("3", "4"), restore("c", second).missedPackets().stream().map(p -> p.get(0)).toList());
  }

  @Test
  void cleanerRunsOnTheSharedTimer() {
    adapter.init();
    assertEquals(1, timer.getQueue().size());
    adapter.close();
    timer.purge();
    assertEquals(0, timer.getQueue().size());
  }

  private final class FakeNamespace implements AdapterNamespace {
    private final PacketEncoder encoder = new PacketEncoder();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public String name() {
      return "/";
    }

    @Override
    public PacketEncoder encoder() {
      return encoder;
    }

    @Override
    public AdapterSocket socket(String id) {
      return new AdapterSocket() {
        @Override
        public String id() {
          return id;
        }

        @Override
        public void write(EncodedPacket packet, BroadcastFlags flags) {
          written.add(packet.text());
        }

        @Override
        public boolean writeWithAck(SocketPacket packet, EncodedPacket encoded, BroadcastFlags flags,
            Consumer<List<Object>> onAck) {
          return false;
        }

        @Override
        public void disconnect(boolean close) {}
      };
    }

    @Override
    public long nextAckId() {
      return ids.getAndIncrement();
    }

    @Override
    public ScheduledExecutorService timer() {
      return timer;
    }
  }
}
