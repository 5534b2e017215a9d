package dev.sio4j.socket;

/**
 * A namespace middleware (Node's {@code namespace.use((socket, next) => ...)}): runs for each socket before it
 * connects; calls {@link Next#proceed()} to let it in or {@link Next#fail(Throwable)} to refuse it with a
 * CONNECT_ERROR {@code {"message":…,"data":…}} (use {@link ConnectionRefused} to send {@code data}).
 *
 * <p>Runs on the connection's callback thread (or the configured executor); {@code next} may be called later from any
 * thread, exactly once.
 */
@FunctionalInterface
public interface Middleware {

  /** Handles one connecting socket. */
  void handle(Socket socket, Next next);

  /** Continues or stops a middleware chain. Only the first call counts. */
  interface Next {
    /** Continues with the next middleware (or connects / dispatches). */
    void proceed();

    /** Stops the chain with an error. */
    void fail(Throwable error);
  }
}
