package dev.sio4j.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.it.Container;
import dev.sio4j.it.LogCapture;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rate limits on real containers. Every client here is on the loopback interface: 127.0.0.1 is the attacker,
 * 127.0.0.2 (Linux routes all of 127/8 to loopback) is a well-behaved client at another address.
 */
class RateLimitIT {

  private static final int HANDSHAKES = 5;

  @ParameterizedTest
  @EnumSource(Container.class)
  void aHandshakeFloodGets429WhileAnotherAddressStillConnects(Container container) throws Exception {
    try (LogCapture logs = new LogCapture("dev.sio4j");
        HostileServer server = HostileServer.start(container,
            b -> b.maxHandshakesPerAddress(HANDSHAKES).handshakeWindow(Duration.ofHours(1)))) {
      int ok = 0;
      int refused = 0;
      for (int i = 0; i < 4 * HANDSHAKES; i++) {
        HttpResponse<String> r = Clients.get(server.baseUrl(), "");
        if (r.statusCode() == 200) {
          ok++;
        } else {
          assertEquals(429, r.statusCode(), r.body());
          assertEquals("{\"code\":4,\"message\":\"Too many handshakes\"}", r.body());
          refused++;
        }
      }
      assertEquals(HANDSHAKES, ok);
      assertEquals(3 * HANDSHAKES, refused);

      RawWebSocket flooder = RawWebSocket.open(server.port(), "/socket.io/?EIO=4&transport=websocket", null);
      assertEquals(1008, flooder.awaitClose(), "a WebSocket handshake from the same address is refused too");

      try (SioClient other = SioClient.connect(server.port(), InetAddress.getByName("127.0.0.2"))) {
        other.assertEchoes("still served");
      }
      List<String> lines = logs.mentioning("refused handshakes from 127.0.0.1");
      assertEquals(1, lines.size(), () -> "one line per window, not per request: " + lines);
    }
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void concurrentSessionsPerAddressAreLimitedAndFreedOnClose(Container container) throws Exception {
    try (HostileServer server = HostileServer.start(container, b -> b.maxSessionsPerAddress(2))) {
      SioClient a = SioClient.connect(server.port());
      SioClient b = SioClient.connect(server.port());
      HttpResponse<String> third = Clients.get(server.baseUrl(), "");
      assertEquals(429, third.statusCode());
      assertEquals("{\"code\":4,\"message\":\"Too many sessions from this address\"}", third.body());
      try (SioClient other = SioClient.connect(server.port(), InetAddress.getByName("127.0.0.2"))) {
        other.assertEchoes("another address");
      }
      a.close();
      server.reason(a.socketId).get(20, TimeUnit.SECONDS);
      try (SioClient again = SioClient.connect(server.port())) {
        again.assertEchoes("slot freed");
      }
      b.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void aSessionFloodingPacketsIsClosedWhileAnotherKeepsWorking(Container container) throws Exception {
    try (HostileServer server = HostileServer.start(container,
        b -> b.maxInboundPacketsPerSecond(5).inboundPacketBurst(20));
        SioClient bystander = SioClient.connect(server.port());
        SioClient flooder = SioClient.connect(server.port())) {
      for (int i = 0; i < 500; i++) {
        try {
          flooder.ws.sendText("42[\"flood\"," + i + "]");
        } catch (java.io.IOException e) {
          break; // the server closed the connection under our feet: that is the point
        }
      }
      assertEquals("transport error", server.reason(flooder.socketId).get(20, TimeUnit.SECONDS));
      int code = flooder.ws.awaitClose();
      assertTrue(code == -1 || code == 1000 || code == 1001 || code == 1006, "close code " + code);
      bystander.assertEchoes("unaffected");
      assertEquals(1, server.io.engine().clientsCount());
    }
  }
}
