package dev.sio4j.engine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A log line that is written at most once per interval, so a flood of refused requests costs one line per interval,
 * not one per request; the next line says how many were left out. Every error a client can cause over and over (a
 * refused handshake, an argument that does not bind) is logged through one, so one hostile request cannot fill the
 * log. Public for the layers above the engine (the socket layer, endpoint binding); not meant for applications.
 *
 * <p>Thread safe, lock-free.
 */
public final class ThrottledLog {

  private final System.Logger log;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final AtomicLong nextAt;
  private final AtomicLong suppressed = new AtomicLong();

  /** {@code clock} counts nanoseconds, as {@link System#nanoTime()}. */
  ThrottledLog(java.time.Duration interval, LongSupplier clock) {
    this(System.getLogger("dev.sio4j.engine"), interval, clock);
  }

  /** Logs to {@code log} at most once per {@code interval}. */
  public ThrottledLog(System.Logger log, java.time.Duration interval) {
    this(log, interval, System::nanoTime);
  }

  private ThrottledLog(System.Logger log, java.time.Duration interval, LongSupplier clock) {
    this.log = log;
    this.intervalNanos = interval.toNanos();
    this.clock = clock;
    this.nextAt = new AtomicLong(clock.getAsLong());
  }

  /** Logs {@code message} at WARNING unless a line was already logged in this interval; returns whether it did. */
  public boolean warn(Supplier<String> message) {
    long now = clock.getAsLong();
    long due = nextAt.get();
    if (now - due < 0 || !nextAt.compareAndSet(due, now + intervalNanos)) {
      suppressed.incrementAndGet();
      return false;
    }
    long left = suppressed.getAndSet(0);
    log.log(System.Logger.Level.WARNING, () -> message.get()
        + (left == 0 ? "" : " (" + left + " similar events not logged since the last line)"));
    return true;
  }
}
