package dev.sio4j.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sio4j.socket.SocketIoServer;
import org.junit.jupiter.api.Test;

/** The ported example registers on a server without a transport: every call of docs/porting-from-node.md exists. */
class PortingFromNodeTest {

  @Test
  void thePortedServerRegisters() {
    SocketIoServer io = PortingFromNode.server();
    try {
      PortingFromNode.register(io);
      assertEquals("/admin", io.of("/admin").name());
    } finally {
      io.close();
    }
  }
}
