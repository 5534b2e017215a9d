package dev.sio4j.it;

import dev.sio4j.engine.EngineOptions;
import dev.sio4j.socket.Socket;
import dev.sio4j.socket.SocketIoOptions;
import dev.sio4j.socket.SocketIoServer;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The Socket.IO part of {@link ConformanceApp}, as the official Socket.IO v5 test suite expects it: on connection to
 * {@code /} or {@code /custom} it emits {@code auth} with the CONNECT payload ({@code {}} when none); on {@code /},
 * {@code message} is emitted back as {@code message-back} with the same arguments (binary stays binary) and
 * {@code message-with-ack} is acknowledged with its arguments; other namespaces are refused
 * ({@code {"message":"Invalid namespace"}}); connectTimeout 1 s.
 */
final class SocketIoConformance {

  private SocketIoConformance() {}

  /** Installs the {@code /socket.io/} server; returns what closes it. */
  static Runnable install(Mount mount, EngineOptions options) {
    SocketIoServer io = new SocketIoServer(
        SocketIoOptions.builder().engine(options).connectTimeout(Duration.ofMillis(1000)).build());
    Consumer<Socket> sendAuth = socket -> socket.emit("auth", socket.handshake().auth());
    io.onConnection(socket -> {
      sendAuth.accept(socket);
      socket.on("message", (args, ack) -> socket.emit("message-back", args.toArray()));
      socket.on("message-with-ack", (args, ack) -> {
        if (ack != null) {
          ack.send(args.toArray());
        }
      });
    });
    io.of("/custom").onConnection(sendAuth);
    mount.serve(io);
    return io::close;
  }
}
