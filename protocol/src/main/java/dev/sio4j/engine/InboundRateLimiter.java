package dev.sio4j.engine;

import java.util.function.LongSupplier;

/**
 * The per-session inbound packet rate of {@link EngineOptions#maxInboundPacketsPerSecond()}: a token bucket of
 * {@code inboundPacketBurst} packets refilled at {@code maxInboundPacketsPerSecond}. Every packet the session receives
 * on its current transport takes a token; a packet finding the bucket empty closes the session with
 * {@link DisconnectReason#TRANSPORT_ERROR} and the description {@value #DESCRIPTION} (no new reason: Node closes for
 * bad transport input with {@code transport error} too, and the Socket.IO layer already maps it). The closes are
 * logged at most once per {@link #LOG_INTERVAL} per server.
 *
 * <p>Thread safe (a transport delivers one packet at a time, so the monitor is uncontended).
 */
final class InboundRateLimiter {

  static final String DESCRIPTION = "inbound packet rate exceeded";
  static final java.time.Duration LOG_INTERVAL = java.time.Duration.ofSeconds(10);

  /** The limiter of every session when the limit is off: admits everything, holds no state. */
  static final InboundRateLimiter UNLIMITED = new InboundRateLimiter(0, 0, null, null);

  private final double tokensPerNano;
  private final double burst;
  private final LongSupplier clock;
  private final ThrottledLog log;
  private double tokens; // guarded by this
  private long last; // guarded by this

  private InboundRateLimiter(int perSecond, int burst, LongSupplier clock, ThrottledLog log) {
    this.tokensPerNano = perSecond / 1e9;
    this.burst = burst == 0 ? perSecond : burst;
    this.clock = clock;
    this.log = log;
    this.tokens = this.burst;
    this.last = clock == null ? 0 : clock.getAsLong();
  }

  /** A limiter for a new session, or {@link #UNLIMITED} when the option is off. */
  static InboundRateLimiter forSession(EngineOptions options, ThrottledLog log, LongSupplier clock) {
    int rate = options.maxInboundPacketsPerSecond();
    return rate == 0 ? UNLIMITED : new InboundRateLimiter(rate, options.inboundPacketBurst(), clock, log);
  }

  /** Takes a token: {@code false} when the session is over its rate. */
  synchronized boolean tryAcquire() {
    long now = clock.getAsLong();
    tokens = Math.min(burst, tokens + (now - last) * tokensPerNano);
    last = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /** Admits one packet of {@code session}, or closes the session and returns {@code false}. */
  boolean admit(EngineSession session) {
    if (this == UNLIMITED || tryAcquire()) {
      return true;
    }
    log.warn(() -> "Engine.IO session " + session.id() + " from " + session.request().remoteAddress() + " closed: "
        + DESCRIPTION + " (maxInboundPacketsPerSecond " + Math.round(tokensPerNano * 1e9) + ", burst "
        + Math.round(burst) + ")");
    session.closeWith(DisconnectReason.TRANSPORT_ERROR, DESCRIPTION, null);
    return false;
  }
}
