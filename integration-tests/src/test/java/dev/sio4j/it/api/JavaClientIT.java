package dev.sio4j.it.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sio4j.it.Container;
import io.socket.client.Ack;
import io.socket.client.AckWithTimeout;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The official Java client ({@code io.socket:socket.io-client} 2.1.2) against {@link ApiApp}: acknowledgements both
 * ways, binary nested in objects, a room broadcast, a namespace middleware error with data, a server-side disconnect.
 */
class JavaClientIT {

  private static final long WAIT = 20;
  private final List<Socket> opened = new ArrayList<>();

  @AfterEach
  void closeClients() {
    opened.forEach(Socket::close);
  }

  private Socket connect(Container c, String transport, String nsp, Map<String, String> auth) throws Exception {
    IO.Options o = new IO.Options();
    o.forceNew = true;
    o.reconnection = false;
    o.transports = new String[] {transport};
    o.auth = auth;
    Socket s = IO.socket(URI.create(ApiServers.baseUrl(c) + nsp), o);
    opened.add(s);
    return s;
  }

  private Socket connected(Container c, String transport) throws Exception {
    Socket s = connect(c, transport, "/", Map.of());
    CompletableFuture<Object> welcome = new CompletableFuture<>();
    s.on("welcome", args -> welcome.complete(args[0]));
    s.connect();
    welcome.get(WAIT, TimeUnit.SECONDS);
    return s;
  }

  private static Object[] command(Socket s, String name, JSONObject cmd) throws Exception {
    CompletableFuture<Object[]> answer = new CompletableFuture<>();
    s.emit(name, new Object[] {cmd}, (Ack) answer::complete);
    return answer.get(WAIT, TimeUnit.SECONDS);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"JETTY,websocket", "JETTY,polling", "TOMCAT,websocket", "STANDALONE,websocket", "STANDALONE,polling"})
  void acksBinaryRoomsMiddlewareAndDisconnect(Container c, String transport) throws Exception {
    Socket a = connected(c, transport);
    Socket b = connected(c, transport);

    // client → server ack, with binary nested in an object
    CompletableFuture<Object[]> echoed = new CompletableFuture<>();
    a.emit("echo", new Object[] {1, new JSONObject().put("bin", new byte[] {1, 2})}, new AckWithTimeout(WAIT * 1000) {
      @Override
      public void onSuccess(Object... args) {
        echoed.complete(args);
      }

      @Override
      public void onTimeout() {
        echoed.completeExceptionally(new AssertionError("no ack"));
      }
    });
    Object[] answer = echoed.get(WAIT, TimeUnit.SECONDS);
    assertEquals(1, answer[0]);
    assertArrayEquals(new byte[] {1, 2}, (byte[]) ((JSONObject) answer[1]).get("bin"));

    // server → client ack
    a.on("question", args -> ((Ack) args[args.length - 1]).call((Integer) args[0] + (Integer) args[1]));
    Object[] serverAck = command(a, "server-ack", new JSONObject().put("event", "question")
        .put("args", new JSONArray().put(2).put(3)).put("timeoutMs", WAIT * 1000));
    assertEquals("{\"responses\":[5]}", serverAck[0].toString());

    // room broadcast from a to b
    String room = "java-" + System.nanoTime();
    command(b, "join", new JSONObject().put("rooms", new JSONArray().put(room)));
    CompletableFuture<Object> news = new CompletableFuture<>();
    b.on("news", args -> news.complete(args[0]));
    command(a, "emit", new JSONObject().put("base", "socket").put("ops", new JSONArray().put(new JSONArray()
        .put("to").put(room))).put("event", "news").put("args", new JSONArray().put("hello")));
    assertEquals("hello", news.get(WAIT, TimeUnit.SECONDS));

    // namespace middleware error with data
    Socket guarded = connect(c, transport, "/guarded", Map.of("token", "wrong"));
    CompletableFuture<Object> refused = new CompletableFuture<>();
    guarded.on(Socket.EVENT_CONNECT_ERROR, args -> refused.complete(args[0]));
    guarded.connect();
    JSONObject error = (JSONObject) refused.get(WAIT, TimeUnit.SECONDS);
    assertEquals("not authorized", error.getString("message"));
    assertEquals(4001, error.getJSONObject("data").getInt("code"));

    // server namespace disconnect
    CompletableFuture<Object> reason = new CompletableFuture<>();
    a.on(Socket.EVENT_DISCONNECT, args -> reason.complete(args[0]));
    a.emit("disconnect-me", new JSONObject());
    assertEquals("io server disconnect", reason.get(WAIT, TimeUnit.SECONDS));
  }

  /**
   * A long text event with multi-byte characters (2-, 3- and 4-byte UTF-8, the last as a surrogate pair), some
   * straddling the container's initial per-message buffer (256 on Jetty, see EngineWebSocketEndpoint), arrives intact
   * and is acknowledged back intact.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"JETTY,websocket", "JETTY,polling", "TOMCAT,websocket", "STANDALONE,websocket", "STANDALONE,polling"})
  void longMultiByteTextArrivesIntact(Container c, String transport) throws Exception {
    Socket a = connected(c, transport);
    StringBuilder text = new StringBuilder();
    while (text.length() < 20_000) {
      text.append("x".repeat(text.length() % 7)).append("é€😀");
    }
    String sent = text.toString();
    CompletableFuture<Object[]> echoed = new CompletableFuture<>();
    a.emit("echo", new Object[] {sent}, (Ack) echoed::complete);
    Object[] answer = echoed.get(WAIT, TimeUnit.SECONDS);
    assertEquals(sent.length(), ((String) answer[0]).length());
    assertEquals(sent, answer[0]);
  }

  /**
   * Over polling the Java client's HTTP stack (OkHttp) asks for gzip: large events arrive intact whether the server
   * compresses the response (the default) or not ({@code compress(false)}, on a socket and on a broadcast).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"JETTY", "TOMCAT", "STANDALONE"})
  void largeEventsWithAndWithoutCompressionOverPolling(Container c) throws Exception {
    Socket a = connected(c, "polling");
    String big = "x".repeat(5000); // over the compression threshold (1024 bytes)
    List<Object> got = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture<Void> three = new CompletableFuture<>();
    a.on("big", args -> {
      got.add(args[0] + ":" + ((String) args[1]).length() + ":" + big.equals(args[1]));
      if (got.size() == 3) {
        three.complete(null);
      }
    });
    for (JSONArray ops : List.of(new JSONArray(), new JSONArray().put(new JSONArray().put("compress").put(false)))) {
      command(a, "emit", new JSONObject().put("base", "socket").put("ops", ops).put("event", "big")
          .put("args", new JSONArray().put(ops.length() == 0 ? "default" : "uncompressed").put(big)));
    }
    command(a, "emit", new JSONObject().put("base", "io").put("ops", new JSONArray().put(new JSONArray()
        .put("compress").put(false)).put(new JSONArray().put("to").put(a.id()))).put("event", "big")
        .put("args", new JSONArray().put("broadcast").put(big)));
    try {
      three.get(WAIT, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("got only " + got, e);
    }
    assertEquals(List.of("default:5000:true", "uncompressed:5000:true", "broadcast:5000:true"), got);
  }
}
