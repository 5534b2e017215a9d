package dev.sio4j.boot.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.boot.it.app.ChatTestApplication;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * One dependency in a Boot application: the official JS client over polling, WebSocket and polling → WebSocket on
 * the application's own port, below its context path, on the embedded container of this run (Tomcat or Jetty, chosen
 * by the class path; {@code sio4j.boot.container} says which one the run expects).
 */
@SpringBootTest(classes = ChatTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"server.servlet.context-path=/app", "sio4j.ping-interval=10s"})
class StarterIT {

  @Value("${local.server.port}")
  int port;

  @Autowired
  ServletContext servletContext;

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void officialClientConnectsAcksAndBroadcastsToRooms(String mode) throws Exception {
    assertContainer(servletContext);
    String out = NodeClient.run("starter-" + Containers.expected() + "-" + mode, "boot-client.mjs",
        "http://127.0.0.1:" + port, "/app/socket.io/", mode);
    assertTrue(out.contains("OK " + mode), out);
  }

  static void assertContainer(ServletContext context) {
    String server = Containers.running(context);
    assertEquals(Containers.expected(), server, "embedded container of this run");
  }
}
