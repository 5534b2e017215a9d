package dev.sio4j.socket.adapter;

import java.time.Duration;

/**
 * Modifiers of a broadcast (Node's {@code BroadcastFlags}). Immutable.
 *
 * @param isVolatile drop the packet for a client that cannot take it right now
 * @param local only deliver on this server node (meaningful for cluster adapters)
 * @param timeout how long to wait for acknowledgements, or {@code null} for none
 */
public record BroadcastFlags(boolean isVolatile, boolean local, Duration timeout) {

  /** No modifiers. */
  public static final BroadcastFlags NONE = new BroadcastFlags(false, false, null);

  /** A copy with the volatile flag set. */
  public BroadcastFlags withVolatile() {
    return new BroadcastFlags(true, local, timeout);
  }

  /** A copy with the local flag set. */
  public BroadcastFlags withLocal() {
    return new BroadcastFlags(isVolatile, true, timeout);
  }

  /** A copy with a timeout. */
  public BroadcastFlags withTimeout(Duration t) {
    return new BroadcastFlags(isVolatile, local, t);
  }
}
