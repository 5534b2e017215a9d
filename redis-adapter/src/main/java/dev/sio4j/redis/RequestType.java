package dev.sio4j.redis;

/**
 * The request/response types exchanged on the request and response channels, numbered exactly as
 * {@code @socket.io/redis-adapter} 8.x numbers them (the ordinal is the wire value).
 */
enum RequestType {
  SOCKETS,
  ALL_ROOMS,
  REMOTE_JOIN,
  REMOTE_LEAVE,
  REMOTE_DISCONNECT,
  REMOTE_FETCH,
  SERVER_SIDE_EMIT,
  BROADCAST,
  BROADCAST_CLIENT_COUNT,
  BROADCAST_ACK;

  private static final RequestType[] VALUES = values();

  /** The wire number. */
  int wire() {
    return ordinal();
  }

  /** The type of a wire number, or {@code null} when unknown. */
  static RequestType of(Object wire) {
    if (wire instanceof Number n) {
      int i = n.intValue();
      if (i >= 0 && i < VALUES.length && n.doubleValue() == i) {
        return VALUES[i];
      }
    }
    return null;
  }
}
