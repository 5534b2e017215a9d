package dev.sio4j.socket;

import java.lang.System.Logger.Level;
import java.util.function.Supplier;

/**
 * Runs application callbacks (handlers, listeners, middlewares, ack callbacks) so that nothing they throw, an
 * {@link Error} or a checked exception thrown sneakily included, stops the connection that called them: it is logged
 * once at WARNING and the session goes on. Only a {@link VirtualMachineError} (out of memory and the like) passes
 * through: it is not the application's to swallow. Stateless, thread safe.
 */
final class Callbacks {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.socket");

  private Callbacks() {}

  /** Runs {@code callback}; what it throws is logged with {@code what} (which callback, of which socket). */
  static void run(Runnable callback, Supplier<String> what) {
    try {
      callback.run();
    } catch (Throwable t) {
      failed(t, what);
    }
  }

  /** Logs what a callback threw, or rethrows it if it is a {@link VirtualMachineError}. */
  static void failed(Throwable t, Supplier<String> what) {
    rethrowIfFatal(t);
    LOG.log(Level.WARNING, () -> what.get() + " threw; the session goes on", t);
  }

  static void rethrowIfFatal(Throwable t) {
    if (t instanceof VirtualMachineError e) {
      throw e;
    }
  }
}
