package dev.sio4j.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sio4j.it.Container;
import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One slow handler stalls no other connection: while the {@code slow} handler of client A blocks its thread (until
 * released), client B gets the broadcast that handler made before blocking and an answer to its own {@code ping}
 * (official clients, both transports, both containers); only then does B release A's handler.
 */
class SlowHandlerIT {

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(DeliveryServer.TARGETS)
  void otherConnectionsAreServedWhileAHandlerBlocks(Container c, String transport) throws Exception {
    try (DeliveryServer server = forBlockingHandlers(c)) {
      JsonObject r = server.run(transport, "stall");
      assertEquals("pong", r.getString("pong"), r::toString);
      assertEquals("done", r.getString("done"), r::toString);
    }
  }

  /**
   * The latency probe of issue 15 item 6 (printed, not asserted: a measurement): while A's handler works for 500 ms,
   * when B gets the tick and how long B's pings (one every 10 ms) take.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(DeliveryServer.TARGETS)
  void latencyOfAnotherConnectionWhileAHandlerWorks(Container c, String transport) throws Exception {
    try (DeliveryServer server = forBlockingHandlers(c)) {
      JsonObject r = server.run(transport, "probe", "500");
      System.out.println("slow-handler probe " + c + " " + transport + ": " + r);
      assertEquals(500, r.getInt("holdMs"), r::toString);
    }
  }

  /**
   * A server set up as a blocking application must be: the servlet containers run handlers on their request thread
   * pools, while the standalone runtime runs them on Netty's event loop unless an executor is given (README,
   * "Standalone"), where a blocked handler would stall every connection of that loop.
   */
  private static DeliveryServer forBlockingHandlers(Container c) throws Exception {
    return c == Container.STANDALONE ? DeliveryServer.startWithExecutor(c) : DeliveryServer.start(c);
  }
}
