package dev.sio4j.it.api;

import static dev.sio4j.it.api.ApiScenarios.TARGETS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.it.Container;
import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Connection state recovery with the official client ({@code api-recovery.mjs}, server {@code /recovery/}): after a
 * forced transport drop the client is {@code recovered}, keeps its id, rooms and data, and gets the events emitted
 * to its room while it was away (2 and 3), in order, before the live ones (4).
 */
class RecoveryIT {

  private static JsonObject result(Container c, String transport, String scenario) {
    return ApiScenarios.result("api-recovery.mjs", c, transport, scenario);
  }

  static void assertRecovered(JsonObject r, String clientReason, String... serverReason) {
    assertEquals(clientReason, r.getString("clientReason"), r::toString);
    assertTrue(java.util.List.of(serverReason).contains(r.getString("serverReason")), r::toString);
    assertEquals(true, r.getBoolean("recovered"), "socket.recovered on the client: " + r);
    assertEquals(true, r.getBoolean("serverRecovered"), "socket.recovered() on the server: " + r);
    assertEquals(true, r.getBoolean("sameId"), r::toString);
    assertEquals(true, r.getBoolean("inRoom"), r::toString);
    assertEquals("{\"name\":\"alice\"}", r.getJsonObject("data").toString());
    assertEquals("[1,2,3,4]", r.getJsonArray("received").toString());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void recoversAfterTheServerDropsTheTransport(Container c, String transport) {
    // "transport close" too: the engine race described in DisconnectIT.transportClosedByTheServer
    assertRecovered(result(c, transport, "serverDropsTransport"), "transport close", "forced close",
        "transport close");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void recoversAfterTheClientDropsTheTransport(Container c, String transport) {
    assertRecovered(result(c, transport, "clientDropsTransport"), "forced close", "transport close");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void anExplicitDisconnectIsNotRecovered(Container c, String transport) {
    assertEquals("{\"recovered\":false,\"sameId\":false}",
        result(c, transport, "explicitDisconnectIsNotRecovered").toString());
  }
}
