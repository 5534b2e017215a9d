package dev.sio4j.engine.packet;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Encodes single Engine.IO v4 packets: text packets as {@code <type char><data>}, binary messages either as they are
 * (a WebSocket binary frame) or as {@code b<base64>} (HTTP long-polling). Stateless and thread safe.
 */
public final class PacketEncoder {

  /** The prefix of a base64-encoded binary packet in a text payload. */
  public static final char BASE64_PREFIX = 'b';

  private PacketEncoder() {}

  /** {@code <type char><data>}, e.g. {@code 4hello}. */
  public static String encodeText(EnginePacket.Text packet) {
    String data = packet.data();
    if (data.isEmpty()) {
      return String.valueOf(packet.type().wireChar());
    }
    return new StringBuilder(data.length() + 1).append(packet.type().wireChar()).append(data).toString();
  }

  /** The packet in text form: {@link #encodeText} for text packets, {@code b<base64>} for binary ones. */
  public static String encodeAsText(EnginePacket packet) {
    if (packet instanceof EnginePacket.Text t) {
      return encodeText(t);
    }
    return encodeBase64(((EnginePacket.Binary) packet).data());
  }

  /** {@code b<base64>}, e.g. {@code bAQIDBA==} for the bytes 1, 2, 3, 4. The buffer's position is not moved. */
  public static String encodeBase64(ByteBuffer data) {
    ByteBuffer encoded = Base64.getEncoder().encode(data.duplicate());
    StringBuilder sb = new StringBuilder(encoded.remaining() + 1).append(BASE64_PREFIX);
    while (encoded.hasRemaining()) {
      sb.append((char) encoded.get());
    }
    return sb.toString();
  }

  /** Appends the text form of {@code packet} to {@code out} (used to build polling payloads without copies). */
  public static void appendAsText(EnginePacket packet, StringBuilder out) {
    if (packet instanceof EnginePacket.Text t) {
      out.append(t.type().wireChar()).append(t.data());
    } else {
      out.append(encodeBase64(((EnginePacket.Binary) packet).data()));
    }
  }
}
