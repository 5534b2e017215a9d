package dev.sio4j.engine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A log line that is written at most once per interval, so a flood of refused requests costs one line per interval,
 * not one per request; the next line says how many were left out. Thread safe, lock-free.
 */
final class ThrottledLog {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.engine");

  private final long intervalNanos;
  private final LongSupplier clock;
  private final AtomicLong nextAt;
  private final AtomicLong suppressed = new AtomicLong();

  /** {@code clock} counts nanoseconds, as {@link System#nanoTime()}. */
  ThrottledLog(java.time.Duration interval, LongSupplier clock) {
    this.intervalNanos = interval.toNanos();
    this.clock = clock;
    this.nextAt = new AtomicLong(clock.getAsLong());
  }

  /** Logs {@code message} at WARNING unless a line was already logged in this interval; returns whether it did. */
  boolean warn(Supplier<String> message) {
    long now = clock.getAsLong();
    long due = nextAt.get();
    if (now - due < 0 || !nextAt.compareAndSet(due, now + intervalNanos)) {
      suppressed.incrementAndGet();
      return false;
    }
    long left = suppressed.getAndSet(0);
    LOG.log(System.Logger.Level.WARNING, () -> message.get()
        + (left == 0 ? "" : " (" + left + " similar events not logged since the last line)"));
    return true;
  }
}
