package dev.sio4j.it.api;

import static dev.sio4j.it.api.ApiScenarios.TARGETS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.it.Container;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Disconnect reasons on both sides ({@code api-disconnect.mjs}) and the rooms a socket still sees in
 * {@code disconnecting}; the ping timeout with a raw WebSocket client that stops answering pings.
 */
class DisconnectIT {

  private static JsonObject result(Container c, String transport, String scenario) {
    return ApiScenarios.result("api-disconnect.mjs", c, transport, scenario);
  }

  private static void assertReasons(JsonObject r, String client, String... server) {
    assertEquals(client, r.getString("client"), r::toString);
    assertTrue(java.util.List.of(server).contains(r.getString("server")), r::toString);
    assertEquals(2, r.getJsonArray("roomsWhileDisconnecting").size(), "disconnecting sees its room and own id: " + r);
    assertEquals("<own id>", r.getJsonArray("roomsWhileDisconnecting").getString(1));
    assertTrue(r.getJsonArray("roomsAfter").isEmpty(), r::toString);
    assertTrue(r.getBoolean("roomGone"), r::toString);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void clientNamespaceDisconnect(Container c, String transport) {
    assertReasons(result(c, transport, "clientNamespaceDisconnect"), "io client disconnect",
        "client namespace disconnect");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void serverNamespaceDisconnect(Container c, String transport) {
    assertReasons(result(c, transport, "serverNamespaceDisconnect"), "io server disconnect",
        "server namespace disconnect");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void serverDisconnectWithClose(Container c, String transport) {
    assertReasons(result(c, transport, "serverDisconnectWithClose"), "io server disconnect",
        "server namespace disconnect");
    assertEquals("[\"io server disconnect\",\"io server disconnect\"]",
        result(c, transport, "serverCloseDisconnectsEveryNamespaceOfTheConnection").getJsonArray("reasons")
            .toString());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void transportClosedByTheClient(Container c, String transport) {
    assertReasons(result(c, transport, "clientClosesTransport"), "forced close", "transport close");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void transportClosedByTheServer(Container c, String transport) {
    // Node says "forced close"; sio4j's engine decides the reason when the close packet is written, so the client
    // closing its end first on seeing it makes it "transport close" (a known engine race, see the report)
    assertReasons(result(c, transport, "serverClosesTransport"), "transport close", "forced close",
        "transport close");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void leavingOneNamespaceKeepsTheConnection(Container c, String transport) {
    assertEquals("{\"server\":\"client namespace disconnect\",\"mainStillWorks\":true,\"engineOpen\":\"open\"}",
        result(c, transport, "leavingOneNamespaceKeepsTheOthers").toString());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Container.class)
  void pingTimeoutWhenTheClientStopsAnsweringPings(Container c) throws Exception {
    // /fastping/: pingInterval 300 ms, pingTimeout 200 ms; this client connects to "/" and never answers a ping
    String url = ApiServers.baseUrl(c).replace("http:", "ws:") + "/fastping/?EIO=4&transport=websocket";
    CompletableFuture<String> socketId = new CompletableFuture<>();
    CompletableFuture<Void> firstPing = new CompletableFuture<>();
    WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url),
        new WebSocket.Listener() {
          private final StringBuilder text = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              String message = text.toString();
              text.setLength(0);
              if (message.startsWith("0{")) {
                webSocket.sendText("40", true);
              } else if (message.startsWith("40{")) {
                try (var reader = Json.createReader(new StringReader(message.substring(2)))) {
                  socketId.complete(reader.readObject().getString("sid"));
                }
              } else if (message.equals("2")) {
                firstPing.complete(null); // and never answer "3"
              }
            }
            webSocket.request(1);
            return null;
          }
        }).get(20, TimeUnit.SECONDS);
    try {
      String id = socketId.get(20, TimeUnit.SECONDS);
      firstPing.get(20, TimeUnit.SECONDS);
      assertEquals("ping timeout", ApiServers.app(c).disconnection(id).get(20, TimeUnit.SECONDS).reason());
    } finally {
      ws.abort();
    }
  }
}
