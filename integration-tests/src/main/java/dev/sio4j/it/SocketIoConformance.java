package dev.sio4j.it;

import dev.sio4j.engine.EngineOptions;
import jakarta.servlet.ServletContext;

/** The Socket.IO part of {@link ConformanceApp}: not available until the Socket.IO server layer exists. */
final class SocketIoConformance {

  private SocketIoConformance() {}

  /** Installs the {@code /socket.io/} server; returns what closes it. */
  static Runnable install(ServletContext context, EngineOptions options) {
    return () -> {};
  }
}
