package dev.sio4j.it.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.it.Container;
import dev.sio4j.it.NodeScript;
import dev.sio4j.it.Servers;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Heartbeat timeout detected by the official clients themselves (engine.io-client {@code close} / socket.io-client
 * {@code disconnect} with reason {@code ping timeout}): the server's pings stop while the connection stays open (its one
 * timer thread is parked, see {@link TransportApp}), over polling and websocket, on embedded Jetty and Tomcat.
 */
class HeartbeatTimeoutIT {

  static Stream<Arguments> cases() {
    return Stream.of(Container.values()).flatMap(c -> Stream.of("eio", "sio").flatMap(kind ->
        Stream.of("polling", "websocket").map(mode -> Arguments.of(c, kind, mode))));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void clientDetectsMissingPings(Container container, String kind, String mode) throws Exception {
    Servers.Running<TransportApp> server = TransportServers.of(container);
    try {
      String out = NodeScript.run("transport-heartbeat-" + container + "-" + kind + "-" + mode,
          "transport-heartbeat.mjs", server.baseUrl(), kind, mode);
      assertTrue(out.contains("OK ping timeout " + mode), out);
    } finally {
      server.app().releaseHeartbeats();
    }
  }
}
