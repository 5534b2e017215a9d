package dev.sio4j.engine;

/**
 * The life of a session, with the moves allowed between states: OPENING → OPEN → CLOSING → CLOSED, and any state but
 * CLOSED straight to CLOSED. {@link EngineSession} moves it under its lock and logs every change at DEBUG.
 */
enum SessionState {
  OPENING,
  OPEN,
  CLOSING,
  CLOSED;

  boolean canMoveTo(SessionState next) {
    return switch (this) {
      case OPENING -> next == OPEN || next == CLOSED;
      case OPEN -> next == CLOSING || next == CLOSED;
      case CLOSING -> next == CLOSED;
      case CLOSED -> false;
    };
  }

  /** Moves to {@code next}, or throws {@link IllegalStateException} for a move the machine does not allow. */
  SessionState moveTo(SessionState next) {
    if (!canMoveTo(next)) {
      throw new IllegalStateException("illegal session state change " + this + " -> " + next);
    }
    return next;
  }

  /** The public state of the same name (asked on every packet a client writes: no lookup by name). */
  EngineSocket.ReadyState readyState() {
    return switch (this) {
      case OPENING -> EngineSocket.ReadyState.OPENING;
      case OPEN -> EngineSocket.ReadyState.OPEN;
      case CLOSING -> EngineSocket.ReadyState.CLOSING;
      case CLOSED -> EngineSocket.ReadyState.CLOSED;
    };
  }
}
