package dev.sio4j.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;
import io.socket.engineio.client.Transport;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The official Java client ({@code io.socket:socket.io-client} 2.1.2) against {@code /socket.io/} on each container,
 * over polling, WebSocket and polling → upgrade.
 */
class SocketIoJavaClientIT {

  private static final long TIMEOUT = 20;

  private static IO.Options options(String mode) {
    IO.Options o = new IO.Options();
    o.forceNew = true;
    o.reconnection = false;
    switch (mode) {
      case "polling" -> {
        o.transports = new String[] {"polling"};
        o.upgrade = false;
      }
      case "websocket" -> o.transports = new String[] {"websocket"};
      default -> o.transports = new String[] {"polling", "websocket"};
    }
    return o;
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"JETTY,polling", "JETTY,websocket", "JETTY,upgrade", "TOMCAT,polling", "TOMCAT,websocket",
      "TOMCAT,upgrade", "STANDALONE,polling", "STANDALONE,websocket", "STANDALONE,upgrade"})
  void javaClientExchangesEventsAcksAndBinary(Container c, String mode) throws Exception {
    String url = Servers.baseUrl(c, ConformanceApp.Timing.RELAXED);
    Socket socket = IO.socket(URI.create(url), options(mode));
    List<String> transports = new CopyOnWriteArrayList<>();
    socket.io().on(Manager.EVENT_TRANSPORT, args -> transports.add(((Transport) args[0]).name));
    CompletableFuture<Object> auth = new CompletableFuture<>();
    CompletableFuture<Object[]> back = new CompletableFuture<>();
    CompletableFuture<Object> error = new CompletableFuture<>();
    socket.on("auth", args -> auth.complete(args[0]));
    socket.on("message-back", back::complete);
    socket.on(Socket.EVENT_CONNECT_ERROR, args -> error.complete(args[0]));
    socket.connect();
    try {
      CompletableFuture.anyOf(auth, error).get(TIMEOUT, TimeUnit.SECONDS);
      assertTrue(auth.isDone(), () -> "connect error: " + error.getNow(null));
      assertEquals("{}", auth.get().toString());

      socket.emit("message", 1, "2", new byte[] {1, 2, 3});
      Object[] echoed = back.get(TIMEOUT, TimeUnit.SECONDS);
      assertEquals(1, echoed[0]);
      assertEquals("2", echoed[1]);
      assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) echoed[2]);

      CompletableFuture<Object[]> acked = new CompletableFuture<>();
      socket.emit("message-with-ack", new Object[] {"a", new JSONObject().put("b", 2)}, (Ack) acked::complete);
      Object[] ackArgs = acked.get(TIMEOUT, TimeUnit.SECONDS);
      assertEquals("a", ackArgs[0]);
      assertEquals(2, ((JSONObject) ackArgs[1]).getInt("b"));

      if (mode.equals("upgrade")) {
        assertEquals(List.of("polling", "websocket"), transports.subList(0, 2));
      } else {
        assertEquals(List.of(mode), transports.subList(0, 1));
      }
    } finally {
      socket.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"JETTY", "TOMCAT", "STANDALONE"})
  void customNamespaceGetsAuthAndUnknownNamespaceIsRefused(Container c) throws Exception {
    String url = Servers.baseUrl(c, ConformanceApp.Timing.RELAXED);
    IO.Options o = options("websocket");
    o.auth = java.util.Map.of("token", "abc");
    Socket custom = IO.socket(URI.create(url + "/custom"), o);
    CompletableFuture<Object> auth = new CompletableFuture<>();
    custom.on("auth", args -> auth.complete(args[0]));
    custom.connect();
    Socket invalid = IO.socket(URI.create(url + "/random"), options("websocket"));
    CompletableFuture<Object> refused = new CompletableFuture<>();
    invalid.on(Socket.EVENT_CONNECT_ERROR, args -> refused.complete(args[0]));
    invalid.connect();
    try {
      assertEquals("abc", ((JSONObject) auth.get(TIMEOUT, TimeUnit.SECONDS)).getString("token"));
      assertEquals("Invalid namespace", ((JSONObject) refused.get(TIMEOUT, TimeUnit.SECONDS)).getString("message"));
    } finally {
      custom.close();
      invalid.close();
    }
  }
}
