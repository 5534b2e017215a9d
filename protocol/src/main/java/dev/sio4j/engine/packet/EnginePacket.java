package dev.sio4j.engine.packet;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One Engine.IO packet: either a {@link Text} packet of any {@link PacketType} with optional string data, or a
 * {@link Binary} message (in protocol v4 binary data is always a {@code message}).
 *
 * <p>Immutable apart from the bytes of a {@link Binary} packet's buffer, which nobody may modify once the packet
 * exists. Thread safe to share.
 */
public sealed interface EnginePacket permits EnginePacket.Text, EnginePacket.Binary {

  /** {@code 2}: a ping without data. */
  Text PING = new Text(PacketType.PING, "");
  /** {@code 3}: a pong without data. */
  Text PONG = new Text(PacketType.PONG, "");
  /** {@code 1}: close. */
  Text CLOSE = new Text(PacketType.CLOSE, "");
  /** {@code 5}: upgrade. */
  Text UPGRADE = new Text(PacketType.UPGRADE, "");
  /** {@code 6}: noop. */
  Text NOOP = new Text(PacketType.NOOP, "");
  /** {@code 2probe}: the client's upgrade probe. */
  Text PING_PROBE = new Text(PacketType.PING, "probe");
  /** {@code 3probe}: the server's answer to the probe. */
  Text PONG_PROBE = new Text(PacketType.PONG, "probe");

  /** The packet type. */
  PacketType type();

  /** A text {@code message} packet. */
  static Text message(String data) {
    return new Text(PacketType.MESSAGE, data);
  }

  /** A binary {@code message} packet over these bytes (not copied). */
  static Binary binary(byte[] data) {
    return new Binary(ByteBuffer.wrap(data));
  }

  /**
   * A packet of any type with string data; {@code ""} when the packet carries none.
   *
   * @param type the packet type
   * @param data the data after the type character, never {@code null}
   */
  record Text(PacketType type, String data) implements EnginePacket {
    /** Rejects nulls. */
    public Text {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(data, "data");
    }
  }

  /**
   * A binary {@code message} packet. The buffer's position..limit are the data; it is never modified by the codec.
   *
   * @param data the bytes
   */
  record Binary(ByteBuffer data) implements EnginePacket {
    /** Rejects null. */
    public Binary {
      Objects.requireNonNull(data, "data");
    }

    @Override
    public PacketType type() {
      return PacketType.MESSAGE;
    }

    /** A copy of the bytes (does not move the buffer's position). */
    public byte[] toByteArray() {
      ByteBuffer d = data.duplicate();
      byte[] out = new byte[d.remaining()];
      d.get(out);
      return out;
    }
  }
}
