package dev.sio4j.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * The v4 heartbeat of one session: every {@code pingInterval} the server sends a ping and expects the pong within
 * {@code pingTimeout}; the next ping is due {@code pingInterval} after the pong. One timer at a time on the server's
 * shared scheduler (monotonic: it runs on {@code System.nanoTime}). Thread safe; {@link #stop()} cancels the timer.
 */
final class Heartbeat {

  private final Timers timers;
  private final Duration interval;
  private final Duration timeout;
  private final Runnable sendPing;
  private final Runnable onTimeout;

  private ScheduledFuture<?> timer; // guarded by this
  private boolean awaitingPong; // guarded by this
  private boolean stopped; // guarded by this

  Heartbeat(Timers timers, Duration interval, Duration timeout, Runnable sendPing, Runnable onTimeout) {
    this.timers = timers;
    this.interval = interval;
    this.timeout = timeout;
    this.sendPing = sendPing;
    this.onTimeout = onTimeout;
  }

  synchronized void start() {
    if (!stopped) {
      timer = timers.schedule(this::ping, interval);
    }
  }

  /** A pong arrived: the ping is answered, the next one is due in {@code pingInterval}. Stray pongs are ignored. */
  synchronized void onPong() {
    if (stopped || !awaitingPong) {
      return;
    }
    awaitingPong = false;
    cancelTimer();
    timer = timers.schedule(this::ping, interval);
  }

  synchronized void stop() {
    stopped = true;
    cancelTimer();
  }

  private void ping() {
    synchronized (this) {
      if (stopped || awaitingPong) {
        return;
      }
      awaitingPong = true;
      timer = timers.schedule(this::expire, timeout);
    }
    sendPing.run();
  }

  private void expire() {
    synchronized (this) {
      if (stopped || !awaitingPong) {
        return; // the pong won the race
      }
      stopped = true;
      timer = null;
    }
    onTimeout.run();
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
