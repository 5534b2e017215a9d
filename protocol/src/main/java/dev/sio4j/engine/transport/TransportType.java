package dev.sio4j.engine.transport;

/** The Engine.IO transports, by their wire name. */
public enum TransportType {
  /** HTTP long-polling. */
  POLLING("polling"),
  /** WebSocket. */
  WEBSOCKET("websocket");

  /** {@code values()} once: it clones its array at every call, and this lookup runs per request. */
  private static final TransportType[] VALUES = values();

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
    for (TransportType t : VALUES) {
      if (t.wireName.equals(name)) {
        return t;
      }
    }
    return null;
  }
}
