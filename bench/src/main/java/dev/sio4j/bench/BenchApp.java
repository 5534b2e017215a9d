package dev.sio4j.bench;

import dev.sio4j.engine.CorsOptions;
import dev.sio4j.engine.EngineOptions;
import dev.sio4j.servlet.SocketIoRegistration;
import dev.sio4j.socket.SocketIoOptions;
import dev.sio4j.socket.SocketIoServer;
import jakarta.servlet.ServletContext;
import java.util.Map;

/**
 * The Socket.IO application the load generator drives, identical to {@code bench/node/server.js}: event {@code echo}
 * acknowledges with its own arguments; event {@code bcast} with {@code {"n":N,"size":S}} emits {@code tick} with a
 * string of S {@code x} characters N times to every client. Default options apart from CORS {@code *}.
 *
 * <p>Thread safe (the handlers keep no state).
 */
final class BenchApp {

  private final SocketIoServer io;

  BenchApp() {
    EngineOptions engine = EngineOptions.builder().path("/socket.io/").cors(CorsOptions.allowAll()).build();
    io = new SocketIoServer(SocketIoOptions.builder().engine(engine).build());
    io.onConnection(socket -> {
      socket.on("echo", (args, ack) -> {
        if (ack != null) {
          ack.send(args.toArray());
        }
      });
      socket.on("bcast", (args, ack) -> {
        if (args.isEmpty() || !(args.get(0) instanceof Map<?, ?> spec)) {
          return;
        }
        int n = intOf(spec.get("n"));
        String payload = "x".repeat(intOf(spec.get("size")));
        for (int i = 0; i < n; i++) {
          io.emit("tick", payload);
        }
      });
    });
  }

  /** Registers the polling servlet and the WebSocket endpoint; called during deployment. */
  void install(ServletContext context) {
    SocketIoRegistration.register(context, io);
  }

  /** Serves the app on the standalone runtime (default options, as an application would get them). */
  dev.sio4j.standalone.StandaloneServer listen(String host, int port) {
    return dev.sio4j.standalone.StandaloneServer.listen(io, new java.net.InetSocketAddress(host, port));
  }

  void close() {
    io.close();
  }

  private static int intOf(Object value) {
    return value instanceof Number number ? number.intValue() : 0;
  }
}
