package dev.sio4j.engine.packet;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Decodes single Engine.IO v4 packets from a WebSocket frame or from one element of a polling payload. Stateless and
 * thread safe; fails only with {@link PacketParseException}.
 */
public final class PacketDecoder {

  private PacketDecoder() {}

  /**
   * Decodes a text packet: {@code <type char>[data]}, or {@code b<base64>} for a binary message (as Node's parser
   * accepts it on every transport).
   */
  public static EnginePacket decodeText(String encoded) throws PacketParseException {
    return decodeText(encoded, 0, encoded.length());
  }

  /** Decodes the packet in {@code encoded[from, to)} (a slice of a polling payload, so it is not copied twice). */
  public static EnginePacket decodeText(String encoded, int from, int to) throws PacketParseException {
    if (from >= to) {
      throw new PacketParseException(PacketParseException.Kind.EMPTY_PACKET, "empty packet");
    }
    char first = encoded.charAt(from);
    if (first == PacketEncoder.BASE64_PREFIX) {
      return decodeBase64(encoded, from + 1, to);
    }
    PacketType type = PacketType.fromWireChar(first);
    if (type == null) {
      throw new PacketParseException(PacketParseException.Kind.UNKNOWN_TYPE, "unknown packet type 0x"
          + Integer.toHexString(first));
    }
    if (to - from == 1) {
      return switch (type) { // the common data-less packets are shared constants
        case PING -> EnginePacket.PING;
        case PONG -> EnginePacket.PONG;
        case CLOSE -> EnginePacket.CLOSE;
        case UPGRADE -> EnginePacket.UPGRADE;
        case NOOP -> EnginePacket.NOOP;
        default -> new EnginePacket.Text(type, "");
      };
    }
    return new EnginePacket.Text(type, encoded.substring(from + 1, to));
  }

  /** Decodes a binary WebSocket frame: in v4 always a {@code message} over the same buffer (not copied). */
  public static EnginePacket.Binary decodeBinary(ByteBuffer frame) {
    return new EnginePacket.Binary(frame);
  }

  static EnginePacket.Binary decodeBase64(String s, int from, int to) throws PacketParseException {
    byte[] ascii = new byte[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c > 0x7f) {
        throw new PacketParseException(PacketParseException.Kind.INVALID_BASE64, "non-ASCII character in base64");
      }
      // The official Java client (Android-style Base64.DEFAULT) ends its base64 with a line break; Node's decoder
      // skips white space, so do we. Anything else outside the alphabet is still an error.
      if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
        ascii[n++] = (byte) c;
      }
    }
    try {
      return new EnginePacket.Binary(ByteBuffer.wrap(Base64.getDecoder().decode(n == ascii.length ? ascii : java.util.Arrays.copyOf(ascii, n))));
    } catch (IllegalArgumentException e) {
      throw new PacketParseException(PacketParseException.Kind.INVALID_BASE64, e.getMessage());
    }
  }
}
