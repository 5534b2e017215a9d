package dev.sio4j.socket.parser;

/** The Socket.IO v5 packet types with their wire digit. Immutable. */
public enum PacketType {
  /** Connection to a namespace (client request, server answer). */
  CONNECT,
  /** Disconnection from a namespace. */
  DISCONNECT,
  /** An event: a non-empty array whose first element is the event name. */
  EVENT,
  /** An acknowledgement: an array of arguments. */
  ACK,
  /** The server refused a namespace connection. */
  CONNECT_ERROR,
  /** An event with binary attachments. */
  BINARY_EVENT,
  /** An acknowledgement with binary attachments. */
  BINARY_ACK;

  private static final PacketType[] VALUES = values();

  /** The wire digit ({@code '0'} to {@code '6'}). */
  public char wireChar() {
    return (char) ('0' + ordinal());
  }

  /** Whether packets of this type carry binary attachments. */
  public boolean isBinary() {
    return this == BINARY_EVENT || this == BINARY_ACK;
  }

  /** The type for a wire digit, or {@code null} when the character is no packet type. */
  static PacketType fromWireChar(char c) {
    int i = c - '0';
    return i >= 0 && i < VALUES.length ? VALUES[i] : null;
  }
}
