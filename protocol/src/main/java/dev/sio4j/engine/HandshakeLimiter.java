package dev.sio4j.engine;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The per-remote-address handshake limits of {@link EngineOptions}: {@code maxHandshakesPerAddress} per
 * {@code handshakeWindow} (fixed windows, starting at an address's first handshake) and
 * {@code maxSessionsPerAddress} concurrent sessions. {@link EngineServer} asks {@link #admit} before it creates a
 * session and calls {@link #release} when that session closes.
 *
 * <p>Memory is bounded: an entry lives while its address has sessions or its window is running; idle entries are
 * removed when the last session closes (if no window is running) and by a sweep every window on the server's
 * scheduler. At most {@code maxTrackedAddresses} entries exist; when the table is full a new address is let through
 * untracked (failing closed would let whoever fills the table lock everybody out) and that is logged. A release of
 * such an untracked session may then lower a later entry of the same address by one; the counts never go negative.
 *
 * <p>Thread safe: each entry is guarded by its own monitor; an entry removed from the table is marked dead so a
 * concurrent {@link #admit} retries with a fresh one.
 */
final class HandshakeLimiter {

  static final String TOO_MANY_HANDSHAKES = "Too many handshakes";
  static final String TOO_MANY_SESSIONS = "Too many sessions from this address";
  static final int STATUS = 429;

  private final int maxHandshakes;
  private final long windowNanos;
  private final int maxSessions;
  private final int maxAddresses;
  private final LongSupplier clock;
  private final ThrottledLog log;
  private final ConcurrentHashMap<String, Entry> table = new ConcurrentHashMap<>();

  /** The state of one address; fields guarded by the entry itself. */
  private static final class Entry {
    long windowStart;
    int handshakes;
    int sessions;
    boolean dead;

    Entry(long now) {
      windowStart = now;
    }
  }

  /** {@code clock} counts nanoseconds, as {@link System#nanoTime()}. */
  HandshakeLimiter(EngineOptions options, LongSupplier clock) {
    this.maxHandshakes = options.maxHandshakesPerAddress();
    this.windowNanos = options.handshakeWindow().toNanos();
    this.maxSessions = options.maxSessionsPerAddress();
    this.maxAddresses = options.maxTrackedAddresses();
    this.clock = clock;
    this.log = new ThrottledLog(options.handshakeWindow(), clock);
  }

  /** Whether any per-address limit is on. */
  boolean enabled() {
    return maxHandshakes > 0 || maxSessions > 0;
  }

  /** Sweeps idle entries every window on {@code scheduler} (the server's one timer thread); no-op when disabled. */
  void startSweeping(ScheduledExecutorService scheduler) {
    if (enabled()) {
      long period = Math.max(windowNanos, TimeUnit.SECONDS.toNanos(1));
      try {
        scheduler.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // the server is already closed
      }
    }
  }

  /**
   * Counts a handshake of {@code address} and reserves a session slot for it: returns {@code null} when admitted
   * (the caller must {@link #release} the slot when the session closes, or at once if it is not created), or the
   * refusal to send.
   */
  EngineError.Rejection admit(String address) {
    if (!enabled() || address == null || address.isEmpty()) {
      return null; // nothing to attribute the handshake to
    }
    while (true) {
      long now = clock.getAsLong();
      Entry e = table.get(address);
      if (e == null) {
        if (table.size() >= maxAddresses) {
          log.warn(() -> "Engine.IO per-address limits are tracking maxTrackedAddresses (" + maxAddresses
              + ") addresses; handshakes from " + address + " and other new addresses are not limited");
          return null;
        }
        Entry fresh = new Entry(now);
        e = table.putIfAbsent(address, fresh);
        if (e == null) {
          e = fresh;
        }
      }
      boolean handshakes;
      synchronized (e) {
        if (e.dead) {
          continue; // swept between get and lock: start again with a new entry
        }
        if (now - e.windowStart >= windowNanos) {
          e.windowStart = now;
          e.handshakes = 0;
        }
        if (maxHandshakes > 0 && e.handshakes >= maxHandshakes) {
          handshakes = true;
        } else if (maxSessions > 0 && e.sessions >= maxSessions) {
          e.handshakes++;
          handshakes = false;
        } else {
          e.handshakes++;
          e.sessions++;
          return null;
        }
      }
      log.warn(() -> "Engine.IO refused handshakes from " + address + ": " + (handshakes
          ? "more than maxHandshakesPerAddress (" + maxHandshakes + ") per " + Duration.ofNanos(windowNanos)
          : "maxSessionsPerAddress (" + maxSessions + ") sessions open") + "; HTTP " + STATUS);
      return new EngineError.Rejection(EngineError.FORBIDDEN, STATUS,
          handshakes ? TOO_MANY_HANDSHAKES : TOO_MANY_SESSIONS);
    }
  }

  /** A session admitted for {@code address} closed (or was never created): frees its slot. */
  void release(String address) {
    if (!enabled() || address == null || address.isEmpty()) {
      return;
    }
    Entry e = table.get(address);
    if (e == null) {
      return; // admitted untracked while the table was full
    }
    synchronized (e) {
      if (e.sessions > 0) {
        e.sessions--;
      }
      if (!e.dead && idle(e, clock.getAsLong())) {
        e.dead = true;
        table.remove(address, e);
      }
    }
  }

  /** Removes every entry without sessions whose window is over. */
  void sweep() {
    long now = clock.getAsLong();
    table.forEach((address, e) -> {
      synchronized (e) {
        if (!e.dead && idle(e, now)) {
          e.dead = true;
          table.remove(address, e);
        }
      }
    });
  }

  private boolean idle(Entry e, long now) {
    return e.sessions == 0 && (maxHandshakes == 0 || now - e.windowStart >= windowNanos);
  }

  /** The number of addresses tracked now (for tests and diagnostics). */
  int trackedAddresses() {
    return table.size();
  }
}
