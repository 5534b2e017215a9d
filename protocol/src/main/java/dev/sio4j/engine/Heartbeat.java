package dev.sio4j.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * The heartbeat of one session. In v4: every {@code pingInterval} the server sends a ping and expects the pong within
 * {@code pingTimeout}; the next ping is due {@code pingInterval} after the pong. One timer at a time on the server's
 * shared scheduler (monotonic: it runs on {@code System.nanoTime}). In v3 ({@code clientPings}) the client pings and
 * the session closes when no ping came for {@code pingInterval + pingTimeout}, as Node's engine.io for EIO=3.
 * Thread safe; {@link #stop()} cancels the timer.
 */
final class Heartbeat {

  private final Timers timers;
  private final Duration interval;
  private final Duration timeout;
  private final Runnable sendPing;
  private final Runnable onTimeout;
  private final boolean clientPings;

  private ScheduledFuture<?> timer; // guarded by this
  private boolean awaitingPong; // guarded by this
  private boolean stopped; // guarded by this

  Heartbeat(Timers timers, Duration interval, Duration timeout, Runnable sendPing, Runnable onTimeout,
      boolean clientPings) {
    this.clientPings = clientPings;
    this.timers = timers;
    this.interval = interval;
    this.timeout = timeout;
    this.sendPing = sendPing;
    this.onTimeout = onTimeout;
  }

  synchronized void start() {
    if (stopped) {
      return;
    }
    if (clientPings) {
      awaitingPong = true; // in v3 "awaiting" the client's next ping
      timer = timers.schedule(this::expire, interval.plus(timeout));
    } else {
      timer = timers.schedule(this::ping, interval);
    }
  }

  /** v3: a ping from the client; the next one is due within {@code pingInterval + pingTimeout}. */
  synchronized void onClientPing() {
    if (stopped || !clientPings) {
      return;
    }
    cancelTimer();
    timer = timers.schedule(this::expire, interval.plus(timeout));
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
