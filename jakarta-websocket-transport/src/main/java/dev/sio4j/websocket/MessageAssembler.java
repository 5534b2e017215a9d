package dev.sio4j.websocket;

import dev.sio4j.engine.transport.WebSocketHandler;
import jakarta.websocket.MessageHandler;
import java.nio.ByteBuffer;

/**
 * Assembles whole messages from the container's partial deliveries, bounded by {@code maxBytes}.
 *
 * <p>Partial handlers keep the container's own buffers at their small defaults (Tomcat allocates its message buffers
 * at their maximum size for every session, so raising them to the engine's 1 MB limit would cost megabytes per idle
 * connection); the only memory spent is that of the message actually arriving. A single-frame message (the common
 * case) is handed on without a copy. Over the limit the connection is closed with 1009 (message too big) as soon as
 * the limit is passed, and nothing more is kept.
 *
 * <p>Not thread safe: JSR-356 never delivers messages of one session concurrently.
 */
final class MessageAssembler {

  private final WebSocketHandler handler;
  private final long maxBytes;
  private final Runnable onTooBig;
  private StringBuilder text;
  private long textBytes;
  private ByteBuffer binary;
  private boolean failed;

  MessageAssembler(WebSocketHandler handler, long maxBytes, Runnable onTooBig) {
    this.handler = handler;
    this.maxBytes = maxBytes;
    this.onTooBig = onTooBig;
  }

  MessageHandler.Partial<String> textHandler() {
    return this::onText;
  }

  MessageHandler.Partial<ByteBuffer> binaryHandler() {
    return this::onBinary;
  }

  void onText(String part, boolean last) {
    if (failed) {
      return;
    }
    if (text == null && last && part.length() * 3L <= maxBytes) {
      handler.onText(part); // a whole message that cannot be over the limit (a UTF-16 unit is at most 3 UTF-8 bytes)
      return;
    }
    textBytes += utf8Length(part);
    if (textBytes > maxBytes) {
      tooBig();
      return;
    }
    if (text == null && last) {
      textBytes = 0;
      handler.onText(part);
      return;
    }
    if (text == null) {
      text = new StringBuilder(part.length() * 2);
    }
    text.append(part);
    if (last) {
      String whole = text.toString();
      text = null;
      textBytes = 0;
      handler.onText(whole);
    }
  }

  void onBinary(ByteBuffer part, boolean last) {
    if (failed) {
      return;
    }
    long size = (binary == null ? 0 : binary.position()) + (long) part.remaining();
    if (size > maxBytes) {
      tooBig();
      return;
    }
    if (binary == null && last) {
      handler.onBinary(part);
      return;
    }
    if (binary == null) {
      binary = ByteBuffer.allocate((int) Math.min(maxBytes, Math.max(part.remaining() * 2L, 1024)));
    } else if (binary.remaining() < part.remaining()) {
      long grown = Math.min(maxBytes, Math.max((long) binary.capacity() * 2, size));
      ByteBuffer bigger = ByteBuffer.allocate((int) grown);
      binary.flip();
      bigger.put(binary);
      binary = bigger;
    }
    binary.put(part);
    if (last) {
      ByteBuffer whole = binary.flip();
      binary = null;
      handler.onBinary(whole);
    }
  }

  private void tooBig() {
    failed = true;
    text = null;
    binary = null;
    onTooBig.run();
  }

  static long utf8Length(CharSequence s) {
    long n = 0;
    for (int i = 0, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4; // with its low surrogate
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
