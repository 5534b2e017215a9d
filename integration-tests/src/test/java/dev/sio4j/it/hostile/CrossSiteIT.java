package dev.sio4j.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sio4j.it.Container;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cross-site WebSocket hijacking: with a CORS allow-list, a WebSocket handshake from another Origin is refused with 403
 * before the upgrade, and polling answers a foreign Origin without {@code Access-Control-Allow-Origin}.
 */
class CrossSiteIT {

  @ParameterizedTest
  @EnumSource(Container.class)
  void foreignOriginWebSocketHandshakeIsRefusedWith403(Container container) throws Exception {
    try (HostileServer server = HostileServer.start(container)) {
      URI uri = URI.create(server.baseUrl().replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket");
      ExecutionException e = assertThrows(ExecutionException.class, () -> Clients.HTTP.newWebSocketBuilder()
          .header("Origin", "http://evil.example")
          .buildAsync(uri, new WebSocket.Listener() {})
          .get(20, TimeUnit.SECONDS));
      WebSocketHandshakeException refused = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
      assertEquals(403, refused.getResponse().statusCode());
      assertEquals(0, server.io.engine().clientsCount());

      WebSocket allowed = Clients.HTTP.newWebSocketBuilder().header("Origin", HostileServer.GOOD_ORIGIN)
          .buildAsync(uri, new WebSocket.Listener() {}).get(20, TimeUnit.SECONDS);
      allowed.abort();
    }
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void foreignOriginPollingGetsNoAllowOrigin(Container container) throws Exception {
    try (HostileServer server = HostileServer.start(container)) {
      HttpResponse<String> foreign = Clients.send(Clients.request(server.baseUrl(), "")
          .header("Origin", "http://evil.example").GET());
      assertEquals(Optional.empty(), foreign.headers().firstValue("Access-Control-Allow-Origin"));
      assertFalse(foreign.body().contains("Exception"));

      HttpResponse<String> good = Clients.send(Clients.request(server.baseUrl(), "")
          .header("Origin", HostileServer.GOOD_ORIGIN).GET());
      assertEquals(Optional.of(HostileServer.GOOD_ORIGIN), good.headers().firstValue("Access-Control-Allow-Origin"));
    }
  }

  /** Issue 16: {@code *} with credentials reflected any Origin; as Node's cors it must answer a literal {@code *}. */
  @ParameterizedTest
  @EnumSource(Container.class)
  void anyOriginWithCredentialsAnswersAStarNeverTheOrigin(Container container) throws Exception {
    try (HostileServer server = HostileServer.start(container, b -> b.cors(
        new dev.sio4j.engine.CorsOptions(java.util.List.of("*"), true, java.util.List.of(), null)))) {
      for (String origin : new String[] {"https://evil.example", "null"}) {
        HttpResponse<String> get = Clients.send(Clients.request(server.baseUrl(), "").header("Origin", origin).GET());
        assertEquals(Optional.of("*"), get.headers().firstValue("Access-Control-Allow-Origin"), origin);
        HttpResponse<String> preflight = Clients.send(Clients.request(server.baseUrl(), "").header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, preflight.statusCode());
        assertEquals(Optional.of("*"), preflight.headers().firstValue("Access-Control-Allow-Origin"), origin);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void theNullOriginIsNotAllowedUnlessListed(Container container) throws Exception {
    try (HostileServer server = HostileServer.start(container)) {
      HttpResponse<String> r = Clients.send(Clients.request(server.baseUrl(), "").header("Origin", "null").GET());
      assertEquals(Optional.empty(), r.headers().firstValue("Access-Control-Allow-Origin"));
    }
  }
}
