package dev.sio4j.redis;

import static dev.sio4j.redis.ClusterNode.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.sio4j.socket.RemoteSocket;
import dev.sio4j.socket.Socket;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sharded pub/sub (Redis 7): a Java node on embedded Jetty with {@link ShardedRedisAdapter} (dynamic mode) and a
 * Node.js node with {@code createShardedAdapter}, an official {@code socket.io-client} on each ({@code ja} on Java,
 * {@code node} on Node), both in room {@code r} (which has a channel of its own in dynamic mode).
 */
class ShardedInteropTest {

  private static RedisServer redis;
  private static JettyNode java;
  private static NodePeer peer;
  private static String ja;

  @BeforeAll
  static void start() throws Exception {
    redis = RedisServer.start();
    java = new JettyNode(redis.uri(), RedisAdapterOptions.builder().key("sharded")
        .requestsTimeout(Duration.ofSeconds(5)).sharded(ShardedSubscriptionMode.DYNAMIC).build());
    peer = new NodePeer(redis.uri(), "sharded", 2, true);
    ja = peer.connect("ja", java.url(), "{\"room\":\"r\",\"name\":\"ja\"}", null);
    await(adapter().roomReady("r"));
  }

  private static ShardedRedisAdapter adapter() {
    return java.redis.shardedAdapter("/");
  }

  @AfterAll
  static void stop() throws Exception {
    Resources.closeAll(peer, java, redis);
  }

  @Test
  void broadcastsCrossBothWays() {
    assertEquals(2, await(java.io.of("/").adapter().serverCount()));
    java.io.to("r").emit("room-from-java", 1);   // on the room's own channel
    java.io.emit("all-from-java", Map.of("a", 2)); // on the namespace channel
    assertEquals("[1]", peer.clientEvent("node", "room-from-java").getJsonArray("args").toString());
    assertEquals("[{\"a\":2}]", peer.clientEvent("node", "all-from-java").getJsonArray("args").toString());

    peer.send("{\"cmd\":\"emit\",\"room\":\"r\",\"event\":\"room-from-node\",\"args\":[\"x\"]}");
    assertEquals("[\"x\"]", peer.clientEvent("ja", "room-from-node").getJsonArray("args").toString());
    peer.send("{\"cmd\":\"emitBinary\"}");
    assertEquals("[{\"buffer\":[1,2,3]}]", peer.clientEvent("ja", "bin").getJsonArray("args").toString());
  }

  @Test
  void fetchSocketsAndRemoteJoinBothWays() {
    Map<String, RemoteSocket> all = await(java.io.fetchSockets()).stream()
        .collect(Collectors.toMap(RemoteSocket::id, s -> s));
    assertEquals(Set.of(ja, peer.clientId), all.keySet());
    assertInstanceOf(Socket.class, all.get(ja));
    RemoteSocket onNode = all.get(peer.clientId);
    assertEquals("nodeclient", onNode.data().get("name"));
    assertEquals("nodeclient", onNode.handshake().auth().get("name"));

    // the join and the fetch request leave this node on one connection, so Node answers after joining
    onNode.join("vip");
    assertEquals(List.of(peer.clientId), await(java.io.in("vip").fetchSockets()).stream().map(RemoteSocket::id)
        .toList());

    peer.send("{\"cmd\":\"fetch\",\"room\":\"r\"}");
    JsonObject javaSide = peer.next("fetch").getJsonArray("sockets").getValuesAs(JsonObject.class).stream()
        .filter(s -> s.getString("id").equals(ja)).findFirst().orElseThrow();
    assertEquals("ja", javaSide.getJsonObject("data").getString("name"));
    assertEquals("ja", javaSide.getJsonObject("auth").getString("name"));
  }

  @Test
  void serverSideEmitsWithAcksBothWays() {
    java.io.onServerSideEmit("census", (args, ack) -> ack.send("java:" + args.get(0)));
    peer.send("{\"cmd\":\"serverSideEmitWithAck\",\"event\":\"census\",\"args\":[\"q\"]}");
    assertEquals("[\"java:q\"]", peer.next("serverSideAcks").getJsonArray("responses").toString());

    assertEquals(List.of("node-answer"), await(java.io.serverSideEmitWithAck("ping-from-java", 1)));
    assertEquals("[1]", peer.next("server-side").getJsonArray("args").toString());
  }

  @Test
  void broadcastWithAcksCollectsTheClientsOfBothNodes() {
    List<Object> answers = await(java.io.timeout(Duration.ofSeconds(10)).emitWithAck("ask"));
    assertEquals(Set.of("ja-ack", "node-ack"), Set.copyOf(answers));

    peer.send("{\"cmd\":\"emitWithAck\",\"event\":\"ask2\",\"args\":[]}");
    assertEquals(Set.of("\"ja-ack\"", "\"node-ack\""), peer.next("acks").getJsonArray("responses").stream()
        .map(Object::toString).collect(Collectors.toSet()));
  }
}
