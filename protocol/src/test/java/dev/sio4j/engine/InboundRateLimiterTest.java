package dev.sio4j.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InboundRateLimiterTest {

  private final AtomicLong now = new AtomicLong(5_000);
  private final ThrottledLog log = new ThrottledLog(Duration.ofSeconds(10), now::get);

  private InboundRateLimiter limiter(int perSecond, int burst) {
    EngineOptions o = EngineOptions.builder().maxInboundPacketsPerSecond(perSecond).inboundPacketBurst(burst).build();
    return InboundRateLimiter.forSession(o, log, now::get);
  }

  @Test
  void isOffByDefault() {
    assertSame(InboundRateLimiter.UNLIMITED, InboundRateLimiter.forSession(EngineOptions.defaults(), log, now::get));
  }

  @Test
  void admitsABurstThenRefuses() {
    InboundRateLimiter l = limiter(10, 3);
    assertTrue(l.tryAcquire());
    assertTrue(l.tryAcquire());
    assertTrue(l.tryAcquire());
    assertFalse(l.tryAcquire());
  }

  @Test
  void burstDefaultsToTheRate() {
    InboundRateLimiter l = limiter(4, 0);
    for (int i = 0; i < 4; i++) {
      assertTrue(l.tryAcquire());
    }
    assertFalse(l.tryAcquire());
  }

  @Test
  void refillsAtTheRateUpToTheBurst() {
    InboundRateLimiter l = limiter(10, 2);
    assertTrue(l.tryAcquire());
    assertTrue(l.tryAcquire());
    assertFalse(l.tryAcquire());
    now.addAndGet(Duration.ofMillis(100).toNanos()); // one token
    assertTrue(l.tryAcquire());
    assertFalse(l.tryAcquire());
    now.addAndGet(Duration.ofHours(1).toNanos()); // capped at the burst
    assertTrue(l.tryAcquire());
    assertTrue(l.tryAcquire());
    assertFalse(l.tryAcquire());
  }

  @Test
  void throttledLogWritesOneLinePerInterval() {
    assertTrue(log.warn(() -> "first"));
    assertFalse(log.warn(() -> "second"));
    now.addAndGet(Duration.ofSeconds(9).toNanos());
    assertFalse(log.warn(() -> "third"));
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertTrue(log.warn(() -> "fourth"));
  }
}
