package dev.sio4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SessionStateTest {

  @Test
  void followsOpeningOpenClosingClosed() {
    assertEquals(SessionState.OPEN, SessionState.OPENING.moveTo(SessionState.OPEN));
    assertEquals(SessionState.CLOSING, SessionState.OPEN.moveTo(SessionState.CLOSING));
    assertEquals(SessionState.CLOSED, SessionState.CLOSING.moveTo(SessionState.CLOSED));
    assertEquals(SessionState.CLOSED, SessionState.OPEN.moveTo(SessionState.CLOSED));
  }

  @Test
  void rejectsIllegalMoves() {
    assertThrows(IllegalStateException.class, () -> SessionState.CLOSED.moveTo(SessionState.OPEN));
    assertThrows(IllegalStateException.class, () -> SessionState.CLOSING.moveTo(SessionState.OPEN));
    assertThrows(IllegalStateException.class, () -> SessionState.OPENING.moveTo(SessionState.CLOSING));
  }

  @Test
  void mapsToThePublicReadyState() {
    assertEquals(EngineSocket.ReadyState.CLOSING, SessionState.CLOSING.readyState());
  }
}
