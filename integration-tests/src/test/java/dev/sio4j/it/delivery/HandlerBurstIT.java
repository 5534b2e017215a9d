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
 * the bound still closes one that does not read). The burst fills the bound (less the ack and a heartbeat) without
 * passing it, on both transports: the frames a cork holds while the handler runs count against the bound, as every
 * packet not yet handed to the transport does, and the cork never holds more than half of it, so batching alone
 * never closes a session. A burst one over the bound is not asserted: whether the writer has sent two of its
 * frames before the handler's last emit is up to the scheduler (it failed under load on Tomcat and standalone), so
 * a reply larger than {@code maxBufferedPackets} needs a larger bound or the emits spread over the drain event.
 */
class HandlerBurstIT {

  private static final int MAX = EngineOptions.defaults().maxBufferedPackets();

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(DeliveryServer.TARGETS)
  void aBurstEmittedInsideAHandlerReachesAReadingClient(Container c, String transport) throws Exception {
    int burst = MAX - 2;
    try (DeliveryServer server = DeliveryServer.start(c)) {
      JsonObject r = server.run(transport, "history", Integer.toString(burst));
      assertEquals(burst, r.getInt("received"), r::toString);
      assertEquals(burst, r.getInt("acked"), r::toString);
      assertEquals("pong", r.getString("after"), r::toString);
      assertEquals("client namespace disconnect", server.reason(r.getString("id")).get(20, TimeUnit.SECONDS));
    }
  }
}
