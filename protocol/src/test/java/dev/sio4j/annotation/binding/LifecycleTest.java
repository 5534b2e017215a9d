package dev.sio4j.annotation.binding;

import static dev.sio4j.annotation.binding.TestServers.connect;
import static dev.sio4j.annotation.binding.TestServers.open;
import static dev.sio4j.annotation.binding.TestServers.server;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sio4j.annotation.OnConnect;
import dev.sio4j.annotation.OnDisconnect;
import dev.sio4j.annotation.OnDisconnecting;
import dev.sio4j.annotation.OnEvent;
import dev.sio4j.annotation.SocketIoEndpoint;
import dev.sio4j.socket.DisconnectReason;
import dev.sio4j.socket.FakeEngineSocket;
import dev.sio4j.socket.Namespace;
import dev.sio4j.socket.Socket;
import dev.sio4j.socket.SocketIoServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Connect and disconnect handlers, and dynamic namespaces declared by regex. */
class LifecycleTest {

  @SocketIoEndpoint(regex = "/tenant-\\d+")
  public static class Tenants {
    final List<String> log = new CopyOnWriteArrayList<>();

    @OnConnect
    public void connected(Socket socket) {
      socket.join("members");
      log.add("connect " + socket.namespace().name());
    }

    @OnEvent("whoami")
    public String whoami(Namespace nsp) {
      return nsp.name();
    }

    @OnDisconnecting
    public void disconnecting(Socket socket, String reason) {
      log.add("disconnecting " + reason + " in rooms " + socket.rooms().contains("members"));
    }

    @OnDisconnect
    public void disconnected(DisconnectReason reason, Socket socket) {
      log.add("disconnect " + reason.name() + " " + socket.connected());
    }
  }

  private final SocketIoServer io = server();
  private final Tenants endpoint = new Tenants();

  LifecycleTest() {
    AnnotatedEndpoints.register(io, endpoint);
  }

  @Test
  void servesEveryNamespaceTheRegexMatches() {
    FakeEngineSocket one = connect(io, "/tenant-1");
    FakeEngineSocket two = connect(io, "/tenant-22");
    one.receive("2/tenant-1,5[\"whoami\"]");
    assertEquals("3/tenant-1,5[\"/tenant-1\"]", one.nextText());
    two.receive("2/tenant-22,6[\"whoami\"]");
    assertEquals("3/tenant-22,6[\"/tenant-22\"]", two.nextText());
    assertEquals(List.of("connect /tenant-1", "connect /tenant-22"), endpoint.log);
  }

  @Test
  void aNameTheRegexDoesNotMatchIsRefused() {
    FakeEngineSocket conn = open(io);
    conn.receive("0/tenant-x,");
    assertEquals("4/tenant-x,{\"message\":\"Invalid namespace\"}", conn.nextText());
  }

  @Test
  void disconnectHandlersGetTheReason() {
    FakeEngineSocket conn = connect(io, "/tenant-3");
    conn.receive("1/tenant-3,");
    assertEquals(List.of("connect /tenant-3", "disconnecting client namespace disconnect in rooms true",
        "disconnect CLIENT_NAMESPACE_DISCONNECT false"), endpoint.log);
  }

  @Test
  void aTransportCloseReachesTheDisconnectHandler() {
    FakeEngineSocket conn = connect(io, "/tenant-4");
    conn.closeWith(dev.sio4j.engine.DisconnectReason.TRANSPORT_CLOSE);
    assertEquals("disconnect TRANSPORT_CLOSE false", endpoint.log.get(endpoint.log.size() - 1));
  }
}
