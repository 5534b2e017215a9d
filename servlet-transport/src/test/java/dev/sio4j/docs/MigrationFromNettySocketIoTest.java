package dev.sio4j.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sio4j.socket.SocketIoServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The migration guide's example is not only compiled: its options build and its handlers attach to a server. */
class MigrationFromNettySocketIoTest {

  @Test
  void theGuidesOptionsAndHandlersAreAccepted() {
    SocketIoServer io = new SocketIoServer(MigrationFromNettySocketIo.options());
    try {
      MigrationFromNettySocketIo.attach(io);
      assertEquals(Duration.ofSeconds(25), io.options().engine().pingInterval());
      assertEquals("/socket.io/", io.options().engine().path());
    } finally {
      io.close();
    }
  }
}
