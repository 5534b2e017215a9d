package dev.sio4j.socket;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks one at a time, in submission order, on a shared executor (one per connection). Thread safe.
 *
 * <p>No task can wedge it: what a task throws is logged and the next one runs; after a {@link VirtualMachineError}
 * (which it lets through) what is left goes to a new drain; and when the executor refuses a drain (saturated or shut
 * down), it runs on the submitting thread, so a connection's later events, its close included, still run, in order.
 */
final class SerialExecutor implements Executor {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.socket");

  private final Executor delegate;
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private boolean running; // guarded by tasks: a drain is submitted or running
  private boolean rejectionLogged; // guarded by tasks: one WARNING per connection, not one per event

  SerialExecutor(Executor delegate) {
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable task) {
    synchronized (tasks) {
      tasks.add(task);
      if (running) {
        return;
      }
      running = true;
    }
    submit();
  }

  private void submit() {
    try {
      delegate.execute(this::drain);
    } catch (RejectedExecutionException e) {
      boolean first;
      synchronized (tasks) {
        first = !rejectionLogged;
        rejectionLogged = true;
      }
      LOG.log(first ? Level.WARNING : Level.DEBUG,
          "the executor refused the tasks of a connection; running them on the calling thread", e);
      drain();
    }
  }

  private void drain() {
    boolean finished = false;
    try {
      Runnable next;
      while ((next = poll()) != null) {
        try {
          next.run();
        } catch (Throwable t) {
          Callbacks.failed(t, () -> "a task of a connection");
        }
      }
      finished = true;
    } finally {
      if (!finished) {
        resume(); // a VirtualMachineError is on its way up: leave the rest to a new drain, never running=true for good
      }
    }
  }

  /** The next task, or {@code null} after marking the drain over. */
  private Runnable poll() {
    synchronized (tasks) {
      Runnable next = tasks.poll();
      if (next == null) {
        running = false;
      }
      return next;
    }
  }

  private void resume() {
    synchronized (tasks) {
      if (tasks.isEmpty()) {
        running = false;
        return;
      }
    }
    submit();
  }
}
