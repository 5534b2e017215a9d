package dev.sio4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EngineOptionsTest {

  @Test
  void defaultsEqualNodes() {
    EngineOptions o = EngineOptions.defaults();
    assertEquals(Duration.ofMillis(25_000), o.pingInterval());
    assertEquals(Duration.ofMillis(20_000), o.pingTimeout());
    assertEquals(Duration.ofMillis(10_000), o.upgradeTimeout());
    assertEquals(1_000_000, o.maxHttpBufferSize());
    assertTrue(o.allowUpgrades());
    assertEquals("/engine.io/", o.path());
  }

  @Test
  void limitsNodeDoesNotHaveDefaultToWhatA512MbServerSurvives() {
    EngineOptions o = EngineOptions.defaults();
    assertEquals(Duration.ofMinutes(5), o.requestTimeout(), "Node's http.Server.requestTimeout");
    assertEquals(1024 * 1024, o.maxBufferedBytes());
    assertEquals(4096, o.maxBufferedPackets());
    assertTrue(o.maxBufferedBytes() >= o.maxHttpBufferSize(), "a message a client may send can be relayed");
  }

  @Test
  void rejectsNonsenseWithTheOptionsName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EngineOptions.builder().pingInterval(Duration.ZERO).build());
    assertTrue(e.getMessage().contains("pingInterval"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> EngineOptions.builder().maxHttpBufferSize(-1).build());
    assertTrue(e.getMessage().contains("maxHttpBufferSize"), e.getMessage());
  }

  @Test
  void pathGetsATrailingSlash() {
    assertEquals("/socket.io/", EngineOptions.builder().path("/socket.io").build().path());
  }
}
