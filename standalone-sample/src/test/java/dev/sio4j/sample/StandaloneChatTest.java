package dev.sio4j.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.standalone.StandaloneServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The page, the browser client and a 404 beside them; the chat itself is tested end to end in integration-tests. */
class StandaloneChatTest {

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(StandaloneServer server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesThePageTheBrowserClientAndNothingElse() throws Exception {
    try (StandaloneServer server = StandaloneChat.start("127.0.0.1", 0)) {
      HttpResponse<String> page = get(server, "/");
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("<title>sio4j chat</title>"), page.body());
      assertEquals(200, get(server, "/chat.js").statusCode());
      HttpResponse<String> client = get(server, "/socket.io/socket.io.min.js");
      assertEquals(200, client.statusCode());
      assertTrue(client.body().contains("Socket.IO"));
      assertEquals(404, get(server, "/WEB-INF/web.xml").statusCode());
      assertTrue(get(server, "/socket.io/?EIO=4&transport=polling").body().startsWith("0{\"sid\":"));
    }
  }
}
