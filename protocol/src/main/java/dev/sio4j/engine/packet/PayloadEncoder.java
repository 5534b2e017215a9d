package dev.sio4j.engine.packet;

import java.util.List;

/**
 * Encodes an HTTP long-polling payload: packets in text form joined by the record separator {@code 0x1e}, binary
 * messages as {@code b<base64>}. Stateless and thread safe.
 */
public final class PayloadEncoder {

  /** The record separator between the packets of a polling payload. */
  public static final char SEPARATOR = '\u001e';

  private PayloadEncoder() {}

  /** E.g. {@code 4hello\u001e2\u001e4world}. */
  public static String encode(List<? extends EnginePacket> packets) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < packets.size(); i++) {
      if (i > 0) {
        sb.append(SEPARATOR);
      }
      PacketEncoder.appendAsText(packets.get(i), sb);
    }
    return sb.toString();
  }
}
