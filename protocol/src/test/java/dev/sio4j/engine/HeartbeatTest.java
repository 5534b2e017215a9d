package dev.sio4j.engine;

import static dev.sio4j.engine.EngineFixture.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sio4j.engine.EngineFixture.Connections;
import dev.sio4j.engine.EngineFixture.RecordingPollingExchange;
import dev.sio4j.engine.EngineFixture.RecordingWebSocketChannel;
import dev.sio4j.engine.transport.WebSocketHandler;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

  private EngineServer server;

  @AfterEach
  void closeServer() {
    server.close();
  }

  @Test
  void pingsAndKeepsTheSessionWhilePongsArrive() {
    server = new EngineServer(EngineOptions.builder().pingInterval(Duration.ofMillis(50))
        .pingTimeout(Duration.ofSeconds(30)).build());
    RecordingWebSocketChannel ch = new RecordingWebSocketChannel();
    WebSocketHandler handler = server.handleWebSocket(request("GET", "EIO=4&transport=websocket"), ch);
    ch.nextText(); // open
    for (int i = 0; i < 3; i++) {
      assertEquals("2", ch.nextText());
      handler.onText("3");
    }
    assertEquals(1, server.clientsCount());
  }

  @Test
  void closesWithPingTimeoutWhenNoPongArrives() {
    server = new EngineServer(EngineOptions.builder().pingInterval(Duration.ofMillis(50))
        .pingTimeout(Duration.ofMillis(100)).build());
    Connections connections = new Connections(server);
    String sid = EngineFixture.pollingHandshake(server);
    EngineSocket socket = connections.next();
    RecordingPollingExchange poll = EngineFixture.poll(server, sid);
    assertEquals("2", poll.bodyText());
    assertSame(DisconnectReason.PING_TIMEOUT, connections.listener(socket).awaitClose());
    assertEquals(0, server.clientsCount());
  }
}
