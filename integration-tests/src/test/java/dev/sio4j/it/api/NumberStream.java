package dev.sio4j.it.api;

import dev.sio4j.socket.Namespace;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A numbered stream broadcast to a room from an application thread ({@code nsp.to(room).emit("seq", n++)} about
 * every 0.3 ms), for the recovery-under-churn test: the client checks that it got 0..last exactly once, in order.
 * One stream per instance; {@link #stop} ends it and completes with the last number sent, on the stream's thread
 * right after that number was handed to the adapter (nothing blocks a container thread).
 */
final class NumberStream {

  /** A stream left running by a client that went away ends on its own after this long. */
  private static final long MAX_RUN_NANOS = TimeUnit.SECONDS.toNanos(90);

  private final Thread thread;
  private final CompletableFuture<Integer> done = new CompletableFuture<>();
  private volatile boolean stopped;

  NumberStream(Namespace nsp, String room) {
    thread = new Thread(() -> {
      long end = System.nanoTime() + MAX_RUN_NANOS;
      int last = -1;
      try {
        for (int n = 0; !stopped && System.nanoTime() - end < 0; n++) {
          nsp.to(room).emit("seq", n);
          last = n;
          LockSupport.parkNanos(300_000); // the pace of the stream, not a synchronisation
        }
      } finally {
        done.complete(last);
      }
    }, "number-stream-" + room);
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops the stream; completes once every number up to the answer has been handed to the adapter. */
  CompletableFuture<Integer> stop() {
    stopped = true;
    return done;
  }
}
