package dev.sio4j.socket;

import static dev.sio4j.socket.Fixture.open;
import static dev.sio4j.socket.Fixture.server;
import static dev.sio4j.socket.Fixture.sidOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class MiddlewareTest {

  @Test
  void runsMiddlewaresInOrderBeforeConnecting() {
    SocketIoServer io = server();
    List<String> log = new CopyOnWriteArrayList<>();
    io.use((s, next) -> {
      log.add("one");
      assertTrue(!s.connected());
      next.proceed();
    });
    io.use((s, next) -> {
      log.add("two");
      next.proceed();
    });
    io.onConnection(s -> log.add("connection"));
    FakeEngineSocket conn = open(io);
    conn.receive("0");
    sidOf(conn.nextText());
    assertEquals(List.of("one", "two", "connection"), log);
  }

  @Test
  void refusalSendsConnectErrorWithData() {
    SocketIoServer io = server();
    io.use((s, next) -> next.fail(new ConnectionRefused("Not authorized", Map.of("code", 401))));
    io.onConnection(s -> {
      throw new AssertionError("must not connect");
    });
    FakeEngineSocket conn = open(io);
    conn.receive("0");
    assertEquals("4{\"message\":\"Not authorized\",\"data\":{\"code\":401}}", conn.nextText());
    assertTrue(io.of("/").sockets().isEmpty());
    assertTrue(!conn.isClosed());
  }

  @Test
  void anyErrorBecomesAMessage() {
    SocketIoServer io = server();
    io.of("/admin").use((s, next) -> next.fail(new IllegalStateException("Not authorized")));
    FakeEngineSocket conn = open(io);
    conn.receive("0/admin,");
    assertEquals("4/admin,{\"message\":\"Not authorized\"}", conn.nextText());
  }

  @Test
  void aThrowingMiddlewareRefuses() {
    SocketIoServer io = server();
    io.use((s, next) -> {
      throw new IllegalStateException("bug (expected in this test)");
    });
    FakeEngineSocket conn = open(io);
    conn.receive("0");
    assertEquals("4{\"message\":\"bug (expected in this test)\"}", conn.nextText());
  }

  @Test
  void nextMayBeCalledLaterFromAnotherThread() throws Exception {
    SocketIoServer io = server();
    io.use((s, next) -> new Thread(next::proceed).start());
    FakeEngineSocket conn = open(io);
    conn.receive("0");
    sidOf(conn.nextText());
  }

  @Test
  void theClientMayRetryAfterARefusal() {
    SocketIoServer io = server();
    io.use((s, next) -> {
      if ("ok".equals(s.handshake().auth().get("token"))) {
        next.proceed();
      } else {
        next.fail(new ConnectionRefused("bad token"));
      }
    });
    FakeEngineSocket conn = open(io);
    conn.receive("0{\"token\":\"no\"}");
    assertEquals("4{\"message\":\"bad token\"}", conn.nextText());
    conn.receive("0{\"token\":\"ok\"}");
    sidOf(conn.nextText());
  }
}
