package dev.sio4j.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.it.Container;
import jakarta.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Connection state recovery under churn with the official client ({@code api-recovery-churn.mjs}): while the server
 * streams numbers to a room from an application thread, the client drops its transport every 40-100 ms, 160 times,
 * recovering each time; it must get every number exactly once, in order (the CONNECT, then the missed packets, then
 * the live ones). Over WebSocket and over polling upgraded to WebSocket, with the in-memory adapter and with an
 * adapter whose {@code restoreSession} completes on another thread.
 */
class RecoveryChurnIT {

  static Stream<Arguments> targets() {
    return Stream.of(Arguments.of(Container.JETTY, "websocket"), Arguments.of(Container.JETTY, "polling"));
  }

  private static void assertNothingLost(Container c, String transport, String scenario) {
    JsonObject r = ApiScenarios.result("api-recovery-churn.mjs", c, transport, scenario);
    assertEquals(0, r.getInt("lost"), () -> "lost: " + r);
    assertEquals(0, r.getInt("duplicated"), () -> "duplicated: " + r);
    assertEquals(0, r.getInt("reordered"), () -> "reordered: " + r);
    assertEquals(0, r.getInt("notRecovered"), () -> "reconnections not recovered: " + r);
    assertTrue(r.getInt("recoveries") >= 150, () -> "recoveries: " + r);
    assertTrue(r.getInt("last") > 1000, () -> "the stream was too short to test anything: " + r);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void inMemoryAdapterLosesNothing(Container c, String transport) {
    assertNothingLost(c, transport, "inMemoryAdapter");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void asynchronousRestoreLosesNothing(Container c, String transport) {
    assertNothingLost(c, transport, "asyncRestoreAdapter");
  }
}
