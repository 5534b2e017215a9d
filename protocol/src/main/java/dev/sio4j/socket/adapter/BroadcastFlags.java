package dev.sio4j.socket.adapter;

import java.time.Duration;

/**
 * Modifiers of a broadcast (Node's {@code BroadcastFlags}). Immutable.
 *
 * @param isVolatile drop the packet for a client that cannot take it right now
 * @param local only deliver on this server node (meaningful for cluster adapters)
 * @param timeout how long to wait for acknowledgements, or {@code null} for none
 * @param compress whether the packet may be compressed ({@code true} unless {@code compress(false)}); on polling a
 *     response made only of packets with {@code false} is not HTTP-compressed
 */
public record BroadcastFlags(boolean isVolatile, boolean local, Duration timeout, boolean compress) {

  /** No modifiers. */
  public static final BroadcastFlags NONE = new BroadcastFlags(false, false, null, true);

  /** Flags that may be compressed. */
  public BroadcastFlags(boolean isVolatile, boolean local, Duration timeout) {
    this(isVolatile, local, timeout, true);
  }

  /** A copy with the volatile flag set. */
  public BroadcastFlags withVolatile() {
    return new BroadcastFlags(true, local, timeout, compress);
  }

  /** A copy with the local flag set. */
  public BroadcastFlags withLocal() {
    return new BroadcastFlags(isVolatile, true, timeout, compress);
  }

  /** A copy with a timeout. */
  public BroadcastFlags withTimeout(Duration t) {
    return new BroadcastFlags(isVolatile, local, t, compress);
  }

  /** A copy with the compress flag. */
  public BroadcastFlags withCompress(boolean c) {
    return new BroadcastFlags(isVolatile, local, timeout, c);
  }
}
