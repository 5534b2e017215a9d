package dev.sio4j.socket;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Runs a middleware chain (Node's {@code run(i)}): each step calls next; the first error short-circuits. */
final class Chain {

  private Chain() {}

  /** Runs {@code steps} in order, then {@code done} with {@code null} or the first error. */
  static <T> void run(List<T> steps, BiConsumer<T, Middleware.Next> invoke, Consumer<Throwable> done) {
    run(steps, invoke, done, () -> "a middleware");
  }

  /**
   * As {@link #run(List, BiConsumer, Consumer)}; {@code what} names the chain in the log line of a middleware that
   * throws (whatever it throws is its {@code next.fail}).
   */
  static <T> void run(List<T> steps, BiConsumer<T, Middleware.Next> invoke, Consumer<Throwable> done,
      Supplier<String> what) {
    step(List.copyOf(steps), 0, invoke, done, what);
  }

  private static <T> void step(List<T> steps, int i, BiConsumer<T, Middleware.Next> invoke,
      Consumer<Throwable> done, Supplier<String> what) {
    if (i >= steps.size()) {
      done.accept(null);
      return;
    }
    AtomicBoolean called = new AtomicBoolean();
    Middleware.Next next = new Middleware.Next() {
      @Override
      public void proceed() {
        if (called.compareAndSet(false, true)) {
          step(steps, i + 1, invoke, done, what);
        }
      }

      @Override
      public void fail(Throwable error) {
        if (called.compareAndSet(false, true)) {
          done.accept(error == null ? new ConnectionRefused("refused") : error);
        }
      }
    };
    try {
      invoke.accept(steps.get(i), next);
    } catch (Throwable t) {
      Callbacks.failed(t, () -> what.get() + " (taken as next.fail)");
      next.fail(t);
    }
  }
}
