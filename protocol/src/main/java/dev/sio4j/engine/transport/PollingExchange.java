package dev.sio4j.engine.transport;

import dev.sio4j.engine.EngineRequest;

/**
 * One HTTP request/response of the polling transport, as a container exposes it to the engine.
 *
 * <p>The servlet transport implements this over an {@code AsyncContext} with non-blocking I/O. The engine may keep an
 * exchange open (a long poll) and complete it later from any thread. Contract:
 *
 * <ul>
 *   <li>{@link #respond} is called at most once; it must not block the caller (writes go through the container's
 *       non-blocking output) and completes the exchange when the body is written.
 *   <li>{@link #readBody} is called at most once, before {@link #respond}; the callback runs on a container thread
 *       when the whole body has arrived, or as soon as it is known to exceed {@code maxBytes} (the rest is not
 *       buffered), or when reading fails.
 *   <li>The {@link #onAbort} callback fires at most once, when the client goes away (or the container times the
 *       request out) before {@link #respond} completed; after that {@link #respond} is a no-op.
 * </ul>
 */
public interface PollingExchange {

  /** The request this exchange serves. */
  EngineRequest request();

  /** Reads the request body without blocking, up to {@code maxBytes}. */
  void readBody(long maxBytes, BodyCallback callback);

  /** Writes the response and completes the exchange. Safe to call from any thread, at most once. */
  void respond(HttpResponse response);

  /** Registers the callback to run if the client aborts before the response is complete. */
  void onAbort(Runnable callback);

  /** Receives the outcome of {@link #readBody}. */
  interface BodyCallback {
    /** The whole body, at most {@code maxBytes} long. */
    void onBody(byte[] body);

    /** The body is longer than allowed; nothing of it was kept. */
    void onTooLarge();

    /** Reading failed (client disconnected, I/O error). */
    void onError(Throwable error);
  }
}
