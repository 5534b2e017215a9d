package dev.sio4j.it.hostile;

import dev.sio4j.engine.CorsOptions;
import dev.sio4j.engine.EngineOptions;
import dev.sio4j.it.Container;
import dev.sio4j.it.EmbeddedServer;
import dev.sio4j.servlet.SocketIoRegistration;
import dev.sio4j.socket.SocketIoOptions;
import dev.sio4j.socket.SocketIoServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A Socket.IO server at {@code /socket.io/} on an embedded container, with small limits so hostile input hits them
 * fast: maxHttpBufferSize 10,000 bytes, CORS allow-list {@link #GOOD_ORIGIN}, default decoder limits (10 attachments,
 * depth 32, namespace 256). Event {@code echo} is acknowledged with its arguments; each socket's {@code disconnect}
 * reason is recorded by socket id.
 */
final class HostileServer implements AutoCloseable {

  static final String GOOD_ORIGIN = "http://good.example";
  static final long MAX_BODY = 10_000;

  final SocketIoServer io;
  final EmbeddedServer server;
  final Map<String, CompletableFuture<String>> disconnectReasons = new ConcurrentHashMap<>();

  private HostileServer(Container container, UnaryOperator<EngineOptions.Builder> engine) throws Exception {
    EngineOptions options = engine.apply(EngineOptions.builder()
        .path("/socket.io/")
        .pingInterval(Duration.ofSeconds(20))
        .pingTimeout(Duration.ofSeconds(20))
        .maxHttpBufferSize(MAX_BODY)
        .cors(CorsOptions.allowOrigins(GOOD_ORIGIN))).build();
    io = new SocketIoServer(SocketIoOptions.builder().engine(options).connectTimeout(Duration.ofSeconds(20)).build());
    io.onConnection(socket -> {
      socket.on("echo", (args, ack) -> {
        if (ack != null) {
          ack.send(args.toArray());
        }
      });
      socket.onDisconnect(reason -> reason(socket.id()).complete(reason.text()));
    });
    server = container.start("127.0.0.1", 0, context -> SocketIoRegistration.register(context, io));
  }

  /** A server with the default hostile settings. */
  static HostileServer start(Container container) throws Exception {
    return new HostileServer(container, b -> b);
  }

  /** A server with changed engine options. */
  static HostileServer start(Container container, UnaryOperator<EngineOptions.Builder> engine) throws Exception {
    return new HostileServer(container, engine);
  }

  int port() {
    return server.port();
  }

  String baseUrl() {
    return server.baseUrl();
  }

  CompletableFuture<String> reason(String socketId) {
    return disconnectReasons.computeIfAbsent(socketId, k -> new CompletableFuture<>());
  }

  @Override
  public void close() {
    try {
      io.close();
    } finally {
      try {
        server.close();
      } catch (java.util.concurrent.TimeoutException e) {
        // Jetty's graceful stop (1 s) timed out on an idle keep-alive connection; it has stopped anyway
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop the container", e);
      }
    }
  }
}
