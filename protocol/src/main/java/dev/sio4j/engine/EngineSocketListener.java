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

  /**
   * A packet arrived from the client, of any type ({@code packet} event): called before {@link #onMessage} /
   * {@link #onBinary} for messages, and for pings, pongs and close packets too.
   */
  default void onPacket(dev.sio4j.engine.packet.EnginePacket packet) {}

  /**
   * What was queued has been handed to the transport ({@code flush} event): after each polling response, and over
   * WebSocket once the frames queued so far are sent (one event per burst, not per frame). {@link #onDrain} follows.
   */
  default void onFlush() {}

  /** The outbound queue was written out and is empty ({@code drain} event). */
  default void onDrain() {}
}
