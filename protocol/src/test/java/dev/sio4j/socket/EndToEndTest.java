package dev.sio4j.socket;

import static dev.sio4j.socket.Fixture.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.engine.EngineRequest;
import dev.sio4j.engine.transport.HttpResponse;
import dev.sio4j.engine.transport.WebSocketHandler;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real {@link SocketIoServer} on a real engine, driven through the transport SPI with recording doubles. */
class EndToEndTest {

  private static final Pattern OPEN = Pattern.compile("^0\\{\"sid\":\"([^\"]+)\".*");

  private SocketIoServer io;
  private final CompletableFuture<String> disconnectReason = new CompletableFuture<>();

  @BeforeEach
  void setUp() {
    io = new SocketIoServer(SocketIoOptions.defaults());
    io.onConnection(socket -> {
      socket.on("message", (args, ack) -> socket.emit("message-back", args.toArray()));
      socket.on("message-with-ack", (args, ack) -> ack.send(args.toArray()));
      socket.onDisconnect(reason -> disconnectReason.complete(reason.text()));
    });
  }

  @AfterEach
  void tearDown() {
    io.close();
  }

  private static EngineRequest request(String method, String query) {
    return request(method, query, Map.of());
  }

  private static EngineRequest request(String method, String query, Map<String, List<String>> headers) {
    Map<String, List<String>> params = new java.util.LinkedHashMap<>();
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(kv[0], List.of(kv[1]));
    }
    return new EngineRequest(method, "/socket.io/?" + query, params, headers, "127.0.0.1", false, Map.of());
  }

  private WebSocketHandler openWebSocket(RecordingWebSocketChannel channel) {
    WebSocketHandler handler = io.engine().handleWebSocket(request("GET", "EIO=4&transport=websocket"), channel);
    assertTrue(OPEN.matcher(channel.nextText()).matches());
    handler.onText("40");
    Fixture.sidOf(channel.nextText().substring(1));
    return handler;
  }

  @Test
  void webSocketConnectEventAndAck() {
    RecordingWebSocketChannel channel = new RecordingWebSocketChannel();
    WebSocketHandler handler = openWebSocket(channel);
    handler.onText("42[\"message\",1,\"two\",{\"three\":true}]");
    assertEquals("42[\"message-back\",1,\"two\",{\"three\":true}]", channel.nextText());
    handler.onText("4213[\"message-with-ack\",\"a\"]");
    assertEquals("4313[\"a\"]", channel.nextText());
  }

  @Test
  void webSocketBinaryBothWays() {
    RecordingWebSocketChannel channel = new RecordingWebSocketChannel();
    WebSocketHandler handler = openWebSocket(channel);
    handler.onText("451-[\"message\",{\"_placeholder\":true,\"num\":0}]");
    handler.onBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}));
    assertEquals("451-[\"message-back\",{\"_placeholder\":true,\"num\":0}]", channel.nextText());
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) channel.next());
  }

  @Test
  void webSocketServerEmitWithAck() {
    CompletableFuture<java.util.concurrent.CompletionStage<List<Object>>> reply = new CompletableFuture<>();
    io.onConnection(socket -> reply.complete(socket.emitWithAck("ping")));
    RecordingWebSocketChannel channel = new RecordingWebSocketChannel();
    WebSocketHandler handler = openWebSocket(channel);
    assertEquals("420[\"ping\"]", channel.nextText());
    handler.onText("430[\"pong\"]");
    assertEquals(List.of("pong"), await(await(reply)));
  }

  @Test
  void webSocketDisconnects() {
    RecordingWebSocketChannel channel = new RecordingWebSocketChannel();
    WebSocketHandler handler = openWebSocket(channel);
    handler.onText("41");
    assertEquals("client namespace disconnect", await(disconnectReason));

    RecordingWebSocketChannel other = new RecordingWebSocketChannel();
    CompletableFuture<String> closeReason = new CompletableFuture<>();
    io.onConnection(s -> s.onDisconnect(r -> closeReason.complete(r.text())));
    WebSocketHandler second = openWebSocket(other);
    second.onClose(1001, "going away");
    assertEquals("transport close", await(closeReason));
  }

  @Test
  void serverDisconnectWithCloseClosesTheWebSocket() {
    io.onConnection(s -> s.on("bye", (args, ack) -> s.disconnect(true)));
    RecordingWebSocketChannel channel = new RecordingWebSocketChannel();
    WebSocketHandler handler = openWebSocket(channel);
    handler.onText("42[\"bye\"]");
    assertEquals("41", channel.nextText());
    assertEquals("server namespace disconnect", await(disconnectReason));
    await(channel.closed);
  }

  @Test
  void connectionStateRecoveryAcrossWebSockets() {
    io.close();
    io = new SocketIoServer(SocketIoOptions.builder().connectionStateRecovery(ConnectionStateRecovery.defaults())
        .build());
    io.onConnection(s -> s.join("news"));
    RecordingWebSocketChannel first = new RecordingWebSocketChannel();
    WebSocketHandler handler = io.engine().handleWebSocket(request("GET", "EIO=4&transport=websocket"), first);
    first.nextText();
    handler.onText("40");
    Matcher ids = Pattern.compile("^40\\{\"sid\":\"([^\"]+)\",\"pid\":\"([^\"]+)\"}$").matcher(first.nextText());
    assertTrue(ids.matches());
    io.to("news").emit("one");
    String event = first.nextText();
    String offset = event.substring(event.lastIndexOf(",\"") + 2, event.length() - 2);
    handler.onClose(1006, "abnormal");
    io.to("news").emit("two");

    RecordingWebSocketChannel second = new RecordingWebSocketChannel();
    WebSocketHandler again = io.engine().handleWebSocket(request("GET", "EIO=4&transport=websocket"), second);
    second.nextText();
    again.onText("40{\"pid\":\"" + ids.group(2) + "\",\"offset\":\"" + offset + "\"}");
    assertTrue(second.nextText().startsWith("40{\"sid\":\"" + ids.group(1) + "\""));
    assertTrue(second.nextText().startsWith("42[\"two\",\""));
  }

  @Test
  void pollingConnectEventAndBinary() {
    String sid = pollingOpen();
    assertEquals("ok", post(sid, "40"));
    Fixture.sidOf(poll(sid).substring(1));
    assertEquals("ok", post(sid, "42[\"message\",\"hi\"]\u001e451-[\"message\",{\"_placeholder\":true,\"num\":0}]"
        + "\u001ebAQID"));
    String payload = poll(sid);
    assertTrue(payload.startsWith("42[\"message-back\",\"hi\"]"), payload);
    String rest = payload.contains("\u001e451-") ? payload : poll(sid);
    assertTrue(rest.contains("451-[\"message-back\",{\"_placeholder\":true,\"num\":0}]\u001ebAQID"), rest);
  }

  @Test
  void pollingResponsesMadeOfCompressFalsePacketsAreNotCompressed() {
    String big = "x".repeat(2000); // over the default httpCompressionThreshold (1024)
    io.onConnection(socket -> {
      socket.on("plain", (args, ack) -> socket.compress(false).emit("big", big));
      socket.on("plain-broadcast", (args, ack) -> io.compress(false).emit("big", big));
      socket.on("default", (args, ack) -> socket.emit("big", big));
    });
    String sid = pollingOpen();
    assertEquals("ok", post(sid, "40"));
    Fixture.sidOf(poll(sid).substring(1));
    for (String event : List.of("plain", "plain-broadcast", "default")) {
      assertEquals("ok", post(sid, "42[\"" + event + "\"]"));
      HttpResponse response = send(request("GET", "EIO=4&transport=polling&sid=" + sid,
          Map.of("accept-encoding", List.of("gzip"))), "");
      String encoding = response.headers().get("Content-Encoding");
      assertEquals(event.equals("default") ? "gzip" : null, encoding, event);
    }
  }

  private String pollingOpen() {
    Matcher m = OPEN.matcher(body(send("GET", "EIO=4&transport=polling", "")));
    assertTrue(m.matches());
    return m.group(1);
  }

  private String post(String sid, String body) {
    return body(send("POST", "EIO=4&transport=polling&sid=" + sid, body));
  }

  private String poll(String sid) {
    return body(send("GET", "EIO=4&transport=polling&sid=" + sid, ""));
  }

  private HttpResponse send(String method, String query, String body) {
    return send(request(method, query), body);
  }

  private HttpResponse send(EngineRequest request, String body) {
    RecordingPollingExchange exchange = new RecordingPollingExchange(request, body.getBytes(StandardCharsets.UTF_8));
    io.engine().handlePolling(exchange);
    HttpResponse response = await(exchange.response);
    assertEquals(200, response.status(), () -> new String(response.body(), StandardCharsets.UTF_8));
    return response;
  }

  private static String body(HttpResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
