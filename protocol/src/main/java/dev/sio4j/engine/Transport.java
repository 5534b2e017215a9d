package dev.sio4j.engine;

import dev.sio4j.engine.transport.TransportType;

/**
 * The transport currently carrying an {@link EngineSession} (Node's {@code Transport}): it pulls queued packets from
 * the session and writes them; the session owns state and queue. Methods marked "locked" run under the session lock;
 * the others must be called without it (they do I/O).
 */
abstract class Transport {

  abstract TransportType type();

  /** Writes what the session has queued if the transport can write now; one writer at a time. */
  abstract void flush();

  /** Whether a packet queued now would be written at once (for volatile sends). Locked. */
  abstract boolean writableLocked();

  /** Closes the transport now, telling the client the session is over. Idempotent. */
  abstract void closeNow();

  /** Discards the transport after the session moved to another one. */
  void closeForUpgrade() {
    closeNow();
  }
}
