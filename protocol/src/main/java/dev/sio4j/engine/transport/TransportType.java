package dev.sio4j.engine.transport;

/** The Engine.IO transports, by their wire name. */
public enum TransportType {
  /** HTTP long-polling. */
  POLLING("polling"),
  /** WebSocket. */
  WEBSOCKET("websocket");

  private final String wireName;

  TransportType(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in the {@code transport} query parameter and the handshake's {@code upgrades}. */
  public String wireName() {
    return wireName;
  }

  /** Finds a transport by its wire name, or returns {@code null} when unknown. */
  public static TransportType fromWireName(String name) {
    if (name == null) {
      return null;
    }
    return switch (name) {
      case "polling" -> POLLING;
      case "websocket" -> WEBSOCKET;
      default -> null;
    };
  }
}
