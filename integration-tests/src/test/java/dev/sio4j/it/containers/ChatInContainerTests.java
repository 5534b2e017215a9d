package dev.sio4j.it.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.it.NodeScript;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample chat WAR, as built, in one real container (started once for the test class): the page and the browser
 * client are served, the official Node and Java clients chat over every transport, and two headless Chromium pages
 * chat with each other. Subclasses say which container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChatInContainerTests {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private DeployedApp app;

  /** Deploys the sample WAR ({@link War#SAMPLE}) and starts the container. */
  abstract DeployedApp start() throws Exception;

  /** A short name for logs and screenshots. */
  abstract String name();

  @BeforeAll
  void startContainer() throws Exception {
    app = start();
  }

  @AfterAll
  void stopContainer() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(app.url().resolve(path)).timeout(Duration.ofSeconds(10));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheChatPageAndTheBrowserClient() throws Exception {
    HttpResponse<String> page = get("");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<title>sio4j chat</title>"), page.body());
    assertEquals(200, get("chat.js").statusCode());

    HttpResponse<String> client = get("socket.io/socket.io.min.js");
    assertEquals(200, client.statusCode());
    assertEquals("application/javascript; charset=utf-8",
        client.headers().firstValue("Content-Type").orElse("").replace(";charset", "; charset"));
    assertEquals("public, max-age=0", client.headers().firstValue("Cache-Control").orElse(null));
    String etag = client.headers().firstValue("ETag").orElseThrow();
    assertTrue(client.body().contains("Socket.IO"), "not the Socket.IO client");

    HttpResponse<String> cached = get("socket.io/socket.io.min.js", "If-None-Match", etag);
    assertEquals(304, cached.statusCode());
    assertEquals(200, get("socket.io/socket.io.esm.min.js.map").statusCode());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void nodeClientsChat(String mode) throws Exception {
    String out = NodeScript.run("chat-" + name() + "-" + mode, "chat-client.mjs", app.url().toString(), mode);
    assertTrue(out.contains("OK " + (mode.equals("polling") ? "polling" : "websocket")), out);
  }

  @Test
  void javaClientsChat() throws Exception {
    String room = "java-" + name();
    try (JavaChatClient ann = JavaChatClient.connect(app.url(), "ann");
        JavaChatClient ben = JavaChatClient.connect(app.url(), "ben")) {
      assertEquals("[\"ann\"]", ann.emitWithAck("join", new JSONObject().put("room", room)).get("online").toString());
      assertEquals("[\"ann\",\"ben\"]",
          ben.emitWithAck("join", new JSONObject().put("room", room)).get("online").toString());
      ann.awaitOnline("[\"ann\",\"ben\"]");

      JSONObject ack = ann.emitWithAck("message", new JSONObject().put("text", "hello from Java"));
      assertTrue(ack.has("time"), ack.toString());
      JSONObject received = ben.nextMessage();
      assertEquals("ann", received.getString("from"));
      assertEquals("hello from Java", received.getString("text"));

      ben.emitWithAck("message", new JSONObject().put("text", "héllo back"));
      assertEquals("héllo back", ann.nextMessage().getString("text"));
    }
  }

  @Test
  void browsersChat() throws Exception {
    Assumptions.assumeFalse(Boolean.getBoolean("sio4j.it.browser.skip"), "sio4j.it.browser.skip=true");
    assertTrue(ChatBrowser.available(), "no " + ChatBrowser.CHROMIUM + " / " + ChatBrowser.CHROMEDRIVER
        + ": apt-get install -y chromium chromium-driver (or -Dsio4j.it.browser.skip=true)");
    String room = "browser-" + name();
    try (ChatBrowser alice = ChatBrowser.join(app.url(), "Alice", room)) {
      alice.awaitOnline(List.of("Alice"));
      try (ChatBrowser bob = ChatBrowser.join(app.url(), "Bob", room)) {
        bob.awaitOnline(List.of("Alice", "Bob"));
        alice.awaitOnline(List.of("Alice", "Bob"));
        alice.send("Hi Bob, from " + name());
        bob.awaitMessage("Alice", "Hi Bob, from " + name());
        bob.send("Hello Alice!");
        alice.awaitMessage("Bob", "Hello Alice!");
        alice.screenshot(name() + "-alice");
        bob.screenshot(name() + "-bob");
      }
      alice.awaitOnline(List.of("Alice"));
    }
  }
}
