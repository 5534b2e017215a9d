package dev.sio4j.engine.packet;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Encodes Engine.IO v3 packets and polling payloads (Node's {@code engine.io-parser} v2, engine.io's
 * {@code lib/parser-v3}): a text payload is {@code <length>:<packet>} repeated, the length counted in UTF-16 code
 * units (a JavaScript string's length), a binary message in it written {@code b4<base64>}; the binary payload of a
 * client that supports binary is, per packet, a kind byte (0 text, 1 binary), the length's decimal digits as bytes
 * 0-9, a 255 byte, then the packet (UTF-8 text, or the type byte 4 and the data). A binary WebSocket frame is the
 * type byte 4 and the data. Stateless and thread safe.
 */
public final class V3PayloadEncoder {

  private static final int DIGITS_END = 255;

  private V3PayloadEncoder() {}

  /** The packet as v3 writes it in text: {@code <type><data>}, or {@code b4<base64>} for a binary message. */
  public static String encodeAsText(EnginePacket packet) {
    if (packet instanceof EnginePacket.Text t) {
      return PacketEncoder.encodeText(t);
    }
    ByteBuffer data = ((EnginePacket.Binary) packet).data().duplicate();
    return PacketEncoder.BASE64_PREFIX + String.valueOf(PacketType.MESSAGE.wireChar())
        + Base64.getEncoder().encodeToString(toBytes(data));
  }

  /** A binary message as a v3 WebSocket frame or binary-payload element: the type byte 4, then the data. */
  public static byte[] binaryFrame(ByteBuffer data) {
    ByteBuffer d = data.duplicate();
    byte[] out = new byte[d.remaining() + 1];
    out[0] = (byte) (PacketType.MESSAGE.wireChar() - '0');
    d.get(out, 1, out.length - 1);
    return out;
  }

  /** Appends one element of a text payload: {@code <length>:<packet>}, {@code packet} in its v3 text form. */
  public static void appendFramed(String packetText, StringBuilder out) {
    out.append(packetText.length()).append(':').append(packetText);
  }

  /** A text payload, e.g. {@code 6:4hello2:40} ({@code 0:} when there is no packet, as Node). */
  public static String encodeText(List<? extends EnginePacket> packets) {
    if (packets.isEmpty()) {
      return "0:";
    }
    StringBuilder sb = new StringBuilder();
    for (EnginePacket p : packets) {
      appendFramed(encodeAsText(p), sb);
    }
    return sb.toString();
  }

  /** A binary payload (for a client without {@code b64=1} when a packet is binary). */
  public static byte[] encodeBinary(List<? extends EnginePacket> packets) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (EnginePacket p : packets) {
      if (p instanceof EnginePacket.Text t) {
        appendBinaryElement(false, PacketEncoder.encodeText(t).getBytes(StandardCharsets.UTF_8), out);
      } else {
        appendBinaryElement(true, binaryFrame(((EnginePacket.Binary) p).data()), out);
      }
    }
    return out.toByteArray();
  }

  /** Appends one element of a binary payload; {@code bytes} is the UTF-8 text or the type byte and data. */
  public static void appendBinaryElement(boolean binary, byte[] bytes, ByteArrayOutputStream out) {
    out.write(binary ? 1 : 0);
    String length = Integer.toString(bytes.length);
    for (int i = 0; i < length.length(); i++) {
      out.write(length.charAt(i) - '0');
    }
    out.write(DIGITS_END);
    out.writeBytes(bytes);
  }

  private static byte[] toBytes(ByteBuffer d) {
    byte[] b = new byte[d.remaining()];
    d.get(b);
    return b;
  }
}
