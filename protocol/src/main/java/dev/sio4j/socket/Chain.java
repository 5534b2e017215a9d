package dev.sio4j.socket;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Runs a middleware chain (Node's {@code run(i)}): each step calls next; the first error short-circuits. */
final class Chain {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.socket");

  private Chain() {}

  /** Runs {@code steps} in order, then {@code done} with {@code null} or the first error. */
  static <T> void run(List<T> steps, BiConsumer<T, Middleware.Next> invoke, Consumer<Throwable> done) {
    step(List.copyOf(steps), 0, invoke, done);
  }

  private static <T> void step(List<T> steps, int i, BiConsumer<T, Middleware.Next> invoke,
      Consumer<Throwable> done) {
    if (i >= steps.size()) {
      done.accept(null);
      return;
    }
    AtomicBoolean called = new AtomicBoolean();
    Middleware.Next next = new Middleware.Next() {
      @Override
      public void proceed() {
        if (called.compareAndSet(false, true)) {
          step(steps, i + 1, invoke, done);
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
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "middleware threw; treating it as next.fail()", e);
      next.fail(e);
    }
  }
}
