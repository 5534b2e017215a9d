package dev.sio4j.engine.packet;

/**
 * Bad input from a peer: a packet or payload that cannot be decoded. The {@link Kind} says what was wrong; the
 * engine maps every kind to closing the session with {@code parse error}.
 */
public final class PacketParseException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What was wrong with the input. */
  public enum Kind {
    /** An empty packet (nothing where a type character was expected). */
    EMPTY_PACKET,
    /** The first character names no packet type. */
    UNKNOWN_TYPE,
    /** A {@code b}-prefixed packet whose data is not valid base64. */
    INVALID_BASE64,
    /** The bytes of a text payload are not valid UTF-8. */
    INVALID_UTF8,
    /** Binary data where the protocol version allows only text. */
    UNEXPECTED_BINARY
  }

  private final Kind kind;

  /** Creates an exception of this kind; {@code detail} describes the input (never the whole input). */
  public PacketParseException(Kind kind, String detail) {
    super(kind + ": " + detail, null, false, false); // no stack trace: bad input is routine, not a bug
    this.kind = kind;
  }

  /** What was wrong. */
  public Kind kind() {
    return kind;
  }
}
