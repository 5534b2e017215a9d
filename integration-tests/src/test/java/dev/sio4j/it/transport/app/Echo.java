package dev.sio4j.it.transport.app;

import dev.sio4j.socket.SocketIoServer;

/**
 * The echo behaviour of the test web applications: on the main namespace, {@code message} is emitted back as
 * {@code message-back} with the same arguments (binary stays binary) and {@code message-with-ack} is acknowledged with
 * its arguments.
 *
 * <p>Thread safe: handlers run on the engine's callback thread, one at a time per connection.
 */
public final class Echo {

  private Echo() {}

  /** Attaches the echo handlers to {@code io}. */
  public static void install(SocketIoServer io) {
    io.onConnection(socket -> {
      socket.on("message", (args, ack) -> socket.emit("message-back", args.toArray()));
      socket.on("message-with-ack", (args, ack) -> {
        if (ack != null) {
          ack.send(args.toArray());
        }
      });
    });
  }
}
