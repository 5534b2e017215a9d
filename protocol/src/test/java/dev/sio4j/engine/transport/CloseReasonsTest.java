package dev.sio4j.engine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CloseReasonsTest {

  @Test
  void closeReasonIsCutToTheFrameLimitWithoutSplittingACharacter() {
    String reason = "€".repeat(60); // 180 bytes
    String cut = CloseReasons.truncate(reason);
    assertEquals(123, cut.getBytes(StandardCharsets.UTF_8).length);
    assertEquals("€".repeat(41), cut);
    assertEquals("short", CloseReasons.truncate("short"));
    assertEquals("", CloseReasons.truncate(null));
  }
}
