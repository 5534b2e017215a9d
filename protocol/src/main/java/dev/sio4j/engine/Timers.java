package dev.sio4j.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.RejectedExecutionException;

/**
 * The one scheduler of an {@link EngineServer}: a single daemon thread for every heartbeat, upgrade and close timer.
 * Cancelled timers are removed at once (no leak of dead sessions). Timer tasks must not block; exceptions are logged.
 */
final class Timers {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.engine");
  private static final AtomicInteger SERVERS = new AtomicInteger();

  private final ScheduledThreadPoolExecutor executor;
  /** The executor's thread(s), joined on shutdown: the pool reports "terminated" a moment before they end. */
  private final java.util.List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

  Timers() {
    int n = SERVERS.incrementAndGet();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "sio4j-engine-timer-" + n);
      t.setDaemon(true);
      threads.add(t);
      return t;
    };
    executor = new ScheduledThreadPoolExecutor(1, factory);
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** Schedules a task, or returns {@code null} when the server is shut down. */
  ScheduledFuture<?> schedule(Runnable task, Duration delay) {
    try {
      return executor.schedule(() -> {
        try {
          task.run();
        } catch (Throwable t) {
          EventSerializer.rethrowIfFatal(t);
          LOG.log(System.Logger.Level.WARNING, "Engine.IO timer task failed", t);
        }
      }, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      return null;
    }
  }

  /** The executor itself, for layers above the engine that share this one timer thread. */
  ScheduledThreadPoolExecutor executor() {
    return executor;
  }

  void shutdown() {
    executor.shutdownNow();
    if (threads.contains(Thread.currentThread())) {
      return; // closed from a timer task: the thread ends when that task returns
    }
    try {
      // Briefly wait for a running task so an undeploy leaves no live timer thread behind (Tomcat reports it).
      executor.awaitTermination(1, TimeUnit.SECONDS);
      for (Thread t : threads) {
        t.join(1000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
