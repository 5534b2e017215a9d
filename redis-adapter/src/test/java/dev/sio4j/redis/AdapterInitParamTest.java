package dev.sio4j.redis;

import static dev.sio4j.redis.ClusterNode.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.socket.RemoteSocket;
import dev.sio4j.socket.adapter.AdapterProvider;
import io.lettuce.core.RedisClient;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code sio4j.adapter=redis} + {@code sio4j.redis.uri} as context init-params: two Java nodes made by the servlet
 * transport's automatic registration (no adapter code in the application) on one redis-server share their sockets
 * and broadcasts, seen by official socket.io-client instances.
 */
class AdapterInitParamTest {

  @Test
  void twoNodesConfiguredByInitParamsOnlyShareBroadcastsAndSockets() throws Exception {
    try (RedisServer redis = RedisServer.start();
        JettyNode a = JettyNode.fromInitParams(params(redis.uri()));
        JettyNode b = JettyNode.fromInitParams(params(redis.uri()));
        NodePeer peer = new NodePeer(redis.uri(), "by-init-params", 3)) {
      String onA = peer.connect("ca", a.url(), "{\"room\":\"r\",\"name\":\"ca\"}", null);
      String onB = peer.connect("cb", b.url(), "{\"room\":\"r\",\"name\":\"cb\"}", "[\"websocket\"]");

      Set<String> seenFromA = await(a.io.in("r").fetchSockets()).stream().map(RemoteSocket::id)
          .collect(Collectors.toSet());
      assertTrue(seenFromA.containsAll(Set.of(onA, onB)), seenFromA::toString);

      a.io.to("r").emit("hello", "from-a");
      assertEquals("[\"from-a\"]", peer.clientEvent("cb", "hello").getJsonArray("args").toString());
      assertEquals("[\"from-a\"]", peer.clientEvent("ca", "hello").getJsonArray("args").toString());

      // stopping a node's context closes its Redis connections: it no longer subscribes to the request channel
      RedisClient client = RedisClient.create(redis.uri());
      try (var connection = client.connect()) {
        String requests = "by-init-params-request#/#";
        assertEquals(3L, connection.sync().pubsubNumsub(requests).get(requests));
        b.close();
        // Redis drops the subscription when it sees the connection close: asked again until then (bounded)
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        long subscribers;
        do {
          subscribers = connection.sync().pubsubNumsub(requests).get(requests);
        } while (subscribers != 2 && System.nanoTime() < deadline);
        assertEquals(2L, subscribers);
      } finally {
        client.shutdown();
      }
    }
  }

  @Test
  void withoutAUriTheDeploymentFailsNamingTheParameter() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RedisAdapterProvider().create(name -> null));
    assertTrue(e.getMessage().contains("sio4j.redis.uri is required"), e.getMessage());
  }

  @Test
  void anUnknownAdapterNameListsTheProvidersFound() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AdapterProvider.find("rabbit", getClass().getClassLoader()));
    assertEquals("no adapter named 'rabbit' on the class path (found: [redis]; sio4j-redis-adapter provides"
        + " 'redis')", e.getMessage());
  }

  @Test
  void settingsAreReadAndCheckedByName() {
    Map<String, String> s = Map.of("sio4j.redis.key", "k", "sio4j.redis.requestsTimeout", "PT2S",
        "sio4j.redis.sharded", "dynamic_private", "sio4j.redis.publishOnSpecificResponseChannel", "true");
    RedisAdapterOptions o = RedisAdapterProvider.options(s::get);
    assertEquals("k", o.key());
    assertEquals(java.time.Duration.ofSeconds(2), o.requestsTimeout());
    assertEquals(ShardedSubscriptionMode.DYNAMIC_PRIVATE, o.sharded());
    assertTrue(o.publishOnSpecificResponseChannel());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RedisAdapterProvider.options(Map.of("sio4j.redis.sharded", "sideways")::get));
    assertTrue(e.getMessage().startsWith("sio4j.redis.sharded='sideways'"), e.getMessage());
  }

  private static Map<String, String> params(String uri) {
    return Map.of("sio4j.adapter", "redis", "sio4j.redis.uri", uri, "sio4j.redis.key", "by-init-params");
  }
}
