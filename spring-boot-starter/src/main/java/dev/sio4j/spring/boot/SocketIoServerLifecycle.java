package dev.sio4j.spring.boot;

import dev.sio4j.socket.SocketIoServer;
import org.springframework.context.SmartLifecycle;

/**
 * Closes the {@link SocketIoServer} when the application context stops. In the default phase it stops before the web
 * server's lifecycles (Boot's graceful shutdown and the server stop run in lower phases), so every client still
 * connected gets its disconnect ("server shutting down") while the connections are open, and no parked long-poll
 * request holds up a graceful shutdown. Thread safe.
 */
public final class SocketIoServerLifecycle implements SmartLifecycle {

  private final SocketIoServer io;
  private volatile boolean running;

  SocketIoServerLifecycle(SocketIoServer io) {
    this.io = io;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    io.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
