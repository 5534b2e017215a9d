package dev.sio4j.redis;

import static dev.sio4j.redis.ClusterNode.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.redis.ClusterNode.Client;
import dev.sio4j.socket.adapter.BroadcastFlags;
import dev.sio4j.socket.adapter.BroadcastOptions;
import dev.sio4j.socket.adapter.SocketDetails;
import dev.sio4j.socket.parser.SocketPacket;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A mixed cluster: one Java node and one Node.js node ({@code socket.io} 4.8.4 + {@code @socket.io/redis-adapter}
 * 8.x, plus {@code @socket.io/redis-emitter}) on one redis-server. Proves the wire format both ways.
 */
class NodeInteropTest {

  private static RedisServer redis;
  private static ClusterNode java;
  private static NodePeer node;
  private static Client alice;

  @BeforeAll
  static void start() throws Exception {
    redis = RedisServer.start();
    java = new ClusterNode(redis.uri(), "mixed", Duration.ofSeconds(5));
    node = new NodePeer(redis.uri(), "mixed");
    alice = java.connect("{\"room\":\"r\",\"name\":\"alice\"}");
  }

  @AfterAll
  static void stop() throws Exception {
    Resources.closeAll(node, java, redis);
  }

  @Test
  void nodeRoomBroadcastReachesJavaSockets() {
    node.send("{\"cmd\":\"emit\",\"room\":\"r\",\"event\":\"from-node\",\"args\":[1,{\"a\":\"b\"},[true,null]]}");
    assertEquals("2[\"from-node\",1,{\"a\":\"b\"},[true,null]]", alice.conn().await("2[\"from-node"));
  }

  @Test
  void emitterMessagesReachJavaSockets() {
    node.send("{\"cmd\":\"emitter\",\"room\":\"r\",\"event\":\"from-emitter\",\"args\":[\"x\",2.5]}");
    assertEquals("2[\"from-emitter\",\"x\",2.5]", alice.conn().await("2[\"from-emitter"));
  }

  @Test
  void binaryCrossesBothWays() {
    node.send("{\"cmd\":\"emitBinary\"}");
    assertEquals("51-[\"bin\",{\"_placeholder\":true,\"num\":0}]", alice.conn().await("51-[\"bin\""));
    java.io.emit("jbin", (Object) new byte[] {7, 8});
    JsonObject ev = node.clientEvent("jbin");
    assertEquals("[{\"buffer\":[7,8]}]", ev.getJsonArray("args").toString());
  }

  @Test
  void javaBroadcastReachesNodeClients() {
    java.io.to("r").emit("from-java", 7, Map.of("x", List.of(1, 2)));
    JsonObject ev = node.clientEvent("from-java");
    assertEquals("[7,{\"x\":[1,2]}]", ev.getJsonArray("args").toString());
    java.io.except("r").emit("not-for-r");
    java.io.emit("after");
    node.clientEvent("after"); // "not-for-r" was not delivered before it
  }

  @Test
  void fetchSocketsBothWays() {
    List<SocketDetails> all = await(java.adapter().fetchClusterSockets(
        new BroadcastOptions(Set.of("r"), Set.of(), BroadcastFlags.NONE)));
    Map<String, SocketDetails> byId = all.stream().collect(Collectors.toMap(SocketDetails::id, s -> s));
    assertTrue(byId.containsKey(alice.sid()));
    SocketDetails nodeClient = byId.get(node.clientId);
    assertEquals("nodeclient", nodeClient.data().get("name"));
    assertTrue(nodeClient.rooms().containsAll(Set.of(node.clientId, "r")), nodeClient.rooms()::toString);
    assertEquals("nodeclient", nodeClient.handshake().auth().get("name"));

    node.send("{\"cmd\":\"fetch\",\"room\":\"r\"}");
    JsonObject fetched = node.next("fetch");
    JsonObject javaSide = fetched.getJsonArray("sockets").getValuesAs(JsonObject.class).stream()
        .filter(s -> s.getString("id").equals(alice.sid())).findFirst().orElseThrow();
    assertEquals("alice", javaSide.getJsonObject("data").getString("name"));
    assertEquals("alice", javaSide.getJsonObject("auth").getString("name"));
    assertTrue(javaSide.getJsonArray("rooms").contains(Json("r")));
  }

