package dev.sio4j.annotation.binding;

/**
 * An event argument (or the CONNECT auth payload) could not be converted to the type a handler method declares. The
 * handler is not called; the client's ack, when it asked for one, is answered {@code {"error":getMessage()}}; the
 * endpoint's {@link dev.sio4j.annotation.OnError} method (if any) receives this exception.
 *
 * <p>The message is meant for the client: it names the event, the argument position (1-based) and the expected
 * type's simple name, never server internals. The JSON-B detail is the {@link #getCause() cause}.
 */
public class EventArgumentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String event;
  private final int position;

  /** Creates the exception; {@code position} is 1-based, 0 for the auth payload. */
  public EventArgumentException(String event, int position, String message, Throwable cause) {
    super(message, cause, false, false);
    this.event = event;
    this.position = position;
  }

  /** The event name, or {@code null} for the CONNECT auth payload. */
  public String event() {
    return event;
  }

  /** The 1-based position of the argument, 0 for the auth payload. */
  public int position() {
    return position;
  }
}
