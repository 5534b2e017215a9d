package dev.sio4j.socket;

/**
 * Refuses a connection from a {@link Middleware}: the client receives CONNECT_ERROR
 * {@code {"message":message,"data":data}} ({@code data} omitted when {@code null}).
 */
public class ConnectionRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Object data;

  /** Refuses with a message and no data. */
  public ConnectionRefused(String message) {
    this(message, null);
  }

  /** Refuses with a message and extra data (any value the encoder accepts). */
  public ConnectionRefused(String message, Object data) {
    super(message, null, false, false);
    this.data = data;
  }

  /** The extra data, or {@code null}. */
  public Object data() {
    return data;
  }
}
