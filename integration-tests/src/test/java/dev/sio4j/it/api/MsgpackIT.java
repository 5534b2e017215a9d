package dev.sio4j.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.it.Container;
import dev.sio4j.it.NodeScript;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The msgpack parser with the official client and npm {@code socket.io-msgpack-parser} 3.0.2: the api-*.mjs scenarios
 * run with {@code parser: msgpack} against ApiApp's msgpack servers ({@code /msgpack/}, {@code /msgpack-recovery/})
 * and see what JSON clients see (acks both ways, binary at any depth, room broadcasts, CONNECT_ERROR with data from a
 * middleware, connection state recovery); annotated-client.mjs binds records, lists of records, POJOs and
 * {@code byte[]} from msgpack on {@code /msgpack-annotated/}.
 */
class MsgpackIT {

  static Stream<Arguments> targets() {
    return Stream.of(Arguments.of(Container.JETTY, "websocket"), Arguments.of(Container.JETTY, "polling"),
        Arguments.of(Container.TOMCAT, "websocket"), Arguments.of(Container.TOMCAT, "polling"));
  }

  private static JsonObject result(String script, Container c, String transport, String scenario) {
    return ApiScenarios.result(script, c, transport, "msgpack", scenario);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void acknowledgementsWorkBothWays(Container c, String transport) {
    assertEquals("{\"answer\":[1,\"two\",{\"three\":[3,null]},true]}",
        result("api-acks.mjs", c, transport, "clientAsksServerAcks").toString());
    assertEquals("{\"withTimeout\":{\"responses\":[5,\"sum\"]},\"withoutTimeout\":{\"responses\":[9,\"sum\"]}}",
        result("api-acks.mjs", c, transport, "serverAsksClientAcks").toString());
    assertEquals("{\"all\":[\"q:0\",\"q:1\",\"q:2\"],\"fromSocket\":[\"s:1\",\"s:2\"],\"nobody\":{\"responses\":[]}}",
        result("api-acks.mjs", c, transport, "broadcastAcks").toString());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void binaryTravelsAsMsgpackBinAtAnyDepth(Container c, String transport) {
    AcksIT.assertBinaryScenario(result("api-acks.mjs", c, transport, "binary"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void roomBroadcastsReachExactlyTheirSockets(Container c, String transport) {
    JsonObject r = result("api-rooms.mjs", c, transport, "operators");
    assertEquals(List.of("io.to", "io.to.to", "io.to(two)", "io.except", "io.to.except", "io.emit", "nsp.emit",
        "io.local", "io.to.compress", "socket.emit", "socket.broadcast.compress"), RoomsIT.strings(r, "a"));
    assertEquals(List.of("io.except", "io.emit", "nsp.emit", "io.local", "socket.broadcast", "socket.except",
        "socket.local"), RoomsIT.strings(r, "c"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void aMiddlewareRefusalIsAConnectErrorWithData(Container c, String transport) {
    MiddlewareIT.assertRefusedWithData(result("api-namespaces.mjs", c, transport, "namespaceMiddlewareRefuses"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void connectionStateRecoveryReplaysTheMissedBroadcasts(Container c, String transport) {
    RecoveryIT.assertRecovered(result("api-recovery.mjs", c, transport, "clientDropsTransport"), "forced close",
        "transport close");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("targets")
  void annotatedEndpointsBindRecordsFromMsgpack(Container c, String transport) throws Exception {
    String out = NodeScript.run("annotated-client-msgpack-" + c + "-" + transport, "annotated-client.mjs",
        ApiServers.baseUrl(c), transport, "msgpack", "/msgpack-annotated/");
    assertTrue(out.contains("OK " + transport), out);
  }
}
