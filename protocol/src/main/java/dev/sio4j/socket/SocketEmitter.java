package dev.sio4j.socket;

import dev.sio4j.socket.adapter.BroadcastFlags;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Emits to one socket with modifiers ({@link Socket#timeout(Duration)}, {@link Socket#volatile_()}). Immutable: each
 * modifier returns a new instance, so unlike Node's socket flags it is safe to share between threads.
 */
public final class SocketEmitter {

  private final Socket socket;
  private final BroadcastFlags flags;

  SocketEmitter(Socket socket, BroadcastFlags flags) {
    this.socket = socket;
    this.flags = flags;
  }

  /** Adds a timeout for the acknowledgement. */
  public SocketEmitter timeout(Duration timeout) {
    return new SocketEmitter(socket, flags.withTimeout(timeout));
  }

  /** Makes the emit volatile. */
  public SocketEmitter volatile_() {
    return new SocketEmitter(socket, flags.withVolatile());
  }

  /** Sets whether the emit may be compressed (see {@link Socket#compress(boolean)}). */
  public SocketEmitter compress(boolean compress) {
    return new SocketEmitter(socket, flags.withCompress(compress));
  }

  /** As {@link Socket#emit(String, Object...)}; an {@link AckCallback} last gets an error on timeout. */
  public Socket emit(String event, Object... args) {
    socket.emit(flags, event, args);
    return socket;
  }

  /** As {@link Socket#emitWithAck(String, Object...)}; fails with {@link AckException} on timeout. */
  public CompletionStage<List<Object>> emitWithAck(String event, Object... args) {
    return socket.emitWithAck(flags, event, args);
  }
}
