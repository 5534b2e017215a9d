package dev.sio4j.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sio4j.engine.EngineOptions;
import dev.sio4j.it.Container;
import jakarta.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A "send me the history" reply: many {@code socket.emit} calls inside one event handler reach a reading official
 * client, every event in order, on every runtime; the client is not closed as a slow consumer (SlowConsumerIT shows
 * the bound still closes one that does not read). Over WebSocket the burst is one more than maxBufferedPackets: the
 * frames held while the handler runs are written as the client reads, so the server's own batching never counts
 * against the bound. Over polling every packet waits in the session for the client's next GET, which is exactly
 * what the bound limits, so there the burst fills the bound (less the ack and a heartbeat) without passing it.
 */
class HandlerBurstIT {

  private static final int MAX = EngineOptions.defaults().maxBufferedPackets();

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(DeliveryServer.TARGETS)
  void aBurstEmittedInsideAHandlerReachesAReadingClient(Container c, String transport) throws Exception {
    int burst = transport.equals("websocket") ? MAX + 1 : MAX - 2;
    try (DeliveryServer server = DeliveryServer.start(c)) {
      JsonObject r = server.run(transport, "history", Integer.toString(burst));
      assertEquals(burst, r.getInt("received"), r::toString);
      assertEquals(burst, r.getInt("acked"), r::toString);
      assertEquals("pong", r.getString("after"), r::toString);
      assertEquals("client namespace disconnect", server.reason(r.getString("id")).get(20, TimeUnit.SECONDS));
    }
  }
}
