package dev.sio4j.it.delivery;

import dev.sio4j.engine.EngineOptions;
import dev.sio4j.it.Container;
import dev.sio4j.it.EmbeddedServer;
import dev.sio4j.servlet.SocketIoRegistration;
import dev.sio4j.socket.SocketIoOptions;
import dev.sio4j.socket.SocketIoServer;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Socket.IO server at {@code /socket.io/} on an embedded container, with default limits, for the delivery ITs
 * ({@code delivery-client.mjs}): {@code throw} makes its handler throw (kind {@code error}: an AssertionError,
 * {@code sneaky}: an IOException thrown sneakily, {@code runtime}: an IllegalStateException); {@code ping} is acknowledged
 * with {@code pong}; {@code history} answers with that many {@code h} events numbered from 0 (emitted inside the
 * handler), then acknowledges. Each socket's disconnect reason is recorded by socket id.
 */
final class DeliveryServer implements AutoCloseable {

  final SocketIoServer io;
  private final EmbeddedServer server;
  private final ExecutorService executor;
  private final Map<String, CompletableFuture<String>> disconnectReasons = new ConcurrentHashMap<>();

  private DeliveryServer(Container container, boolean withExecutor) throws Exception {
    executor = withExecutor ? Executors.newFixedThreadPool(2) : null;
    SocketIoOptions.Builder options = SocketIoOptions.builder()
        .engine(EngineOptions.builder().path("/socket.io/").build());
    if (executor != null) {
      options.executor(executor);
    }
    io = new SocketIoServer(options.build());
    io.onConnection(socket -> {
      socket.on("throw", (args, ack) -> {
        switch (String.valueOf(args.get(0))) {
          case "error" -> throw new AssertionError("handler bug");
          case "sneaky" -> DeliveryServer.<RuntimeException>sneakyThrow(new IOException("checked, thrown sneakily"));
          default -> throw new IllegalStateException("handler bug");
        }
      });
      socket.on("ping", (args, ack) -> ack.send("pong"));
      socket.on("history", (args, ack) -> {
        int n = ((Number) args.get(0)).intValue();
        for (int i = 0; i < n; i++) {
          socket.emit("h", i);
        }
        ack.send(n);
      });
      socket.onDisconnect(reason -> reason(socket.id()).complete(reason.text()));
    });
    server = container.start("127.0.0.1", 0, context -> SocketIoRegistration.register(context, io));
  }

  /** A server that runs handlers on the container's threads. */
  static DeliveryServer start(Container container) throws Exception {
    return new DeliveryServer(container, false);
  }

  /** A server that runs handlers on an executor ({@link SocketIoOptions#executor}). */
  static DeliveryServer startWithExecutor(Container container) throws Exception {
    return new DeliveryServer(container, true);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
    throw (T) t;
  }

  String baseUrl() {
    return server.baseUrl();
  }

  CompletableFuture<String> reason(String socketId) {
    return disconnectReasons.computeIfAbsent(socketId, k -> new CompletableFuture<>());
  }

  @Override
  public void close() throws Exception {
    try {
      io.close();
      if (executor != null) {
        executor.shutdownNow();
      }
    } finally {
      try {
        server.close();
      } catch (java.util.concurrent.TimeoutException e) {
        // Jetty's graceful stop (1 s) timed out on an idle keep-alive connection; it has stopped anyway
      }
    }
  }
}
