package dev.sio4j.redis;

import static dev.sio4j.redis.ClusterNode.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

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
 * The Redis adapter on the standalone runtime: a standalone (Netty) node, an embedded Jetty node and a Node.js node
 * on one redis-server, with official {@code socket.io-client@4} clients: {@code js} on the standalone node over
 * WebSocket, {@code jp} on it over polling only, {@code ja} on Jetty (polling upgraded to WebSocket) and the Node
 * peer's own client, all in room {@code r}.
 */
class StandaloneRedisTest {

  private static RedisServer redis;
  private static StandaloneNode s;
  private static JettyNode a;
  private static NodePeer peer;
  private static String js;
  private static String jp;
  private static String ja;

  @BeforeAll
  static void start() throws Exception {
    redis = RedisServer.start();
    s = new StandaloneNode(redis.uri(), "standalone");
    a = new JettyNode(redis.uri(), "standalone");
    peer = new NodePeer(redis.uri(), "standalone", 3);
    js = peer.connect("js", s.url(), "{\"room\":\"r\",\"name\":\"js\"}", "[\"websocket\"]");
    jp = peer.connect("jp", s.url(), "{\"room\":\"r\",\"name\":\"jp\"}", "[\"polling\"]");
    ja = peer.connect("ja", a.url(), "{\"room\":\"r\",\"name\":\"ja\"}", null);
  }

  @AfterAll
  static void stop() throws Exception {
    Resources.closeAll(peer, a, s, redis);
  }

  @Test
  void aRoomBroadcastFromTheStandaloneNodeReachesTheClientsOfEveryNode() {
    s.io.to("r").emit("from-s", 1, Map.of("k", "v"));
    for (String client : List.of("js", "jp", "ja", "node")) {
      assertEquals("[1,{\"k\":\"v\"}]", peer.clientEvent(client, "from-s").getJsonArray("args").toString(), client);
    }
  }

  @Test
  void broadcastsFromJettyAndFromNodeReachTheStandaloneNodesClients() {
    a.io.to("r").emit("from-a", "x");
    peer.send("{\"cmd\":\"emit\",\"room\":\"r\",\"event\":\"from-node\",\"args\":[[true,null]]}");
    for (String client : List.of("js", "jp")) {
      assertEquals("[\"x\"]", peer.clientEvent(client, "from-a").getJsonArray("args").toString(), client);
      assertEquals("[[true,null]]", peer.clientEvent(client, "from-node").getJsonArray("args").toString(), client);
    }
  }

  @Test
  void fetchSocketsOnTheStandaloneNodeSeesEveryNodeAndARemoteJoinTakes() {
    Map<String, RemoteSocket> all = await(s.io.in("r").fetchSockets()).stream()
        .collect(Collectors.toMap(RemoteSocket::id, x -> x));
    assertEquals(Set.of(js, jp, ja, peer.clientId), all.keySet());
    assertInstanceOf(Socket.class, all.get(js));
    assertEquals("ja", all.get(ja).data().get("name"));
    // the join request and the broadcast leave the standalone node on one Redis connection, in this order
    all.get(ja).join("vip-s");
    s.io.to("vip-s").emit("vip-news");
    peer.clientEvent("ja", "vip-news");
  }

  @Test
  void serverSideEmitsFromTheNodeNodeReachTheStandaloneNode() {
    s.io.onServerSideEmit("census-s", (args, ack) -> ack.send("s:" + args.get(0)));
    a.io.onServerSideEmit("census-s", (args, ack) -> ack.send("a:" + args.get(0)));
    peer.send("{\"cmd\":\"serverSideEmitWithAck\",\"event\":\"census-s\",\"args\":[\"q\"]}");
    JsonObject acks = peer.next("serverSideAcks");
    assertEquals(Set.of("\"s:q\"", "\"a:q\""),
        acks.getJsonArray("responses").stream().map(Object::toString).collect(Collectors.toSet()));
  }
}
