package dev.sio4j.socket;

import dev.sio4j.engine.EngineSocket;

/**
 * Test-only bridge: builds a {@link SocketIoServer} without an Engine.IO server and feeds it engine sessions, as the
 * protocol module's own tests do (those constructors are package-private).
 */
public final class EngineFreeServers {

  private EngineFreeServers() {}

  /** A server whose sessions come from {@link #attach}. */
  public static SocketIoServer create(SocketIoOptions options) {
    return new SocketIoServer(options, null);
  }

  /** Hands a new engine session to the server. */
  public static void attach(SocketIoServer io, EngineSocket conn) {
    io.attach(conn);
  }
}
