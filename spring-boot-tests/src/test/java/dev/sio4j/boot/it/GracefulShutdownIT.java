package dev.sio4j.boot.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.boot.it.app.ChatTestApplication;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code server.shutdown=graceful}: closing the application disconnects the connected official client (the server is
 * closed before the web server drains its requests, so a parked long-poll does not hold the shutdown up), and no sio4j
 * thread is left afterwards.
 */
class GracefulShutdownIT {

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void closingTheApplicationDisconnectsClientsAndLeavesNoSio4jThread(String mode) throws Exception {
    // other ITs' contexts stay open in Spring's test context cache, with their servers' threads
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    ConfigurableApplicationContext context = new SpringApplicationBuilder(ChatTestApplication.class)
        .properties("server.port=0", "server.shutdown=graceful", "server.servlet.context-path=/app").run();
    Process node = null;
    try {
      String port = context.getEnvironment().getProperty("local.server.port");
      Path js = Path.of(System.getProperty("sio4j.js.dir", "src/test/js"));
      node = new ProcessBuilder("node", "boot-shutdown.mjs", "http://127.0.0.1:" + port, "/app/socket.io/", mode)
          .directory(js.toFile()).redirectError(ProcessBuilder.Redirect.appendTo(new File("target/boot-shutdown.err")))
          .start();
      BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("CONNECTED " + mode, out.readLine(), "the client connected");
      context.close();
      String disconnected = out.readLine();
      // WebSocket: the close frame ("transport close"). Polling: the parked poll gets the close packet ("transport
      // close"), or, when the client was between two polls, its next poll finds the session gone ("transport error").
      List<String> reasons = mode.equals("websocket") ? List.of("transport close")
          : List.of("transport close", "transport error");
      assertTrue(reasons.stream().anyMatch(r -> ("DISCONNECTED " + r).equals(disconnected)),
          "the client saw the server go: " + disconnected);
      assertTrue(node.waitFor(30, TimeUnit.SECONDS));
      assertEquals(0, node.exitValue());
    } finally {
      context.close();
      if (node != null) {
        node.destroyForcibly();
      }
    }
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("sio4j") && !before.contains(t)) {
        t.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(t.isAlive(), "sio4j thread left after close: " + t.getName());
      }
    }
  }
}
