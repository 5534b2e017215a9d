package dev.sio4j.socket;

import dev.sio4j.engine.EngineSocket;

/**
 * Benchmark-only access to the package-private seams the socket-layer tests use: a {@link SocketIoServer} without
 * an Engine.IO server, fed with in-memory {@link EngineSocket}s. Lives in the bench module (same package on the
 * class path) so that the protocol module keeps its API unchanged. Not for applications.
 *
 * <p>Thread safe as the methods it forwards to.
 */
public final class BenchAccess {

  private BenchAccess() {}

  /** A server that has no engine; sessions arrive through {@link #attach}. */
  public static SocketIoServer serverWithoutEngine(SocketIoOptions options) {
    return new SocketIoServer(options, null);
  }

  /** Hands a new engine session to the server, as the engine's {@code connection} callback would. */
  public static void attach(SocketIoServer io, EngineSocket session) {
    io.attach(session);
  }
}
