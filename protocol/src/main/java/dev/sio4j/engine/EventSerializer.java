package dev.sio4j.engine;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the listener callbacks of one session one at a time, in submission order, on whichever thread submits while
 * nobody else is running them (no thread of its own, no lock held while a callback runs, so a callback may send to
 * any session without deadlock). A callback that submits more work has it run after it returns.
 *
 * <p>Created <i>held</i> by the thread that builds the session: tasks submitted meanwhile wait until
 * {@link #runFirstAndRelease} ran the {@code connection} callback, which therefore precedes every other event.
 */
final class EventSerializer {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.engine");

  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean running = new AtomicBoolean(true); // held by the creator until runFirstAndRelease

  /** Runs {@code first} now (the caller holds the serializer), then releases it and runs what queued meanwhile. */
  void runFirstAndRelease(Runnable first) {
    WriteCork cork = WriteCork.begin();
    try {
      runSafely(first);
    } finally {
      running.set(false);
      cork.end();
    }
    drain();
  }

  /** Queues a task and runs the queue if nobody else is. */
  void execute(Runnable task) {
    tasks.add(task);
    drain();
  }

  /**
   * Runs the task on this thread right now if nothing else is queued or running, and returns {@code true}; else
   * returns {@code false} and does nothing (the caller then queues a task that does not borrow transient buffers).
   */
  boolean runIfIdle(Runnable task) {
    if (!tryAcquire()) {
      return false;
    }
    try {
      runSafely(task);
    } finally {
      release();
    }
    return true;
  }

  /**
   * Takes the serializer if nothing is queued or running: the caller then runs its callback inline (catching what it
   * throws) and must call {@link #release} in a {@code finally}. Saves a task object on the common idle path.
   */
  boolean tryAcquire() {
    if (tasks.isEmpty() && running.compareAndSet(false, true)) {
      WriteCork.begin();
      return true;
    }
    return false;
  }

  /** Gives back what {@link #tryAcquire} took and runs what was queued meanwhile. */
  void release() {
    running.set(false);
    try {
      drain();
    } finally {
      WriteCork.current().end(); // balances tryAcquire's begin
    }
  }

  private void drain() {
    while (!tasks.isEmpty() && running.compareAndSet(false, true)) {
      WriteCork cork = WriteCork.begin();
      try {
        Runnable r;
        while ((r = tasks.poll()) != null) {
          runSafely(r);
        }
      } finally {
        running.set(false);
        cork.end();
      }
    }
  }

  private static void runSafely(Runnable r) {
    try {
      r.run();
    } catch (Throwable t) {
      rethrowIfFatal(t);
      LOG.log(System.Logger.Level.WARNING, "an Engine.IO listener threw; the session goes on", t);
    }
  }

  /**
   * At a callback boundary, after catching {@link Throwable}: an {@link Error} or a checked exception thrown sneakily
   * is the callback's failure (logged, the session goes on); a {@link VirtualMachineError} is not ours to swallow.
   */
  static void rethrowIfFatal(Throwable t) {
    if (t instanceof VirtualMachineError e) {
      throw e;
    }
  }
}
