package dev.sio4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Engine.IO conformance rules ({@link EngineIoConformanceTests}) against {@link ConformanceApp} in-process, on
 * each embedded container (root context) and on the standalone runtime, plus what only an in-process app can show.
 */
class EngineIoConformanceIT {

  @Nested
  class Jetty extends EngineIoConformanceTests {
    @Override
    protected String baseUrl(ConformanceApp.Timing timing) {
      return Servers.baseUrl(Container.JETTY, timing);
    }
  }

  @Nested
  class Tomcat extends EngineIoConformanceTests {
    @Override
    protected String baseUrl(ConformanceApp.Timing timing) {
      return Servers.baseUrl(Container.TOMCAT, timing);
    }
  }

  @Nested
  class Standalone extends EngineIoConformanceTests {
    @Override
    protected String baseUrl(ConformanceApp.Timing timing) {
      return Servers.baseUrl(Container.STANDALONE, timing);
    }
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void remoteAddressIsCapturedOnBothTransports(Container c) throws Exception {
    ConformanceApp app = Servers.app(c, ConformanceApp.Timing.RELAXED);
    String base = Servers.baseUrl(c, ConformanceApp.Timing.RELAXED);
    new EioHttp(base, "/engine.io/").openSession();
    assertEquals("127.0.0.1", app.lastRemoteAddress());
    try (WsClient ws = WsClient.connect(WsClient.wsUrl(base, "/engine.io/?EIO=4&transport=websocket"))) {
      ws.nextText();
      assertEquals("127.0.0.1", app.lastRemoteAddress());
    }
  }
}
