package dev.sio4j.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JakartaWebSocketChannelTest {

  @Test
  void closeReasonIsCutToTheFrameLimitWithoutSplittingACharacter() {
    String reason = "€".repeat(60); // 180 bytes
    String cut = JakartaWebSocketChannel.truncate(reason);
    assertEquals(123, cut.getBytes(StandardCharsets.UTF_8).length);
    assertEquals("€".repeat(41), cut);
    assertEquals("short", JakartaWebSocketChannel.truncate("short"));
    assertEquals("", JakartaWebSocketChannel.truncate(null));
  }
}
