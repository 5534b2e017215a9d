package dev.sio4j.socket;

import java.util.List;

/**
 * Receives the client's acknowledgement of a server emit: pass it as the last argument of
 * {@link Socket#emit(String, Object...)}. Called once: with the arguments, or with an error (timeout, disconnect).
 */
@FunctionalInterface
public interface AckCallback {

  /**
   * Called once.
   *
   * @param error {@code null} on success, else why no acknowledgement came
   * @param args the acknowledgement arguments ({@code null} on error)
   */
  void handle(AckException error, List<Object> args);
}
