package dev.sio4j.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The official JavaScript {@code socket.io-client} 4.8.4 against {@code /socket.io/} (suite heartbeat) on each
 * container, over polling, WebSocket and polling → upgrade: auth payloads, message-back with text and binary, acks,
 * {@code /custom} auth, invalid namespace.
 */
class SocketIoJsClientIT {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"JETTY,polling", "JETTY,websocket", "JETTY,upgrade", "TOMCAT,polling", "TOMCAT,websocket",
      "TOMCAT,upgrade", "STANDALONE,polling", "STANDALONE,websocket", "STANDALONE,upgrade"})
  void officialClientWorks(Container c, String mode) throws Exception {
    String out = NodeScript.run("sio-client-" + c + "-" + mode, "sio-client.mjs",
        Servers.baseUrl(c, ConformanceApp.Timing.RELAXED), mode);
    assertTrue(out.contains("OK " + (mode.equals("polling") ? "polling" : "websocket")), out);
  }
}
