package dev.sio4j.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.it.Container;
import jakarta.json.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A handler that throws an Error, a checked exception thrown sneakily or a RuntimeException does not end anything
 * (official client, both transports, both containers, with and without {@code SocketIoOptions.executor}): the
 * connection answers the next event, and when the client leaves, {@code onDisconnect} runs and the socket leaves its
 * namespace.
 */
class HandlerFailureIT {

  static Stream<Arguments> targets() {
    return DeliveryServer.targets().flatMap(a -> Stream.of(true, false)
        .map(executor -> Arguments.of(a.get()[0], a.get()[1], executor)));
  }

  @ParameterizedTest(name = "{0} {1} executor={2}")
  @MethodSource("targets")
  void throwingHandlersLeaveTheSessionRunning(Container c, String transport, boolean executor) throws Exception {
    try (DeliveryServer server = executor ? DeliveryServer.startWithExecutor(c) : DeliveryServer.start(c)) {
      JsonObject r = server.run(transport, "throw");
      assertEquals("[\"pong\",\"pong\",\"pong\"]", r.getJsonArray("answers").toString(), r::toString);
      assertEquals("client namespace disconnect", server.reason(r.getString("id")).get(20, TimeUnit.SECONDS));
      assertTrue(server.io.of("/").sockets().isEmpty(), "the socket left its namespace");
    }
  }
}
