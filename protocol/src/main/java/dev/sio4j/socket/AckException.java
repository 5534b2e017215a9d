package dev.sio4j.socket;

/** An acknowledgement that did not come. The {@link Kind} says why. */
public final class AckException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why no acknowledgement came. */
  public enum Kind {
    /** The timeout elapsed (Node's "operation has timed out"). */
    TIMEOUT,
    /** The socket disconnected first. */
    DISCONNECTED,
    /** Too many acknowledgements were already pending on the socket; the event was not sent. */
    TOO_MANY_PENDING
  }

  private final Kind kind;

  /** Creates an exception of a kind. */
  public AckException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  /** Why no acknowledgement came. */
  public Kind kind() {
    return kind;
  }
}
