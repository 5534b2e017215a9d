package dev.sio4j.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.annotation.OnEvent;
import dev.sio4j.annotation.SocketIoEndpoint;
import dev.sio4j.annotation.binding.EndpointDefinitionException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Annotated endpoint classes, registered as in a WAR, answer the Socket.IO protocol of a raw client. */
class EndpointsTest {

  /** An endpoint of the default namespace: {@code upper} is acknowledged with its argument in upper case. */
  @SocketIoEndpoint("/")
  public static final class UpperEndpoint {
    @OnEvent("upper")
    public String upper(String text) {
      return text.toUpperCase();
    }
  }

  /** Not an endpoint: two handlers for one event. */
  @SocketIoEndpoint("/")
  public static final class BrokenEndpoint {
    @OnEvent("x")
    public void a() {}

    @OnEvent("x")
    public void b() {}
  }

  @Test
  void registersEndpointClassesOnASocketIoServerOfTheirOwn() throws Exception {
    try (StandaloneServer server = StandaloneServer.builder().endpoints(UpperEndpoint.class)
        .address(new InetSocketAddress("127.0.0.1", 0)).start()) {
      WebSocketRecorder rec = new WebSocketRecorder();
      WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
          URI.create("ws://127.0.0.1:" + server.port() + "/socket.io/?EIO=4&transport=websocket"), rec)
          .get(10, TimeUnit.SECONDS);
      assertTrue(rec.next().startsWith("0{"));
      ws.sendText("40", true);
      assertTrue(rec.next().startsWith("40{\"sid\":"));
      ws.sendText("421[\"upper\",\"shout\"]", true);
      assertEquals("431[\"SHOUT\"]", rec.next());
      ws.sendClose(1000, "");
    }
  }

  @Test
  void refusesAnInvalidEndpointBeforeListening() {
    EndpointDefinitionException e = assertThrows(EndpointDefinitionException.class,
        () -> StandaloneServer.builder().endpoints(UpperEndpoint.class, BrokenEndpoint.class).start());
    assertTrue(e.getMessage().contains("BrokenEndpoint"), e.getMessage());
  }
}
