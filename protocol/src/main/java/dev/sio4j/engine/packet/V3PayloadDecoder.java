package dev.sio4j.engine.packet;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes Engine.IO v3 packets and polling payloads, the forms {@link V3PayloadEncoder} describes. Anything else (a
 * length that does not match, a missing {@code :}, an unknown type) fails as Node's parser-v3 does with its
 * {@code parser error}. Stateless and thread safe.
 */
public final class V3PayloadDecoder {

  private V3PayloadDecoder() {}

  /** Decodes one v3 text packet in {@code s[from, to)}: {@code <type>[data]}, or {@code b<type><base64>}. */
  public static EnginePacket decodeText(String s, int from, int to) throws PacketParseException {
    if (to - from >= 2 && s.charAt(from) == PacketEncoder.BASE64_PREFIX) {
      if (PacketType.fromWireChar(s.charAt(from + 1)) != PacketType.MESSAGE) {
        throw new PacketParseException(PacketParseException.Kind.UNKNOWN_TYPE, "base64 packet that is no message");
      }
      return PacketDecoder.decodeBase64(s, from + 2, to);
    }
    return PacketDecoder.decodeText(s, from, to);
  }

  /** Decodes a binary WebSocket frame: the type byte (only 4, message, carries binary data), then the data. */
  public static EnginePacket.Binary decodeFrame(ByteBuffer frame) throws PacketParseException {
    if (!frame.hasRemaining() || frame.get(frame.position()) != PacketType.MESSAGE.wireChar() - '0') {
      throw new PacketParseException(PacketParseException.Kind.UNKNOWN_TYPE, "binary frame that is no message");
    }
    ByteBuffer data = frame.duplicate();
    data.position(data.position() + 1);
    return new EnginePacket.Binary(data.slice());
  }

  /** Decodes a text payload given as UTF-8 bytes. */
  public static List<EnginePacket> decodeText(byte[] utf8) throws PacketParseException {
    return decodeText(utf8Text(utf8, 0, utf8.length));
  }

  /** Decodes a text payload, e.g. {@code 6:4hello2:40}. */
  public static List<EnginePacket> decodeText(String payload) throws PacketParseException {
    if (payload.isEmpty()) {
      throw new PacketParseException(PacketParseException.Kind.EMPTY_PACKET, "empty payload");
    }
    List<EnginePacket> packets = new ArrayList<>(4);
    int i = 0;
    int n = payload.length();
    while (i < n) {
      int colon = payload.indexOf(':', i);
      if (colon < 0) {
        throw new PacketParseException(PacketParseException.Kind.EMPTY_PACKET, "payload element without ':'");
      }
      int length = parseLength(payload, i, colon);
      int start = colon + 1;
      if (length > n - start) {
        throw new PacketParseException(PacketParseException.Kind.EMPTY_PACKET, "payload element shorter than its length");
      }
      if (length > 0) {
        packets.add(decodeText(payload, start, start + length));
      }
      i = start + length;
    }
    return packets;
  }

  /** Decodes a binary payload (a POST of {@code application/octet-stream}). */
  public static List<EnginePacket> decodeBinary(byte[] payload) throws PacketParseException {
    List<EnginePacket> packets = new ArrayList<>(4);
    int i = 0;
    while (i < payload.length) {
      int kind = payload[i++];
      if (kind != 0 && kind != 1) {
        throw new PacketParseException(PacketParseException.Kind.UNKNOWN_TYPE, "binary payload element kind " + kind);
      }
      long length = 0;
      while (true) {
        if (i >= payload.length) {
          throw new PacketParseException(PacketParseException.Kind.EMPTY_PACKET, "binary payload length not ended");
        }
        int digit = payload[i++] & 0xff;
        if (digit == 255) {
          break;
        }
        if (digit > 9 || length > Integer.MAX_VALUE / 10) {
          throw new PacketParseException(PacketParseException.Kind.EMPTY_PACKET, "bad binary payload length");
        }
        length = length * 10 + digit;
      }
      if (length > payload.length - i) {
        throw new PacketParseException(PacketParseException.Kind.EMPTY_PACKET, "payload element shorter than its length");
      }
      int end = i + (int) length;
      if (kind == 0) {
        String text = utf8Text(payload, i, end);
        packets.add(decodeText(text, 0, text.length()));
      } else {
        packets.add(decodeFrame(ByteBuffer.wrap(payload, i, end - i)));
      }
      i = end;
    }
    return packets;
  }

  private static int parseLength(String s, int from, int to) throws PacketParseException {
    if (from == to || to - from > 9) {
      throw new PacketParseException(PacketParseException.Kind.EMPTY_PACKET, "bad payload length");
    }
    int length = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new PacketParseException(PacketParseException.Kind.EMPTY_PACKET, "bad payload length");
      }
      length = length * 10 + (c - '0');
    }
    return length;
  }

  private static String utf8Text(byte[] bytes, int from, int to) throws PacketParseException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      throw new PacketParseException(PacketParseException.Kind.INVALID_UTF8, "payload is not valid UTF-8");
    }
  }
}
