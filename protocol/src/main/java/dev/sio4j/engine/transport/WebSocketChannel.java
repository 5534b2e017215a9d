package dev.sio4j.engine.transport;

import java.nio.ByteBuffer;

/**
 * The outgoing side of one WebSocket connection, as a container exposes it to the engine.
 *
 * <p>The JSR-356 transport implements this over {@code Session.getAsyncRemote()}. Contract: the engine has <b>at most
 * one send outstanding</b> per channel: it calls {@code sendText}/{@code sendBinary} again only after the previous
 * callback ran. Sends must not block the caller. The callback may run on any thread.
 */
public interface WebSocketChannel {

  /** Sends one text frame. */
  void sendText(String text, SendCallback callback);

  /** Sends one binary frame; the buffer is not modified and may be shared with other channels (read it via a duplicate). */
  void sendBinary(ByteBuffer data, SendCallback callback);

  /**
   * Sends one text frame, saying whether the engine has more frames queued right behind it ({@code moreFollows}): a
   * channel may then hold this frame in a batch and complete its callback at once, provided it writes the batch no
   * later than with the next frame sent with {@code moreFollows == false} (or on close). The default ignores the hint.
   */
  default void sendText(String text, boolean moreFollows, SendCallback callback) {
    sendText(text, callback);
  }

  /** {@link #sendBinary(ByteBuffer, SendCallback)} with the batching hint of {@link #sendText(String, boolean, SendCallback)}. */
  default void sendBinary(ByteBuffer data, boolean moreFollows, SendCallback callback) {
    sendBinary(data, callback);
  }

  /** Closes the connection with a WebSocket close code and reason. Idempotent. */
  void close(int code, String reason);

  /** Outcome of one send. */
  interface SendCallback {
    /** The frame was handed to the network. */
    void onSuccess();

    /** The frame could not be sent; the connection is unusable. */
    void onFailure(Throwable error);
  }
}
