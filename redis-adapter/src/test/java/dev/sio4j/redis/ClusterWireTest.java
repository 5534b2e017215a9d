package dev.sio4j.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.socket.adapter.BroadcastFlags;
import dev.sio4j.socket.adapter.BroadcastOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Node's broadcast options object, as @socket.io/redis-adapter writes it: flags present only when set. */
class ClusterWireTest {

  @Test
  void flagsGoBothWaysAndCompressIsWrittenOnlyWhenOff() {
    BroadcastOptions opts = new BroadcastOptions(Set.of("r"), Set.of("x"),
        BroadcastFlags.NONE.withVolatile().withTimeout(Duration.ofMillis(500)).withCompress(false));
    Map<String, Object> wire = ClusterWire.optsToWire(opts, true);
    assertEquals(Map.of("volatile", true, "timeout", 500L, "compress", false), wire.get("flags"));
    BroadcastOptions back = ClusterWire.optsFromWire(wire);
    assertTrue(back.flags().isVolatile());
    assertFalse(back.flags().compress());
    assertEquals(Duration.ofMillis(500), back.flags().timeout());

    Map<String, Object> plain = ClusterWire.optsToWire(BroadcastOptions.all(), true);
    assertEquals(Map.of(), plain.get("flags"));
    assertTrue(ClusterWire.optsFromWire(plain).flags().compress());
  }
}
