package dev.sio4j.it.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sio4j.engine.EngineOptions;
import dev.sio4j.it.Container;
import jakarta.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A "send me the history" reply: one more {@code socket.emit} inside one event handler than maxBufferedPackets
 * (10,001 by default) reaches a reading official client, every event in order, over WebSocket and polling on both
 * containers; the client is not closed as a slow consumer (SlowConsumerIT shows the bound still closes one that does
 * not read).
 */
class HandlerBurstIT {

  private static final int BURST = EngineOptions.defaults().maxBufferedPackets() + 1;

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(DeliveryServer.TARGETS)
  void aBurstEmittedInsideAHandlerReachesAReadingClient(Container c, String transport) throws Exception {
    try (DeliveryServer server = DeliveryServer.start(c)) {
      JsonObject r = server.run(transport, "history", Integer.toString(BURST));
      assertEquals(BURST, r.getInt("received"), r::toString);
      assertEquals(BURST, r.getInt("acked"), r::toString);
      assertEquals("pong", r.getString("after"), r::toString);
      assertEquals("client namespace disconnect", server.reason(r.getString("id")).get(20, TimeUnit.SECONDS));
    }
  }
}
