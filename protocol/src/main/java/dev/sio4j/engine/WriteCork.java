package dev.sio4j.engine;

import java.util.ArrayList;

/**
 * Holds back WebSocket writes made while a listener callback runs on this thread, and writes each touched connection
 * once when the outermost callback returns: the frames a callback queued for one connection (e.g. the 100
 * {@code io.emit}s of one handler) then go to the channel back to back, marked "more follows", so a channel can hand
 * them to the network in one write instead of one system call each. Nothing waits on it: the callback returns first.
 *
 * <p>A cork holds only its own thread's writes: a write to a corked connection from any other thread (that
 * connection's own callbacks, an application thread) claims the channel at once and takes the held frames along, so
 * a callback that then works for a long time delays no other connection's traffic; and it holds a batch, not a burst
 * ({@link EngineSession#corkFullLocked}). What a callback itself wrote to another connection waits for the callback
 * to return (or for that connection's next write from elsewhere): that is the batching.
 *
 * <p>Threading: per thread (a {@link ThreadLocal}); a transport is registered with at most one cork at a time (its
 * {@code corkedBy} field, guarded by the session lock). Sends from threads outside a callback are not corked.
 *
 * <p>A thread holds its cork only while a callback runs: the outermost {@link #end} removes it, so no container or
 * application thread keeps a sio4j object (and with it the web application's class loader) after an undeploy.
 */
final class WriteCork {

  private static final ThreadLocal<WriteCork> CURRENT = new ThreadLocal<>();

  private int depth;
  private ArrayList<WebSocketTransport> pending;

  private WriteCork() {}

  /** Enters a listener callback on this thread. Pair with {@link #end}. */
  static WriteCork begin() {
    WriteCork c = CURRENT.get();
    if (c == null) {
      c = new WriteCork();
      CURRENT.set(c);
    }
    c.depth++;
    return c;
  }

  /** This thread's cork (to {@link #end} what an earlier {@link #begin} on this thread started). */
  static WriteCork current() {
    WriteCork c = CURRENT.get();
    if (c == null) {
      throw new IllegalStateException("no callback running on this thread");
    }
    return c;
  }

  /** This thread's cork while a callback runs on it, else {@code null}. */
  static WriteCork currentOrNull() {
    return CURRENT.get();
  }

  /** Registers a transport to write when the cork ends (the caller set its corkedBy to this cork). */
  static void defer(WebSocketTransport ws) {
    WriteCork c = current();
    if (c.pending == null) {
      c.pending = new ArrayList<>(4);
    }
    c.pending.add(ws);
  }

  /** Leaves a callback; the outermost one writes every deferred transport (their sends may run more callbacks). */
  void end() {
    if (depth > 1) {
      depth--;
      return;
    }
    try {
      for (int i = 0; pending != null && i < pending.size(); i++) {
        try {
          pending.get(i).uncork(); // may add more (a flush callback that sends), handled by this loop
        } catch (Throwable t) {
          // never leave a later transport corked (it would stall): log and go on with the others
          EventSerializer.rethrowIfFatal(t);
          System.getLogger("dev.sio4j.engine").log(System.Logger.Level.WARNING, "writing a corked WebSocket failed", t);
        }
      }
    } finally {
      pending = null;
      depth = 0;
      CURRENT.remove();
    }
  }
}
