package dev.sio4j.standalone;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.engine.EngineOptions;
import dev.sio4j.engine.EngineServer;
import dev.sio4j.engine.EngineSocketListener;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real server on a free port, driven by the JDK's HTTP and WebSocket clients and by raw sockets. */
class StandaloneServerTest {

  private EngineServer engine;
  private StandaloneServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    engine = new EngineServer(EngineOptions.builder().path("/engine.io/").maxHttpBufferSize(1000).build());
    engine.onConnection(socket -> socket.addListener(new EngineSocketListener() {
      @Override
      public void onMessage(String text) {
        socket.send(text);
      }
    }));
    server = StandaloneServer.listen(engine, new InetSocketAddress("127.0.0.1", 0));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String base() {
    return "http://127.0.0.1:" + server.port();
  }

  @Test
  void answersOtherPathsWithNotImplementedAsEngineIoListenDoes() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/other")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(501, r.statusCode());
    assertEquals("Not Implemented", r.body());
  }

  @Test
  void keepsThePollingConnectionOpenBetweenRequests() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      OutputStream out = s.getOutputStream();
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), UTF_8));
      out.write(("GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(UTF_8));
      String open = readBody(in);
      assertTrue(open.startsWith("0{\"sid\":\""), open);
      String sid = open.substring(9, open.indexOf('"', 9));
      String body = "4hello";
      out.write(("POST /engine.io/?EIO=4&transport=polling&sid=" + sid + " HTTP/1.1\r\nHost: x\r\nContent-Length: "
          + body.length() + "\r\nContent-Type: text/plain\r\n\r\n" + body).getBytes(UTF_8));
      assertEquals("ok", readBody(in));
      out.write(("GET /engine.io/?EIO=4&transport=polling&sid=" + sid + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(UTF_8));
      assertEquals("4hello", readBody(in)); // three requests, one connection
    }
  }

  @Test
  void refusesAnOversizedBodyWith413() throws Exception {
    String open = http.send(HttpRequest.newBuilder(URI.create(base() + "/engine.io/?EIO=4&transport=polling")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String sid = open.substring(9, open.indexOf('"', 9));
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
        URI.create(base() + "/engine.io/?EIO=4&transport=polling&sid=" + sid))
        .POST(HttpRequest.BodyPublishers.ofString("4" + "x".repeat(2000))).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(413, r.statusCode());
  }

  @Test
  void echoesOverWebSocket() throws Exception {
    WebSocketRecorder rec = new WebSocketRecorder();
    WebSocket ws = http.newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/engine.io/?EIO=4&transport=websocket"), rec)
        .get(10, TimeUnit.SECONDS);
    assertTrue(rec.next().startsWith("0{\"sid\":"));
    ws.sendText("4héllo", true);
    assertEquals("4héllo", rec.next());
    ws.sendClose(1000, "");
  }

  @Test
  void refusesABadWebSocketHandshakeWithItsHttpError() throws Exception {
    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () ->
        http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.port()
            + "/engine.io/?EIO=4&transport=websocket&sid=nope"), new WebSocketRecorder()).get(10, TimeUnit.SECONDS));
    WebSocketHandshakeException refused = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
    assertEquals(400, refused.getResponse().statusCode());
    assertEquals("{\"code\":1,\"message\":\"Session ID unknown\"}", refused.getResponse().body());
  }

  @Test
  void closingTheServerClosesItsWebSocketsWithACloseFrame() throws Exception {
    WebSocketRecorder rec = new WebSocketRecorder();
    http.newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/engine.io/?EIO=4&transport=websocket"), rec)
        .get(10, TimeUnit.SECONDS);
    rec.next();
    server.close();
    assertEquals(1000, rec.closed.get(10, TimeUnit.SECONDS));
  }

  @Test
  void closesAConnectionThatSendsNothingWithinTheIdleTimeout() throws Exception {
    try (StandaloneServer idle = StandaloneServer.builder().serve(new EngineServer(EngineOptions.defaults()))
        .host("127.0.0.1").idleTimeout(java.time.Duration.ofMillis(200)).start();
        Socket s = new Socket("127.0.0.1", idle.port())) {
      s.setSoTimeout(20_000); // a bound for the test only: the server closes after 200 ms
      assertEquals(-1, s.getInputStream().read());
    }
  }

  /** Reads one response with a Content-Length body, returns the body. */
  private static String readBody(BufferedReader in) throws Exception {
    int length = -1;
    String line;
    while (!(line = in.readLine()).isEmpty()) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    char[] body = new char[length];
    int n = 0;
    while (n < length) {
      n += in.read(body, n, length - n);
    }
    return new String(body);
  }
}
