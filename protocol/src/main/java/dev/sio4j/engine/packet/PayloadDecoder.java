package dev.sio4j.engine.packet;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an HTTP long-polling payload (the body of a POST): packets separated by {@code 0x1e}. Stateless and thread
 * safe; fails only with {@link PacketParseException}, for the first bad packet (none of the payload is delivered
 * then, so a client never sees half a payload applied).
 */
public final class PayloadDecoder {

  private PayloadDecoder() {}

  /** Decodes a payload given as UTF-8 bytes; invalid UTF-8 fails with {@code INVALID_UTF8}. */
  public static List<EnginePacket> decode(byte[] utf8) throws PacketParseException {
    if (isAscii(utf8)) {
      // The usual payload (JSON, base64): every byte is one char, nothing to validate.
      return decode(new String(utf8, StandardCharsets.ISO_8859_1));
    }
    String text;
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8));
      text = chars.toString();
    } catch (CharacterCodingException e) {
      throw new PacketParseException(PacketParseException.Kind.INVALID_UTF8, "payload is not valid UTF-8");
    }
    return decode(text);
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** Decodes a payload, e.g. {@code 4hello\u001e2\u001ebAQIDBA==}. */
  public static List<EnginePacket> decode(String payload) throws PacketParseException {
    List<EnginePacket> packets = new ArrayList<>(4);
    int start = 0;
    int n = payload.length();
    while (true) {
      int sep = payload.indexOf(PayloadEncoder.SEPARATOR, start);
      int end = sep < 0 ? n : sep;
      packets.add(PacketDecoder.decodeText(payload, start, end));
      if (sep < 0) {
        return packets;
      }
      start = sep + 1;
    }
  }
}
