package dev.sio4j.redis;

import static dev.sio4j.redis.ClusterNode.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.socket.RemoteSocket;
import dev.sio4j.socket.Socket;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end with official clients: two Java nodes on embedded Jetty and one Node.js node ({@code socket.io} +
 * {@code @socket.io/redis-adapter}) on one redis-server, with a {@code socket.io-client@4} connected to each (client
 * {@code ja} to Java node A over polling upgraded to WebSocket, {@code jb} to Java node B over WebSocket only, and
 * the Node peer's own client {@code node}), all in room {@code r}.
 */
class RealClientsTest {

  private static RedisServer redis;
  private static JettyNode a;
  private static JettyNode b;
  private static NodePeer peer;
  private static String ja;
  private static String jb;

  @BeforeAll
  static void start() throws Exception {
    redis = RedisServer.start();
    a = new JettyNode(redis.uri(), "real");
    b = new JettyNode(redis.uri(), "real");
    peer = new NodePeer(redis.uri(), "real", 3);
    ja = peer.connect("ja", a.url(), "{\"room\":\"r\",\"name\":\"ja\"}", null);
    jb = peer.connect("jb", b.url(), "{\"room\":\"r\",\"name\":\"jb\"}", "[\"websocket\"]");
  }

  @AfterAll
  static void stop() throws Exception {
    Resources.closeAll(peer, a, b, redis);
  }

  @Test
  void aRoomBroadcastFromAJavaNodeReachesTheClientsOfEveryNode() {
    a.io.to("r").emit("from-a", 1, Map.of("k", "v"));
    for (String client : List.of("ja", "jb", "node")) {
      assertEquals("[1,{\"k\":\"v\"}]", peer.clientEvent(client, "from-a").getJsonArray("args").toString(), client);
    }
  }

  @Test
  void aRoomBroadcastFromTheNodeNodeReachesTheClientsOfTheJavaNodes() {
    peer.send("{\"cmd\":\"emit\",\"room\":\"r\",\"event\":\"from-node\",\"args\":[\"x\",[true,null]]}");
    for (String client : List.of("ja", "jb", "node")) {
      assertEquals("[\"x\",[true,null]]", peer.clientEvent(client, "from-node").getJsonArray("args").toString());
    }
  }

  @Test
  void fetchSocketsOnAJavaNodeSeesTheClientsOfEveryNodeAndActsOnThem() {
    Map<String, RemoteSocket> all = await(a.io.in("r").fetchSockets()).stream()
        .collect(Collectors.toMap(RemoteSocket::id, s -> s));
    assertEquals(Set.of(ja, jb, peer.clientId), all.keySet());
    assertInstanceOf(Socket.class, all.get(ja));
    assertEquals("jb", all.get(jb).data().get("name"));

    RemoteSocket onNode = all.get(peer.clientId);
    assertEquals("nodeclient", onNode.data().get("name"));
    assertNotNull(onNode.handshake());
    assertEquals("nodeclient", onNode.handshake().auth().get("name"));
    assertEquals("4", onNode.handshake().queryParam("EIO"));
    assertTrue(onNode.rooms().containsAll(Set.of(peer.clientId, "r")), onNode.rooms()::toString);

    onNode.emit("direct", 42);
    assertEquals("[42]", peer.clientEvent("node", "direct").getJsonArray("args").toString());
    // the join request and the broadcast leave node A on one Redis connection, so they arrive in this order
    onNode.join("vip");
    a.io.to("vip").emit("vip-news");
    peer.clientEvent("node", "vip-news");
  }

  @Test
  void anEmitterMessageReachesAClientOfAJavaNode() {
    peer.send("{\"cmd\":\"emitter\",\"room\":\"r\",\"event\":\"from-emitter\",\"args\":[2.5]}");
    assertEquals("[2.5]", peer.clientEvent("ja", "from-emitter").getJsonArray("args").toString());
    assertEquals("[2.5]", peer.clientEvent("jb", "from-emitter").getJsonArray("args").toString());
  }

  @Test
  void serverSideEmitsFromTheNodeNodeReachTheHandlersOfBothJavaNodes() {
    a.io.onServerSideEmit("census", (args, ack) -> ack.send("a:" + args.get(0)));
    b.io.onServerSideEmit("census", (args, ack) -> ack.send("b:" + args.get(0)));
    peer.send("{\"cmd\":\"serverSideEmitWithAck\",\"event\":\"census\",\"args\":[\"q\"]}");
    JsonObject acks = peer.next("serverSideAcks");
    assertEquals(Set.of("\"a:q\"", "\"b:q\""),
        acks.getJsonArray("responses").stream().map(Object::toString).collect(Collectors.toSet()));
  }
}
