package dev.sio4j.redis;

import static dev.sio4j.redis.ClusterNode.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.redis.ClusterNode.Client;
import dev.sio4j.socket.RemoteSocket;
import dev.sio4j.socket.Socket;
import dev.sio4j.socket.adapter.BroadcastOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two and three Java nodes joined through a real redis-server. */
class RedisAdapterClusterTest {

  private static final AtomicInteger KEYS = new AtomicInteger();
  private static RedisServer redis;
  private final List<ClusterNode> nodes = new ArrayList<>();
  private final String key = "test" + KEYS.incrementAndGet();

  @BeforeAll
  static void startRedis() {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  @AfterEach
  void closeNodes() {
    nodes.forEach(ClusterNode::close);
  }

  private ClusterNode node() {
    return node(Duration.ofSeconds(5));
  }

  private ClusterNode node(Duration requestsTimeout) {
    ClusterNode n = new ClusterNode(redis.uri(), key, requestsTimeout);
    nodes.add(n);
    return n;
  }

  /** Proves nothing else is queued for {@code c}: a broadcast marker must be the next message. */
  private static void assertNextIsMarker(ClusterNode from, Client c) {
    from.io.emit("marker");
    assertEquals("2[\"marker\"]", c.conn().await("2"));
  }

  @Test
  void roomBroadcastOnOneNodeReachesMembersOnTheOthers() {
    ClusterNode a = node();
    ClusterNode b = node();
    ClusterNode c = node();
    Client a1 = a.connect("{\"room\":\"r\"}");
    Client b1 = b.connect("{\"room\":\"r\"}");
    Client b2 = b.connect(null);
    Client c1 = c.connect("{\"room\":\"r\"}");

    a.io.to("r").emit("hello", 1, "two", Map.of("three", 3));

    String expected = "2[\"hello\",1,\"two\",{\"three\":3}]";
    assertEquals(expected, a1.conn().await("2"));
    assertEquals(expected, b1.conn().await("2"));
    assertEquals(expected, c1.conn().await("2"));
    assertNextIsMarker(a, b2);
  }

  @Test
  void binaryPayloadCrossesNodes() {
    ClusterNode a = node();
    ClusterNode b = node();
    Client b1 = b.connect(null);
    a.io.emit("bin", new byte[] {1, 2, 3});
    assertEquals("51-[\"bin\",{\"_placeholder\":true,\"num\":0}]", b1.conn().await("51"));
  }

  @Test
  void exceptAndLocalAreHonouredAcrossNodes() {
    ClusterNode a = node();
    ClusterNode b = node();
    Client a1 = a.connect(null);
    Client b1 = b.connect("{\"room\":\"muted\"}");
    Client b2 = b.connect(null);

    a.io.except("muted").emit("news");
    assertEquals("2[\"news\"]", b2.conn().await("2"));
    assertNextIsMarker(a, b1);

    a.io.local().emit("local-only");
    assertEquals("2[\"local-only\"]", a1.conn().await("2[\"local"));
    assertNextIsMarker(a, b2);

    // socket.broadcast on B: every socket but the sender, on every node
    b.io.of("/").sockets().get(b1.sid()).broadcast().emit("from-b1");
    assertEquals("2[\"from-b1\"]", a1.conn().await("2[\"from"));
    assertEquals("2[\"from-b1\"]", b2.conn().await("2[\"from"));
    assertNextIsMarker(a, b1);
  }

  @Test
  void fetchSocketsAndAllRoomsSeeEveryNode() {
    ClusterNode a = node();
    ClusterNode b = node();
    Client a1 = a.connect("{\"room\":\"r\",\"name\":\"alice\"}");
    Client b1 = b.connect("{\"room\":\"r\",\"name\":\"bob\"}");
    b.connect("{\"room\":\"other\"}");

    assertEquals(2, await(a.adapter().serverCount()));
    List<RemoteSocket> inR = await(a.io.in("r").fetchSockets());
    Map<String, RemoteSocket> byId = inR.stream().collect(Collectors.toMap(RemoteSocket::id, s -> s));
    assertEquals(Set.of(a1.sid(), b1.sid()), byId.keySet());
    RemoteSocket bob = byId.get(b1.sid());
    assertEquals(Set.of(b1.sid(), "r"), bob.rooms());
    assertEquals("bob", bob.data().get("name"));
    assertNotNull(bob.handshake());
    assertEquals("bob", bob.handshake().auth().get("name"));
    assertEquals("test", bob.handshake().queryParam("node"));
    assertInstanceOf(Socket.class, byId.get(a1.sid()));
    bob.emit("direct", 1);
    assertEquals("2[\"direct\",1]", b1.conn().await("2[\"direct"));

    assertEquals(3, await(a.adapter().fetchClusterSockets(BroadcastOptions.all())).size());
    Set<String> rooms = await(b.adapter().allRooms());
    assertTrue(rooms.containsAll(Set.of("r", "other", a1.sid(), b1.sid())), rooms::toString);
  }

  @Test
  void socketsJoinLeaveAndDisconnectActOnOtherNodes() {
    ClusterNode a = node();
    ClusterNode b = node();
    Client a1 = a.connect("{\"room\":\"r\"}");
    Client b1 = b.connect("{\"room\":\"r\"}");
    Client b2 = b.connect(null);

    a.io.in("r").socketsJoin("joined");
    // requests and broadcasts share the order of one Redis connection, so this emit arrives after the join
    a.io.to("joined").emit("welcome");
    assertEquals("2[\"welcome\"]", a1.conn().await("2"));
    assertEquals("2[\"welcome\"]", b1.conn().await("2"));
    assertNextIsMarker(a, b2);

    a.io.in("joined").socketsLeave("joined");
    a.io.to("joined").emit("gone");
    assertNextIsMarker(a, b1);

    a.io.in("r").disconnectSockets(true);
    assertTrue(b1.conn().await("1").startsWith("1"));
    assertNextIsMarker(a, b2);
  }

  @Test
  void serverSideEmitReachesOtherNodesAndCollectsAcks() throws Exception {
    ClusterNode a = node();
    ClusterNode b = node();
    ClusterNode c = node();
    CompletableFuture<List<Object>> seenByB = new CompletableFuture<>();
    b.io.onServerSideEmit("ping", (args, ack) -> seenByB.complete(args));
    b.io.onServerSideEmit("question", (args, ack) -> ack.send("b-answer"));
    c.io.onServerSideEmit("question", (args, ack) -> ack.send(Map.of("from", "c")));
    a.adapter().serverSideEmit(List.of("ping", 42));
    assertEquals(List.of(42), seenByB.get(10, TimeUnit.SECONDS));

    List<Object> answers = await(a.adapter().serverSideEmitWithAck(new ArrayList<>(List.of("question"))));
    assertEquals(2, answers.size());
    assertTrue(answers.contains("b-answer"));
    assertTrue(answers.contains(Map.of("from", "c")));
  }

  /**
   * An Error thrown by application code run for a Redis message (here a server-side emit handler) must not reach
   * Lettuce's event loop, where it would end the subscription: the node keeps receiving every later message.
   */
  @Test
  void anErrorInAMessageHandlerKeepsTheNodeSubscribed() throws Exception {
    ClusterNode a = node();
    ClusterNode b = node();
    java.util.List<java.util.logging.LogRecord> lettuce = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Logger lettuceLog = java.util.logging.Logger.getLogger("io.lettuce");
    java.util.logging.Handler capture = new java.util.logging.Handler() {
      @Override public void publish(java.util.logging.LogRecord r) { lettuce.add(r); }
      @Override public void flush() {}
      @Override public void close() {}
    };
    lettuceLog.addHandler(capture);
    try {
      errorInHandler(a, b);
    } finally {
      lettuceLog.removeHandler(capture);
    }
    assertTrue(lettuce.stream().noneMatch(r -> r.getThrown() instanceof AssertionError),
        () -> "the Error reached Lettuce's event loop: " + lettuce.stream().map(r -> r.getMessage()).toList());
  }

  private static void errorInHandler(ClusterNode a, ClusterNode b) throws Exception {
    java.util.concurrent.BlockingQueue<Object> seen = new java.util.concurrent.LinkedBlockingQueue<>();
    b.io.onServerSideEmit("boom", (args, ack) -> {
      seen.add("boom");
      throw new AssertionError("an application bug");
    });
    b.io.onServerSideEmit("ping", (args, ack) -> seen.add(args.get(0)));
    for (int i = 0; i < 3; i++) {
      a.adapter().serverSideEmit(List.of("boom"));
      a.adapter().serverSideEmit(List.of("ping", i));
      assertEquals("boom", seen.poll(10, TimeUnit.SECONDS));
      assertEquals(i, ((Number) seen.poll(10, TimeUnit.SECONDS)).intValue(), "message after the Error");
    }
    b.io.onServerSideEmit("question", (args, ack) -> ack.send("still here"));
    assertEquals(List.of("still here"), await(a.adapter().serverSideEmitWithAck(new ArrayList<>(List.of("question")))));
  }

  @Test
  void broadcastWithAcksCollectsAnswersFromEveryNode() {
    ClusterNode a = node();
    ClusterNode b = node();
    Client a1 = a.connect("{\"room\":\"r\"}");
    Client b1 = b.connect("{\"room\":\"r\"}");
    CompletableFuture<List<Object>> answers =
        a.io.to("r").timeout(Duration.ofSeconds(10)).emitWithAck("ask", 1).toCompletableFuture();
    // each client answers the ack id it was given: "3<id>[...]"
    for (Client c : List.of(a1, b1)) {
      String asked = c.conn().await("2");
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("^2(\\d+)\\[\"ask\",1]$").matcher(asked);
      assertTrue(m.matches(), asked);
      c.conn().receive("3" + m.group(1) + "[\"" + c.sid() + "\"]");
    }
    assertEquals(Set.of(a1.sid(), b1.sid()), Set.copyOf(await(answers)));
  }

  @Test
  void serverSideEmitThroughTheSocketLayer() {
    ClusterNode a = node();
    ClusterNode b = node();
    b.io.onServerSideEmit("ping", (args, ack) -> ack.send("pong:" + args.get(0)));
    assertEquals(List.of("pong:7"), await(a.io.serverSideEmitWithAck("ping", 7)));
  }

  @Test
  void aSilentNodeMakesRequestsTimeOutInsteadOfHanging() {
    ClusterNode a = node(Duration.ofMillis(500));
    // a "node" that is subscribed (so it is counted) but never answers, like one that died mid-request
    try (var lettuce = io.lettuce.core.RedisClient.create(redis.uri());
        var mute = lettuce.connectPubSub()) {
      mute.sync().subscribe(key + "-request#/#");
      Throwable e = failure(a.adapter().fetchClusterSockets(BroadcastOptions.all()));
      assertInstanceOf(ClusterRequestException.class, e);
      assertEquals("timeout reached while waiting for fetchSockets response", e.getMessage());
      e = failure(a.adapter().allRooms());
      assertEquals("timeout reached while waiting for allRooms response", e.getMessage());
      e = failure(a.adapter().serverSideEmitWithAck(new ArrayList<>(List.of("q"))));
      assertEquals("timeout reached: only 0 responses received out of 1", e.getMessage());
    }
  }

  @Test
  void redisOutageKeepsLocalDeliveryFailsRequestsAndRecovers() {
    RedisServer own = RedisServer.start();
    try {
      ClusterNode a = new ClusterNode(own.uri(), key, Duration.ofMillis(500));
      nodes.add(a);
      ClusterNode b = new ClusterNode(own.uri(), key, Duration.ofMillis(500));
      nodes.add(b);
      Client a1 = a.connect(null);
      Client b1 = b.connect(null);

      own.stop();
      a.io.emit("still-here");
      assertEquals("2[\"still-here\"]", a1.conn().await("2"));
      Throwable e = failure(a.adapter().fetchClusterSockets(BroadcastOptions.all()));
      assertInstanceOf(ClusterRequestException.class, e);
      assertTrue(e.getMessage().startsWith("Redis unavailable"), e.getMessage());

      own.launch();
      // Lettuce reconnects (with back-off) and subscribes again by itself; retry until B hears A
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      boolean heard = false;
      while (!heard && System.nanoTime() < end) {
        a.io.emit("back");
        String s = b1.conn().poll(1);
        heard = "2[\"back\"]".equals(s);
      }
      assertTrue(heard, "B never heard A after Redis came back");
    } finally {
      own.close();
    }
  }

  private static Throwable failure(CompletableFuture<?> f) {
    try {
      f.get(30, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
