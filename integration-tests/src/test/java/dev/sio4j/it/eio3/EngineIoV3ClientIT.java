package dev.sio4j.it.eio3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.engine.EngineOptions;
import dev.sio4j.it.Container;
import dev.sio4j.it.EmbeddedServer;
import dev.sio4j.it.NodeScript;
import dev.sio4j.socket.SocketIoOptions;
import dev.sio4j.socket.SocketIoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official socket.io-client 2.5.0 (Engine.IO v3, the Socket.IO v4 protocol of old apps) against a server with
 * {@code allowEIO3} on every runtime, over polling, WebSocket and polling upgraded to WebSocket, beside a 4.8 client
 * in the same room ({@code eio3-client.mjs}); without {@code allowEIO3} the v3 handshake is refused as in Node.
 */
class EngineIoV3ClientIT {

  static Stream<Arguments> targets() {
    return Stream.of(Container.values()).flatMap(c -> Stream.of(
        Arguments.of(c, "[\"polling\"]", "polling"),
        Arguments.of(c, "[\"websocket\"]", "websocket"),
        Arguments.of(c, "[\"polling\",\"websocket\"]", "websocket")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void aVersion2ClientTalksWithTheServerAndWithVersion4Clients(Container c, String transports, String finalTransport)
      throws Exception {
    SocketIoServer io = server(true);
    EmbeddedServer server = c.serve("127.0.0.1", 0, mount -> mount.serve(io));
    try {
      String out = NodeScript.run("eio3-" + c + "-" + finalTransport + transports.length(), "eio3-client.mjs",
          server.baseUrl(), transports);
      assertTrue(out.contains("acks ok") && out.contains("namespace ok") && out.contains("broadcast ok"), out);
      assertTrue(out.strip().endsWith("OK " + finalTransport), out);
    } finally {
      stop(server);
      io.close();
    }
  }

  @Test
  void withoutAllowEio3TheV3HandshakeIsRefusedAsInNode() throws Exception {
    SocketIoServer io = server(false);
    EmbeddedServer server = Container.JETTY.serve("127.0.0.1", 0, mount -> mount.serve(io));
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(server.baseUrl() + "/socket.io/?EIO=3&transport=polling")).timeout(Duration.ofSeconds(20)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(400, r.statusCode());
      assertEquals("{\"code\":5,\"message\":\"Unsupported protocol version\"}", r.body());
    } finally {
      stop(server);
      io.close();
    }
  }

  /** Stops the runtime; Jetty's graceful-stop timeout on a keep-alive connection still open is not an error here. */
  private static void stop(EmbeddedServer server) throws Exception {
    try {
      server.close();
    } catch (TimeoutException e) {
      // the JDK client's idle connection outlived Jetty's graceful stop (1 s); Jetty has stopped anyway
    }
  }

  /** Room {@code r} for everyone; {@code echo} acked with its arguments; {@code ask} asks the client back. */
  private static SocketIoServer server(boolean allowEio3) {
    SocketIoServer io = new SocketIoServer(SocketIoOptions.builder()
        .engine(EngineOptions.builder().path("/socket.io/").allowEIO3(allowEio3).build()).build());
    io.onConnection(s -> {
      s.join("r");
      s.on("echo", (args, ack) -> ack.send(args.toArray()));
      s.on("broadcast", (args, ack) -> io.to("r").emit("news", args.toArray()));
      s.on("ask", (args, ack) -> s.timeout(Duration.ofSeconds(10)).emitWithAck("question", 7)
          .thenAccept(reply -> s.emit("answered", reply.toArray())));
    });
    io.of("/nsp").onConnection(s -> s.emit("hello", s.handshake().auth()));
    return io;
  }
}
