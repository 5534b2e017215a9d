package dev.sio4j.socket;

import static dev.sio4j.socket.Fixture.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ServerSideEmitTest {

  private final SocketIoServer io = Fixture.server();

  @Test
  void theInMemoryAdapterRefusesAsNodeDoes() {
    UnsupportedOperationException e =
        assertThrows(UnsupportedOperationException.class, () -> io.serverSideEmit("hello", "world"));
    assertEquals("this adapter does not support the serverSideEmit() functionality", e.getMessage());
    assertThrows(UnsupportedOperationException.class, () -> io.of("/admin").serverSideEmit("hello"));
  }

  @Test
  void withAckFailsTheStage() {
    assertInstanceOf(UnsupportedOperationException.class, awaitFailure(io.serverSideEmitWithAck("ping")));
  }

  @Test
  void reservedNamesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> io.serverSideEmit("connect"));
  }
}
