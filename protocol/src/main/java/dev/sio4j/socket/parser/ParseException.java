package dev.sio4j.socket.parser;

/**
 * A Socket.IO packet from a peer could not be decoded. The {@link Kind} says which rule it broke; the message gives
 * details for the log, never for the client.
 */
public final class ParseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Which rule of the protocol the input broke. */
  public enum Kind {
    /** Empty message. */
    EMPTY,
    /** The first character is not a packet type {@code 0}–{@code 6}. */
    UNKNOWN_TYPE,
    /** The attachment count is malformed, too large, or does not match the placeholders. */
    INVALID_ATTACHMENTS,
    /** The namespace does not start with {@code /} or is too long. */
    INVALID_NAMESPACE,
    /** The ack id is not a non-negative number that fits in a {@code long}, or is not allowed for the type. */
    INVALID_ACK_ID,
    /** The payload is not valid JSON. */
    INVALID_JSON,
    /**
     * The message is not valid in a binary parser's encoding: malformed or truncated msgpack, a length beyond the
     * message, an unsupported msgpack extension type, or a text message where only binary ones are expected.
     */
    INVALID_ENCODING,
    /** The JSON nests deeper than allowed. */
    TOO_DEEP,
    /** The packet (text or attachments) is larger than allowed. */
    TOO_LARGE,
    /** The payload has the wrong shape for the packet type. */
    INVALID_PAYLOAD,
    /** An event uses a name reserved by Socket.IO. */
    RESERVED_EVENT,
    /** A placeholder outside a binary packet, or with an out-of-range {@code num}. */
    INVALID_PLACEHOLDER,
    /** A binary message arrived when no binary packet was waiting for attachments. */
    UNEXPECTED_BINARY,
    /** A text packet arrived while a binary packet still waited for attachments. */
    MISSING_ATTACHMENTS
  }

  private final Kind kind;

  /** Creates an exception of the given kind. */
  public ParseException(Kind kind, String message) {
    super(kind + ": " + message, null, false, false);
    this.kind = kind;
  }

  /** Which rule the input broke. */
  public Kind kind() {
    return kind;
  }
}
