package dev.sio4j.engine.transport;

import java.nio.ByteBuffer;

/**
 * The incoming side of one WebSocket connection: what the engine gives a transport to feed.
 *
 * <p>Returned by {@code EngineServer.handleWebSocket}. The transport calls it for each whole message, in order, and
 * <b>never concurrently</b> for one connection (JSR-356 already guarantees this). Implementations never throw.
 */
public interface WebSocketHandler {

  /** A text message arrived. */
  void onText(String text);

  /** A binary message arrived. The buffer is only valid during the call unless copied. */
  void onBinary(ByteBuffer data);

  /** The connection closed (by the peer, or after a failure); {@code code} is the WebSocket close code. */
  void onClose(int code, String reason);

  /** The container reported an error on the connection. {@link #onClose} follows or the engine closes. */
  void onError(Throwable error);
}
