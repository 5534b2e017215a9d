package dev.sio4j.socket;

/**
 * Why a {@link Socket} left its namespace, with the exact strings Node's {@code socket.io} reports. The engine's
 * reasons are mapped in one place, {@link #from(dev.sio4j.engine.DisconnectReason)}.
 */
public enum DisconnectReason {
  /** The connection failed. */
  TRANSPORT_ERROR("transport error"),
  /** The client closed the connection. */
  TRANSPORT_CLOSE("transport close"),
  /** The engine session was closed by the server. */
  FORCED_CLOSE("forced close"),
  /** The client stopped answering pings. */
  PING_TIMEOUT("ping timeout"),
  /** The client sent something that could not be decoded (Engine.IO or Socket.IO level). */
  PARSE_ERROR("parse error"),
  /** The server is shutting down. */
  SERVER_SHUTTING_DOWN("server shutting down"),
  /** The Socket.IO layer closed the connection (no CONNECT in time, invalid state). */
  FORCED_SERVER_CLOSE("forced server close"),
  /** The client disconnected from the namespace. */
  CLIENT_NAMESPACE_DISCONNECT("client namespace disconnect"),
  /** The server disconnected the socket ({@link Socket#disconnect(boolean)}). */
  SERVER_NAMESPACE_DISCONNECT("server namespace disconnect"),
  /** The client could not keep up with what was sent to it. */
  SLOW_CONSUMER("slow consumer");

  private final String text;

  DisconnectReason(String text) {
    this.text = text;
  }

  /** The reason as Node reports it. */
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * Whether a socket that left for this reason may be recovered by connection state recovery: the connection was
   * lost or closed by the server, not left on purpose (Node's {@code RECOVERABLE_DISCONNECT_REASONS}).
   */
  public boolean isRecoverable() {
    return switch (this) {
      case TRANSPORT_ERROR, TRANSPORT_CLOSE, FORCED_CLOSE, PING_TIMEOUT, SERVER_SHUTTING_DOWN, FORCED_SERVER_CLOSE ->
          true;
      default -> false;
    };
  }

  /** The socket-level reason for an engine close reason: the single mapping point. */
  public static DisconnectReason from(dev.sio4j.engine.DisconnectReason engine) {
    if (engine == null) {
      return TRANSPORT_CLOSE;
    }
    return switch (engine) {
      case TRANSPORT_CLOSE -> TRANSPORT_CLOSE;
      case TRANSPORT_ERROR -> TRANSPORT_ERROR;
      case PING_TIMEOUT -> PING_TIMEOUT;
      case PARSE_ERROR -> PARSE_ERROR;
      case FORCED_CLOSE -> FORCED_CLOSE;
      case SERVER_SHUTTING_DOWN -> SERVER_SHUTTING_DOWN;
      case SLOW_CONSUMER -> SLOW_CONSUMER;
    };
  }
}
