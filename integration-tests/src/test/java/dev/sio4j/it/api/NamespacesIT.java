package dev.sio4j.it.api;

import static dev.sio4j.it.api.ApiScenarios.TARGETS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sio4j.it.Container;
import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Dynamic namespaces with the official client ({@code api-namespaces.mjs}). */
class NamespacesIT {

  static JsonObject result(Container c, String transport, String scenario) {
    return ApiScenarios.result("api-namespaces.mjs", c, transport, scenario);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void regexNamespaceCreatesMatchingChildrenOnly(Container c, String transport) {
    assertEquals("{\"welcome\":\"/dyn-42\",\"state\":\"/dyn-42\",\"refused\":{\"message\":\"Invalid namespace\","
        + "\"data\":null}}", result(c, transport, "regexNamespace").toString());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void anEmptyDynamicChildIsRemovedWithCleanupEmptyChildNamespaces(Container c, String transport) {
    assertEquals("{\"keptWhileOneLeft\":true,\"replacedWhenEmpty\":true}",
        result(c, transport, "emptyChildIsRemoved").toString());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void predicateNamespaceSeesTheAuthPayload(Container c, String transport) {
    assertEquals("{\"welcome\":\"/pred-a\",\"refused\":{\"message\":\"Invalid namespace\",\"data\":null}}",
        result(c, transport, "predicateNamespace").toString());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(TARGETS)
  void parentNamespaceEmitReachesEveryChild(Container c, String transport) {
    // d1 and d2 are children of the regex parent, p1 of the predicate parent; d2 is in the room
    assertEquals("{\"d1\":[\"regex parent\",\"child\"],\"d2\":[\"regex parent\",\"regex parent to room\"],"
        + "\"p1\":[\"pred parent\"]}", result(c, transport, "parentEmitReachesChildren").toString());
  }
}
