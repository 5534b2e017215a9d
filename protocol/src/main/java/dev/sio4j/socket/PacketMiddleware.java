package dev.sio4j.socket;

import java.util.List;

/**
 * A socket middleware (Node's {@code socket.use(([event, ...args], next) => ...)}): runs for each incoming event
 * before its handlers; {@link Middleware.Next#fail(Throwable)} drops the event and reports the error to the socket's
 * error listeners.
 */
@FunctionalInterface
public interface PacketMiddleware {

  /**
   * Handles one incoming event.
   *
   * @param event the event name followed by its arguments (mutable: a middleware may change the arguments)
   * @param next continues or stops the chain
   */
  void handle(List<Object> event, Middleware.Next next);
}
