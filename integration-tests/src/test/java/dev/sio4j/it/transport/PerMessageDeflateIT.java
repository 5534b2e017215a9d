package dev.sio4j.it.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.it.Container;
import dev.sio4j.it.NodeScript;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code EngineOptions.perMessageDeflate}: a client offering {@code permessage-deflate} (raw {@code ws}, then the
 * official engine.io-client) gets it from the container's JSR-356 implementation only when the option is on, and large
 * text and binary messages flow either way (see {@code transport-deflate.mjs}).
 */
class PerMessageDeflateIT {

  @ParameterizedTest
  @EnumSource(Container.class)
  void negotiatedWhenOn(Container container) throws Exception {
    String out = NodeScript.run("transport-deflate-on-" + container, "transport-deflate.mjs",
        TransportServers.of(container).baseUrl(), "/deflate/engine.io/");
    assertTrue(extensions(out).contains("permessage-deflate"), out);
    long[] wire = wire(out);
    assertTrue(wire[0] < wire[1] / 2, "the server's frames are compressed: " + out);
    assertTrue(out.contains("\nOK"), out);
  }

  @ParameterizedTest
  @EnumSource(Container.class)
  void notNegotiatedByDefault(Container container) throws Exception {
    String out = NodeScript.run("transport-deflate-off-" + container, "transport-deflate.mjs",
        TransportServers.of(container).baseUrl(), "/engine.io/");
    assertFalse(extensions(out).contains("permessage-deflate"), out);
    long[] wire = wire(out);
    assertTrue(wire[0] >= wire[1], "the server's frames are not compressed: " + out);
    assertTrue(out.contains("\nOK"), out);
  }

  /** {bytes read for the echo of the large text message, its length}. */
  private static long[] wire(String out) {
    String[] parts = line(out, "WIRE ").split(" ");
    return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
  }

  private static String extensions(String out) {
    return line(out, "EXTENSIONS ");
  }

  private static String line(String out, String prefix) {
    return out.lines().filter(l -> l.startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + prefix + "line in:\n" + out));
  }
}
