package dev.sio4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HandshakeLimiterTest {

  private final AtomicLong now = new AtomicLong(1_000);

  private HandshakeLimiter limiter(EngineOptions.Builder options) {
    return new HandshakeLimiter(options.build(), now::get);
  }

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void isOffByDefault() {
    HandshakeLimiter l = limiter(EngineOptions.builder());
    for (int i = 0; i < 1_000; i++) {
      assertNull(l.admit("10.0.0.1"));
    }
    assertEquals(0, l.trackedAddresses());
  }

  @Test
  void refusesHandshakesOverThePerWindowLimitWith429AndCode4() {
    HandshakeLimiter l = limiter(EngineOptions.builder().maxHandshakesPerAddress(3)
        .handshakeWindow(Duration.ofSeconds(10)));
    for (int i = 0; i < 3; i++) {
      assertNull(l.admit("10.0.0.1"));
    }
    EngineError.Rejection r = l.admit("10.0.0.1");
    assertEquals(429, r.status());
    assertEquals("{\"code\":4,\"message\":\"Too many handshakes\"}", r.json());
    assertNull(l.admit("10.0.0.2"), "another address has its own window");
  }

  @Test
  void aNewWindowAdmitsAgain() {
    HandshakeLimiter l = limiter(EngineOptions.builder().maxHandshakesPerAddress(1)
        .handshakeWindow(Duration.ofSeconds(10)));
    assertNull(l.admit("10.0.0.1"));
    assertEquals(429, l.admit("10.0.0.1").status());
    advance(Duration.ofSeconds(10));
    assertNull(l.admit("10.0.0.1"));
  }

  @Test
  void limitsConcurrentSessionsUntilOneIsReleased() {
    HandshakeLimiter l = limiter(EngineOptions.builder().maxSessionsPerAddress(2));
    assertNull(l.admit("10.0.0.1"));
    assertNull(l.admit("10.0.0.1"));
    EngineError.Rejection r = l.admit("10.0.0.1");
    assertEquals(429, r.status());
    assertEquals("Too many sessions from this address", r.message());
    l.release("10.0.0.1");
    assertNull(l.admit("10.0.0.1"));
  }

  @Test
  void forgetsAnAddressWhenItsLastSessionClosesWithoutAWindowLimit() {
    HandshakeLimiter l = limiter(EngineOptions.builder().maxSessionsPerAddress(2));
    assertNull(l.admit("10.0.0.1"));
    assertNull(l.admit("10.0.0.1"));
    assertEquals(1, l.trackedAddresses());
    l.release("10.0.0.1");
    l.release("10.0.0.1");
    assertEquals(0, l.trackedAddresses());
    l.release("10.0.0.1"); // one too many: ignored
    assertEquals(0, l.trackedAddresses());
  }

  @Test
  void sweepRemovesIdleAddressesOnlyAfterTheirWindow() {
    HandshakeLimiter l = limiter(EngineOptions.builder().maxHandshakesPerAddress(5).maxSessionsPerAddress(5)
        .handshakeWindow(Duration.ofSeconds(10)));
    assertNull(l.admit("10.0.0.1"));
    assertNull(l.admit("10.0.0.2"));
    l.release("10.0.0.1");
    l.sweep();
    assertEquals(2, l.trackedAddresses(), "the window of 10.0.0.1 still runs");
    advance(Duration.ofSeconds(11));
    l.sweep();
    assertEquals(1, l.trackedAddresses(), "10.0.0.2 still has a session");
    l.release("10.0.0.2");
    assertEquals(0, l.trackedAddresses());
  }

  @Test
  void aFullTableLetsNewAddressesThroughUntracked() {
    HandshakeLimiter l = limiter(EngineOptions.builder().maxHandshakesPerAddress(1).maxTrackedAddresses(2));
    assertNull(l.admit("10.0.0.1"));
    assertNull(l.admit("10.0.0.2"));
    for (int i = 0; i < 5; i++) {
      assertNull(l.admit("10.0.0.3"));
    }
    assertEquals(2, l.trackedAddresses());
    assertEquals(429, l.admit("10.0.0.1").status(), "tracked addresses stay limited");
  }

  @Test
  void requestsWithoutAnAddressAreNotLimited() {
    HandshakeLimiter l = limiter(EngineOptions.builder().maxHandshakesPerAddress(1));
    for (int i = 0; i < 5; i++) {
      assertNull(l.admit(""));
      assertNull(l.admit(null));
    }
    assertEquals(0, l.trackedAddresses());
  }
}
