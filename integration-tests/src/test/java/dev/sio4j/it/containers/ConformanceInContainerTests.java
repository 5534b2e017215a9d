package dev.sio4j.it.containers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.it.ConformanceApp;
import dev.sio4j.it.EngineIoConformanceTests;
import dev.sio4j.it.NodeScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conformance WAR ({@link War#CONFORMANCE}, at {@code /conformance}) in one real container, started once for the
 * test class: every Engine.IO rule of {@link EngineIoConformanceTests} (relaxed heartbeats at
 * {@code /conformance/relaxed/engine.io/}, the suite's 300/200 ms at {@code /conformance/engine.io/}), and the official
 * JavaScript socket.io-client scenario against {@code /conformance/socket.io/}. Subclasses say which container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConformanceInContainerTests extends EngineIoConformanceTests {

  private DeployedApp app;

  /** Deploys the conformance WAR and starts the container. */
  abstract DeployedApp start() throws Exception;

  /** A short name for logs. */
  abstract String name();

  /** Checks run once the container has stopped (e.g. its logs); nothing by default. */
  void afterStop() throws Exception {}

  @BeforeAll
  void startContainer() throws Exception {
    app = start();
  }

  @AfterAll
  void stopContainer() throws Exception {
    if (app != null) {
      app.close();
      afterStop();
    }
  }

  @Override
  protected String baseUrl(ConformanceApp.Timing timing) {
    String context = app.url().toString().replaceAll("/$", "");
    if (timing.equals(ConformanceApp.Timing.SUITE)) {
      return context;
    }
    if (timing.equals(ConformanceApp.Timing.RELAXED)) {
      return context + dev.sio4j.it.ConformanceWebApp.RELAXED_PREFIX;
    }
    throw new IllegalArgumentException("the conformance WAR has no app with " + timing);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void officialSocketIoClientWorks(String mode) throws Exception {
    String out = NodeScript.run("sio-client-" + name() + "-" + mode, "sio-client.mjs",
        baseUrl(ConformanceApp.Timing.RELAXED), mode);
    assertTrue(out.contains("OK " + (mode.equals("polling") ? "polling" : "websocket")), out);
  }
}
