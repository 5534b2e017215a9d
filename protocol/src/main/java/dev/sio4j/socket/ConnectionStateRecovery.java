package dev.sio4j.socket;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of connection state recovery (Node's {@code connectionStateRecovery} option): when a client loses its
 * connection for a short while, it reconnects with the same socket id, rooms and {@link Socket#data()}, and receives
 * the events broadcast in between. Enable with {@code SocketIoOptions.builder().connectionStateRecovery(
 * ConnectionStateRecovery.defaults())}. Immutable.
 *
 * <p>While enabled, every event the server emits without an acknowledgement and not volatile carries an offset
 * (a string) as its last argument, and the CONNECT answer carries the private session id {@code pid}, as Node does;
 * the official client sends both back ({@code auth.pid}, {@code auth.offset}) when it reconnects.
 *
 * @param maxDisconnectionDuration how long a session (and the packets it may miss) is kept after a disconnection;
 *     defaults to 2 minutes
 * @param skipMiddlewares whether a recovered socket connects without running the namespace's middlewares; defaults
 *     to {@code true}
 * @param maxBufferedPackets most packets a namespace keeps for replay (the oldest are dropped first, after which
 *     sessions that missed them cannot be recovered); defaults to 10,000
 * @param maxSessions most disconnected sessions a namespace keeps (the oldest are dropped first); defaults to 10,000
 * @param maxBufferedBytes most bytes (the sum of the encoded sizes) of the packets a namespace keeps for replay, the
 *     oldest dropped first as for {@code maxBufferedPackets}; defaults to 16 MiB, so that large events cannot pin
 *     gigabytes for {@code maxDisconnectionDuration} (Node has no such bound)
 */
public record ConnectionStateRecovery(
    Duration maxDisconnectionDuration, boolean skipMiddlewares, int maxBufferedPackets, int maxSessions,
    long maxBufferedBytes) {

  /** The default of {@link #maxBufferedBytes()}: 16 MiB. */
  public static final long DEFAULT_MAX_BUFFERED_BYTES = 16L << 20;

  /** Validates every value. */
  public ConnectionStateRecovery {
    Objects.requireNonNull(maxDisconnectionDuration, "maxDisconnectionDuration");
    if (maxDisconnectionDuration.isNegative() || maxDisconnectionDuration.isZero()) {
      throw new IllegalArgumentException("maxDisconnectionDuration must be > 0, was " + maxDisconnectionDuration);
    }
    if (maxBufferedPackets < 1) {
      throw new IllegalArgumentException("maxBufferedPackets must be > 0, was " + maxBufferedPackets);
    }
    if (maxSessions < 1) {
      throw new IllegalArgumentException("maxSessions must be > 0, was " + maxSessions);
    }
    if (maxBufferedBytes < 1) {
      throw new IllegalArgumentException("maxBufferedBytes must be > 0, was " + maxBufferedBytes);
    }
  }

  /** The bounds without {@code maxBufferedBytes}, which takes its default. */
  public ConnectionStateRecovery(Duration maxDisconnectionDuration, boolean skipMiddlewares, int maxBufferedPackets,
      int maxSessions) {
    this(maxDisconnectionDuration, skipMiddlewares, maxBufferedPackets, maxSessions, DEFAULT_MAX_BUFFERED_BYTES);
  }

  /** Node's two settings; the bounds take their defaults. */
  public ConnectionStateRecovery(Duration maxDisconnectionDuration, boolean skipMiddlewares) {
    this(maxDisconnectionDuration, skipMiddlewares, 10_000, 10_000);
  }

  /** The defaults (2 minutes, middlewares skipped). */
  public static ConnectionStateRecovery defaults() {
    return new ConnectionStateRecovery(Duration.ofMinutes(2), true);
  }
}
