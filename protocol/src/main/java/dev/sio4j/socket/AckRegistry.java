package dev.sio4j.socket;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The acknowledgements one socket waits for (Node's {@code socket.acks}), bounded, with optional timeouts on the
 * shared timer. Whoever removes an entry first (ack, timeout or disconnect) completes it, so every callback is
 * completed exactly once, also when it is registered while (or after) {@link #failAll} runs. Thread safe.
 */
final class AckRegistry {

  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final int max;
  private final ScheduledExecutorService timer;
  private final Executor context;
  /** Set by {@link #failAll} before it drains: a later registration fails at once instead of waiting forever. */
  private volatile AckException closedWith;

  AckRegistry(int max, ScheduledExecutorService timer, Executor context) {
    this.max = max;
    this.timer = timer;
    this.context = context;
  }

  /** Registers a callback; returns {@code false} (and registers nothing) when the bound is reached. */
  boolean register(long id, AckCallback callback, Duration timeout) {
    if (pending.size() >= max) {
      return false;
    }
    Pending p = new Pending(callback);
    pending.put(id, p);
    AckException closed = closedWith;
    if (closed != null) { // failAll ran meanwhile and may have missed this entry: whoever removes it completes it
      if (pending.remove(id, p)) {
        callback.handle(closed, null);
      }
      return true;
    }
    if (timeout != null) {
      p.timer = timer.schedule(() -> {
        if (pending.remove(id, p)) {
          context.execute(() -> callback.handle(
              new AckException(AckException.Kind.TIMEOUT, "operation has timed out"), null));
        }
      }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
    return true;
  }

  /** Completes the callback of {@code id}; returns whether one was waiting. */
  boolean complete(long id, List<Object> args) {
    Pending p = pending.remove(id);
    if (p == null) {
      return false;
    }
    p.cancelTimer();
    p.callback.handle(null, args);
    return true;
  }

  /** Fails every waiting callback (the socket disconnected). */
  void failAll(AckException error) {
    closedWith = error;
    for (Long id : List.copyOf(pending.keySet())) {
      Pending p = pending.remove(id);
      if (p != null) {
        p.cancelTimer();
        p.callback.handle(error, null);
      }
    }
  }

  int size() {
    return pending.size();
  }

  private static final class Pending {
    final AckCallback callback;
    volatile ScheduledFuture<?> timer;

    Pending(AckCallback callback) {
      this.callback = callback;
    }

    void cancelTimer() {
      ScheduledFuture<?> t = timer;
      if (t != null) {
        t.cancel(false);
      }
    }
  }
}