  private static JsonValue Json(String s) {
    return jakarta.json.Json.createValue(s);
  }

  @Test
  void allRoomsAndServerCountBothWays() {
    assertEquals(2, await(java.adapter().serverCount()));
    assertTrue(await(java.adapter().allRooms()).containsAll(Set.of("r", node.clientId, alice.sid())));
    node.send("{\"cmd\":\"allRooms\"}");
    assertTrue(node.next("allRooms").getJsonArray("rooms").contains(Json(alice.sid())));
  }

  @Test
  void socketsJoinFromNodeAndEmitterActOnJavaSockets() {
    node.send("{\"cmd\":\"socketsJoin\",\"room\":\"r\",\"join\":\"vip\"}");
    node.send("{\"cmd\":\"emit\",\"room\":\"vip\",\"event\":\"vip-news\",\"args\":[]}");
    assertEquals("2[\"vip-news\"]", alice.conn().await("2[\"vip"));
    assertTrue(java.io.of("/").sockets().get(alice.sid()).rooms().contains("vip"));

    node.send("{\"cmd\":\"emitterJoin\",\"room\":\"r\",\"join\":\"emitted\"}");
    node.send("{\"cmd\":\"emitter\",\"room\":\"emitted\",\"event\":\"emitted-news\",\"args\":[]}");
    assertEquals("2[\"emitted-news\"]", alice.conn().await("2[\"emitted"));
  }

  @Test
  void serverSideEmitBothWaysWithAcks() throws Exception {
    CompletableFuture<List<Object>> seen = new CompletableFuture<>();
    List<Object> plain = new CopyOnWriteArrayList<>();
    java.io.onServerSideEmit("from-node", (args, ack) -> plain.add(args));
    java.io.onServerSideEmit("question", (args, ack) -> {
      seen.complete(args);
      ack.send(Map.of("java", true));
    });
    node.send("{\"cmd\":\"serverSideEmitWithAck\",\"event\":\"question\",\"args\":[1]}");
    assertEquals(List.of(1), seen.get(20, TimeUnit.SECONDS));
    assertEquals("[{\"java\":true}]", node.next("serverSideAcks").getJsonArray("responses").toString());

    java.adapter().serverSideEmit(List.of("ping-from-java", "hi"));
    assertEquals("[\"hi\"]", node.next("server-side").getJsonArray("args").toString());
    List<Object> answers = await(java.adapter().serverSideEmitWithAck(new ArrayList<>(List.of("ping-from-java", 2))));
    assertEquals(List.of("node-answer"), answers);
  }

  @Test
  void broadcastWithAcksAcrossTheMix() throws Exception {
    // Java asks: the Node node reports its client count, then forwards its client's acknowledgement
    List<Integer> counts = new CopyOnWriteArrayList<>();
    CompletableFuture<List<Object>> acked = new CompletableFuture<>();
    java.adapter().broadcastWithAck(SocketPacket.event("/", List.of("ask", 1), null),
        new BroadcastOptions(Set.of("r"), Set.of(), BroadcastFlags.NONE.withTimeout(Duration.ofSeconds(5))),
        counts::add, acked::complete);
    assertEquals(List.of("node-ack"), acked.get(20, TimeUnit.SECONDS));
    assertTrue(counts.contains(1), counts::toString);
    assertEquals("[1]", node.clientEvent("ask").getJsonArray("args").toString());

    // Node asks: the Java node reports its count and forwards alice's answer
    node.send("{\"cmd\":\"emitWithAck\",\"event\":\"ask\",\"args\":[]}");
    Pattern asked = Pattern.compile("^2(\\d+)\\[\"ask\"]$");
    Matcher m;
    do {
      m = asked.matcher(alice.conn().await("2"));
    } while (!m.matches());
    alice.conn().receive("3" + m.group(1) + "[\"java-ack\"]");
    JsonObject acks = node.next("acks");
    assertEquals(Set.of("\"node-ack\"", "\"java-ack\""),
        acks.getJsonArray("responses").stream().map(Object::toString).collect(Collectors.toSet()));
  }
}
