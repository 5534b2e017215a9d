package dev.sio4j.it.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.it.Container;
import dev.sio4j.it.NodeScript;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Session isolation with the official clients: three clients per transport (polling, websocket, upgrade), nine at
 * once, exchange distinct text and binary messages (and, on Socket.IO, acknowledgements) with the echo server at the
 * same time; each gets exactly its own, in order, and nothing of the others' (see {@code transport-isolation.mjs}).
 */
class SessionIsolationIT {

  static Stream<Arguments> cases() {
    return Stream.of(Container.values()).flatMap(c -> Stream.of("eio", "sio").map(kind -> Arguments.of(c, kind)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void eachClientGetsExactlyItsOwnMessages(Container container, String kind) throws Exception {
    String out = NodeScript.run("transport-isolation-" + container + "-" + kind, "transport-isolation.mjs",
        TransportServers.of(container).baseUrl(), kind, "3", "60");
    assertTrue(out.contains("OK 9 clients"), out);
  }
}
