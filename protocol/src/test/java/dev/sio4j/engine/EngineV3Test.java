package dev.sio4j.engine;

import static dev.sio4j.engine.EngineFixture.get;
import static dev.sio4j.engine.EngineFixture.json;
import static dev.sio4j.engine.EngineFixture.post;
import static dev.sio4j.engine.EngineFixture.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sio4j.engine.EngineFixture.Connections;
import dev.sio4j.engine.EngineFixture.RecordingPollingExchange;
import dev.sio4j.engine.EngineFixture.RecordingWebSocketChannel;
import dev.sio4j.engine.transport.WebSocketHandler;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Engine.IO v3 sessions ({@code allowEIO3}): handshake, the client-driven heartbeat, the v3 framing. */
class EngineV3Test {

  private EngineServer server;

  @AfterEach
  void closeServer() {
    server.close();
  }

  @Test
  void v3IsRefusedByDefault() {
    server = new EngineServer(EngineFixture.quietOptions().build());
    RecordingPollingExchange ex = get("EIO=3&transport=polling");
    server.handlePolling(ex);
    assertEquals(400, ex.response().status());
    assertEquals(0, server.clientsCount());
  }

  @Test
  void aV3PollingClientPingsAndGetsLengthPrefixedPayloads() {
    server = new EngineServer(EngineFixture.quietOptions().allowEIO3(true).build());
    Connections connections = new Connections(server);
    RecordingPollingExchange hs = get("EIO=3&transport=polling");
    server.handlePolling(hs);
    String body = hs.bodyText();
    int colon = body.indexOf(':');
    assertEquals(Integer.parseInt(body.substring(0, colon)), body.length() - colon - 1, body);
    JsonObject open = json(body.substring(colon + 2));
    assertFalse(open.containsKey("maxPayload"), body);
    String sid = open.getString("sid");
    EngineSocket socket = connections.next();
    assertEquals(3, socket.protocol());

    RecordingPollingExchange ping = post("EIO=3&transport=polling&sid=" + sid, "1:26:4hello");
    server.handlePolling(ping);
    assertEquals(200, ping.response().status());
    RecordingPollingExchange poll = get("EIO=3&transport=polling&sid=" + sid);
    server.handlePolling(poll);
    assertEquals("1:3", poll.bodyText());
  }

  @Test
  void aV3WebSocketClientPingsAndTheServerAnswers() {
    server = new EngineServer(EngineFixture.quietOptions().allowEIO3(true).build());
    RecordingWebSocketChannel ch = new RecordingWebSocketChannel();
    WebSocketHandler handler = server.handleWebSocket(request("GET", "EIO=3&transport=websocket"), ch);
    assertFalse(ch.nextText().contains("maxPayload"));
    handler.onText("2");
    assertEquals("3", ch.nextText());
    handler.onText("3"); // a pong from a v3 client is the wrong direction, as Node
    assertEquals(1000, ch.awaitClose());
  }
}
