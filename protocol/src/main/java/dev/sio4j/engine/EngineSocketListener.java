package dev.sio4j.engine;

import java.nio.ByteBuffer;

/**
 * Receives the events of one {@link EngineSocket} (Node's {@code socket.on(...)} events).
 *
 * <p>Never invoked concurrently for one session, and in the order things happened. Callbacks run on a transport or
 * scheduler thread: they must not block. Every method has an empty default.
 */
public interface EngineSocketListener {

  /** A text message arrived ({@code message} event). */
  default void onMessage(String text) {}

  /** A binary message arrived ({@code message} event with a Buffer). Only valid during the call unless copied. */
  default void onBinary(ByteBuffer data) {}

  /** The session closed ({@code close} event); called exactly once. */
  default void onClose(DisconnectReason reason, String description) {}

  /** An error happened on the session ({@code error} event); {@link #onClose} follows. */
  default void onError(Throwable error) {}

  /** The session moved to a new transport ({@code upgrade} event). */
  default void onUpgrade() {}

  /** The outbound queue was written out and is empty ({@code drain} event). */
  default void onDrain() {}
}
