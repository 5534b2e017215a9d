package dev.sio4j.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The official JavaScript {@code engine.io-client} (v6) against the echo server at {@code /engine.io/} with the
 * official suite's heartbeat (300 ms / 200 ms), on each container: polling only, WebSocket only and polling →
 * upgrade, text and binary; and an oversized message refused on both transports.
 */
class EngineIoJsClientIT {

  private static String url(Container c) {
    return Servers.baseUrl(c, ConformanceApp.Timing.RELAXED);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"JETTY,polling", "JETTY,websocket", "JETTY,upgrade", "TOMCAT,polling", "TOMCAT,websocket",
      "TOMCAT,upgrade", "STANDALONE,polling", "STANDALONE,websocket", "STANDALONE,upgrade"})
  void echoesTextAndBinary(Container c, String mode) throws Exception {
    String out = NodeScript.run("eio-echo-" + c + "-" + mode, "eio-echo.mjs", url(c), mode);
    assertTrue(out.contains("OK " + (mode.equals("polling") ? "polling" : "websocket")), out);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"JETTY,polling", "JETTY,websocket", "TOMCAT,polling", "TOMCAT,websocket", "STANDALONE,polling",
      "STANDALONE,websocket"})
  void refusesMessageLargerThanMaxHttpBufferSize(Container c, String mode) throws Exception {
    String out = NodeScript.run("eio-too-large-" + c + "-" + mode, "eio-too-large.mjs", url(c), mode);
    assertTrue(out.contains("REFUSED"), out);
  }
}
