package dev.sio4j.socket;

import static dev.sio4j.socket.Fixture.ms;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConnectTimeoutTest {

  @Test
  void closesASessionThatJoinsNoNamespace() {
    SocketIoServer io = Fixture.server(SocketIoOptions.builder().connectTimeout(ms(20)).build());
    FakeEngineSocket conn = Fixture.open(io);
    Fixture.await(conn.closed);
    assertTrue(conn.isClosed());
  }

  @Test
  void keepsASessionThatJoined() throws Exception {
    // long enough that joining never races the timer on a loaded machine
    SocketIoServer io = Fixture.server(SocketIoOptions.builder().connectTimeout(ms(1000)).build());
    FakeEngineSocket joined = Fixture.connect(io);
    FakeEngineSocket idle = Fixture.open(io);
    Fixture.await(idle.closed); // the idle session's timer fired; the joined one's was cancelled before
    assertTrue(!joined.isClosed());
  }
}
