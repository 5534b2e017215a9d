package dev.sio4j.engine.transport;

import java.nio.charset.StandardCharsets;

/** The reason text of a WebSocket close frame, as every WebSocket transport must cut it. Thread safe. */
public final class CloseReasons {

  /** The longest close reason a close frame carries (RFC 6455: 125-byte payload minus the 2-byte code). */
  public static final int MAX_REASON_BYTES = 123;

  private CloseReasons() {}

  /** {@code reason} cut to {@value #MAX_REASON_BYTES} UTF-8 bytes without splitting a character; {@code ""} for null. */
  public static String truncate(String reason) {
    if (reason == null) {
      return "";
    }
    byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_REASON_BYTES) {
      return reason;
    }
    int end = MAX_REASON_BYTES;
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--; // do not cut a UTF-8 sequence
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }
}
