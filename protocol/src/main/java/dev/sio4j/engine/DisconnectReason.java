package dev.sio4j.engine;

/** Why an Engine.IO session closed, with the exact strings Node's {@code engine.io} reports. */
public enum DisconnectReason {
  /** The client closed the connection or sent a close packet. */
  TRANSPORT_CLOSE("transport close"),
  /** The transport failed (I/O error, aborted request, oversized payload, inbound packet rate exceeded). */
  TRANSPORT_ERROR("transport error"),
  /** No pong arrived within pingInterval + pingTimeout. */
  PING_TIMEOUT("ping timeout"),
  /** The client sent something that could not be decoded. */
  PARSE_ERROR("parse error"),
  /** The server closed the session ({@link EngineSocket#close()}). */
  FORCED_CLOSE("forced close"),
  /** The server is shutting down. */
  SERVER_SHUTTING_DOWN("server shutting down"),
  /** The client could not keep up: its outbound queue hit the configured bound. */
  SLOW_CONSUMER("slow consumer");

  private final String text;

  DisconnectReason(String text) {
    this.text = text;
  }

  /** The reason string as Node reports it. */
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
