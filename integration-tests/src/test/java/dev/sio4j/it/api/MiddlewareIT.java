package dev.sio4j.it.api;

import static dev.sio4j.it.api.ApiScenarios.TARGETS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sio4j.it.Container;
import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Namespace and socket middlewares with the official client ({@code api-namespaces.mjs}). */
class MiddlewareIT {

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void namespaceMiddlewareErrorReachesConnectErrorWithData(Container c, String transport) {
    assertRefusedWithData(NamespacesIT.result(c, transport, "namespaceMiddlewareRefuses"));
  }

  /** The result of api-namespaces.mjs's {@code namespaceMiddlewareRefuses} scenario, whatever the parser. */
  static void assertRefusedWithData(JsonObject r) {
    for (String key : new String[] {"wrongToken", "noAuth"}) {
      JsonObject error = r.getJsonObject(key);
      assertEquals("not authorized", error.getString("message"), error::toString);
      assertEquals(4001, error.getJsonObject("data").getInt("code"), error::toString);
      assertEquals("bad token", error.getJsonObject("data").getString("reason"), error::toString);
    }
    assertEquals("/guarded", r.getString("accepted"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void socketMiddlewareDropsThePacketAndReportsTheError(Container c, String transport) {
    assertEquals("{\"message\":\"forbidden event\",\"runs\":0,\"echo\":\"after\",\"stillConnected\":true}",
        NamespacesIT.result(c, transport, "socketMiddlewareRefusesAPacket").toString());
  }
}
