package dev.sio4j.engine.packet;

/** The Engine.IO packet types, each with the character that starts its encoded form. */
public enum PacketType {
  /** Handshake answer from the server. */
  OPEN('0'),
  /** The transport can be closed. */
  CLOSE('1'),
  /** Heartbeat request (server to client in v4; {@code 2probe} from the client during an upgrade). */
  PING('2'),
  /** Heartbeat answer. */
  PONG('3'),
  /** Application data. */
  MESSAGE('4'),
  /** Completes a transport upgrade. */
  UPGRADE('5'),
  /** Does nothing; ends a long poll during an upgrade. */
  NOOP('6');

  private static final PacketType[] BY_DIGIT = values();

  private final char wireChar;

  PacketType(char wireChar) {
    this.wireChar = wireChar;
  }

  /** The character that starts the encoded packet. */
  public char wireChar() {
    return wireChar;
  }

  /** Finds a type by its wire character, or returns {@code null} when the character names no type. */
  public static PacketType fromWireChar(char c) {
    int i = c - '0';
    return i >= 0 && i < BY_DIGIT.length ? BY_DIGIT[i] : null;
  }
}
