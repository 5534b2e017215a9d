package dev.sio4j.it.delivery;

import dev.sio4j.engine.EngineOptions;
import dev.sio4j.it.Container;
import dev.sio4j.it.EmbeddedServer;
import dev.sio4j.it.NodeScript;
import dev.sio4j.socket.SocketIoOptions;
import dev.sio4j.socket.SocketIoServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A Socket.IO server at {@code /socket.io/} on an embedded container, with default limits, for the delivery ITs
 * ({@code delivery-client.mjs}): {@code throw} makes its handler throw (kind {@code error}: an AssertionError,
 * {@code sneaky}: an IOException thrown sneakily, {@code runtime}: an IllegalStateException); {@code ping} is acknowledged
 * with {@code pong}; {@code history} answers with that many {@code h} events numbered from 0 (emitted inside the
 * handler), then acknowledges; {@code slow} broadcasts {@code tick} to the other sockets, then works (blocks its thread)
 * until some socket sends {@code release} or for the given milliseconds, then acknowledges. Each socket's disconnect
 * reason is recorded by socket id.
 */
final class DeliveryServer implements AutoCloseable {

  final SocketIoServer io;
  private final EmbeddedServer server;
  private final ExecutorService executor;
  private final Map<String, CompletableFuture<String>> disconnectReasons = new ConcurrentHashMap<>();
  /** Completed by {@code release}: the slow handler running now returns. */
  private final AtomicReference<CompletableFuture<Void>> released = new AtomicReference<>(new CompletableFuture<>());

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
      socket.on("slow", (args, ack) -> { // a slow handler: broadcasts, then works until released (or for <ms>)
        CompletableFuture<Void> release = new CompletableFuture<>();
        released.set(release);
        socket.broadcast().emit("tick");
        try {
          release.get(((Number) args.get(0)).longValue(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          // done working
        } catch (InterruptedException | ExecutionException e) {
          throw new IllegalStateException(e);
        }
        ack.send("done");
      });
      socket.on("release", (args, ack) -> released.get().complete(null));
      socket.onDisconnect(reason -> reason(socket.id()).complete(reason.text()));
    });
    server = container.serve("127.0.0.1", 0, mount -> mount.serve(io));
  }

  /** The {@code @MethodSource} of the delivery ITs: each container, over WebSocket and over polling. */
  static final String TARGETS = "dev.sio4j.it.delivery.DeliveryServer#targets";

  static Stream<Arguments> targets() {
    return Stream.of(Container.values()).flatMap(c -> Stream.of("websocket", "polling").map(t -> Arguments.of(c, t)));
  }

  /** Runs one scenario of {@code delivery-client.mjs} against this server; returns the JSON line it prints. */
  JsonObject run(String transport, String scenario, String... more) throws Exception {
    String[] args = Stream.concat(Stream.of(baseUrl(), transport, scenario), Stream.of(more)).toArray(String[]::new);
    String out = NodeScript.run("delivery-" + scenario + "-" + transport, "delivery-client.mjs", args);
    String last = out.strip().lines().reduce((a, b) -> b).orElseThrow();
    try (var reader = Json.createReader(new StringReader(last))) {
      return reader.readObject();
    }
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
