package dev.sio4j.socket;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
  private final transient List<Object> responses;

  /** Creates an exception of a kind. */
  public AckException(Kind kind, String message) {
    this(kind, message, List.of());
  }

  /** Creates an exception of a kind carrying the responses of a broadcast received so far. */
  public AckException(Kind kind, String message, List<Object> responses) {
    super(message, null, false, false);
    this.kind = kind;
    this.responses = responses == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(responses));
  }

  /**
   * For a broadcast with acknowledgements, the responses received before the timeout (one per client that answered,
   * Node's {@code err.responses}); empty otherwise.
   */
  public List<Object> responses() {
    return responses;
  }

  /** Why no acknowledgement came. */
  public Kind kind() {
    return kind;
  }
}
