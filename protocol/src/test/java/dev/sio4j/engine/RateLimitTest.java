package dev.sio4j.engine;

import static dev.sio4j.engine.EngineFixture.quietOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.engine.EngineFixture.Connections;
import dev.sio4j.engine.EngineFixture.RecordingPollingExchange;
import dev.sio4j.engine.EngineFixture.RecordingWebSocketChannel;
import dev.sio4j.engine.transport.WebSocketHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rate limits of {@link EngineOptions} as the server applies them: per-address handshakes and inbound rate. */
class RateLimitTest {

  private EngineServer server;

  @AfterEach
  void closeServer() {
    if (server != null) {
      server.close();
    }
  }

  private static EngineRequest from(String address, String method, String query) {
    return new EngineRequest(method, "/engine.io/?" + query, Map.of("EIO", List.of("4"), "transport",
        List.of(query.contains("websocket") ? "websocket" : "polling")), Map.of(), address, false, Map.of());
  }

  private static RecordingPollingExchange handshake(String address) {
    return new RecordingPollingExchange(from(address, "GET", "EIO=4&transport=polling"), null);
  }

  private static RecordingPollingExchange post(String sid, String payload) {
    EngineRequest r = EngineFixture.request("POST", "EIO=4&transport=polling&sid=" + sid);
    return new RecordingPollingExchange(r, payload.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aHandshakeFloodFromOneAddressGets429WhileAnotherAddressConnects() {
    server = new EngineServer(quietOptions().maxHandshakesPerAddress(3).handshakeWindow(Duration.ofHours(1)).build());
    for (int i = 0; i < 3; i++) {
      RecordingPollingExchange ok = handshake("10.0.0.1");
      server.handlePolling(ok);
      assertEquals(200, ok.response().status());
    }
    for (int i = 0; i < 20; i++) {
      RecordingPollingExchange refused = handshake("10.0.0.1");
      server.handlePolling(refused);
      assertEquals(429, refused.response().status());
      assertEquals("{\"code\":4,\"message\":\"Too many handshakes\"}", refused.bodyText());
    }
    RecordingPollingExchange other = handshake("10.0.0.2");
    server.handlePolling(other);
    assertEquals(200, other.response().status());
    assertEquals(4, server.clientsCount());
  }

  @Test
  void sessionsPerAddressAreFreedWhenASessionCloses() {
    server = new EngineServer(quietOptions().maxSessionsPerAddress(1).build());
    Connections connections = new Connections(server);
    RecordingPollingExchange first = handshake("10.0.0.1");
    server.handlePolling(first);
    assertEquals(200, first.response().status());
    EngineSocket socket = connections.next();

    RecordingPollingExchange second = handshake("10.0.0.1");
    server.handlePolling(second);
    assertEquals(429, second.response().status());
    assertEquals("{\"code\":4,\"message\":\"Too many sessions from this address\"}", second.bodyText());

    RecordingChannelHandshake ws = new RecordingChannelHandshake("10.0.0.1");
    ws.attach(server);
    assertEquals(1008, ws.channel.awaitClose(), "a WebSocket handshake counts against the same address");

    server.handlePolling(post(socket.id(), "1")); // the client leaves
    connections.listener(socket).awaitClose();
    assertEquals(0, server.clientsCount());
    RecordingPollingExchange third = handshake("10.0.0.1");
    server.handlePolling(third);
    assertEquals(200, third.response().status());
  }

  @Test
  void aSessionFloodingPacketsIsClosedWithTransportErrorWhileAnotherKeepsWorking() {
    server = new EngineServer(quietOptions().maxInboundPacketsPerSecond(1).inboundPacketBurst(5).build());
    Connections connections = new Connections(server);
    String flooder = EngineFixture.pollingHandshake(server);
    EngineSocket flooding = connections.next();
    String calm = EngineFixture.pollingHandshake(server);
    EngineSocket working = connections.next();

    server.handlePolling(post(flooder, String.join("\u001e", java.util.Collections.nCopies(50, "4flood"))));
    EngineFixture.RecordingListener l = connections.listener(flooding);
    assertEquals(DisconnectReason.TRANSPORT_ERROR, l.awaitClose());
    long delivered = l.events.stream().filter(e -> e.equals("message:flood")).count();
    assertTrue(delivered >= 5 && delivered < 50, "delivered " + delivered);

    EngineFixture.postOk(server, calm, "4hello");
    assertEquals("message:hello", connections.listener(working).next());
    assertEquals(1, server.clientsCount());
  }

  @Test
  void aWebSocketFloodingPacketsIsClosed() {
    server = new EngineServer(quietOptions().maxInboundPacketsPerSecond(1).inboundPacketBurst(2).build());
    Connections connections = new Connections(server);
    RecordingChannelHandshake ws = new RecordingChannelHandshake("10.0.0.1");
    WebSocketHandler handler = ws.attach(server);
    EngineSocket socket = connections.next();
    for (int i = 0; i < 20 && socket.readyState() == EngineSocket.ReadyState.OPEN; i++) {
      handler.onText("4flood");
    }
    assertEquals(DisconnectReason.TRANSPORT_ERROR, connections.listener(socket).awaitClose());
    assertEquals(0, server.clientsCount());
  }

  @Test
  void optionsRejectNegativeLimitsWithTheirName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EngineOptions.builder().maxInboundPacketsPerSecond(-1).build());
    assertTrue(e.getMessage().contains("maxInboundPacketsPerSecond"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> EngineOptions.builder().maxTrackedAddresses(0).build());
    assertTrue(e.getMessage().contains("maxTrackedAddresses"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> EngineOptions.builder().handshakeWindow(Duration.ZERO).build());
    assertTrue(e.getMessage().contains("handshakeWindow"), e.getMessage());
    EngineOptions d = EngineOptions.defaults();
    assertEquals(0, d.maxHandshakesPerAddress() + d.maxSessionsPerAddress() + d.maxInboundPacketsPerSecond());
  }

  /** A WebSocket handshake (no sid) from one address, on a recording channel. */
  private static final class RecordingChannelHandshake {
    final RecordingWebSocketChannel channel = new RecordingWebSocketChannel();
    final EngineRequest request;

    RecordingChannelHandshake(String address) {
      request = from(address, "GET", "EIO=4&transport=websocket");
    }

    WebSocketHandler attach(EngineServer server) {
      return server.handleWebSocket(request, channel);
    }
  }
}
