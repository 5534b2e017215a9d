package dev.sio4j.engine;

import java.util.ArrayList;

/**
 * Holds back WebSocket writes made while a listener callback runs on this thread, and writes each touched connection
 * once when the outermost callback returns: the frames a callback queued for one connection (e.g. the 100
 * {@code io.emit}s of one handler) then go to the channel back to back, marked "more follows", so a channel can hand
 * them to the network in one write instead of one system call each. Nothing waits on it: the callback returns first.
 *
 * <p>Threading: per thread (a {@link ThreadLocal}); a transport is registered at most once per cork (its
 * {@code corked} flag, guarded by the session lock). Sends from threads outside a callback are not corked.
 */
final class WriteCork {

  private static final ThreadLocal<WriteCork> CURRENT = ThreadLocal.withInitial(WriteCork::new);

  private int depth;
  private final ArrayList<WebSocketTransport> pending = new ArrayList<>();

  private WriteCork() {}

  /** Enters a listener callback on this thread. Pair with {@link #end}. */
  static WriteCork begin() {
    WriteCork c = CURRENT.get();
    c.depth++;
    return c;
  }

  /** This thread's cork (to {@link #end} what an earlier {@link #begin} on this thread started). */
  static WriteCork current() {
    return CURRENT.get();
  }

  /** Whether writes on this thread are held back now. */
  static boolean active() {
    return CURRENT.get().depth > 0;
  }

  /** Registers a transport to write when the cork ends (the caller set its corked flag). */
  static void defer(WebSocketTransport ws) {
    CURRENT.get().pending.add(ws);
  }

  /** Leaves a callback; the outermost one writes every deferred transport (their sends may run more callbacks). */
  void end() {
    if (depth > 1) {
      depth--;
      return;
    }
    try {
      for (int i = 0; i < pending.size(); i++) {
        try {
          pending.get(i).uncork(); // may add more (a flush callback that sends), handled by this loop
        } catch (RuntimeException e) {
          // never leave a later transport corked (it would stall): log and go on with the others
          System.getLogger("dev.sio4j.engine").log(System.Logger.Level.WARNING, "writing a corked WebSocket failed", e);
        }
      }
    } finally {
      pending.clear();
      depth--;
    }
  }
}
