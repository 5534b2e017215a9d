package dev.sio4j.engine.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sio4j.engine.EngineRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderNamesTest {

  @Test
  void wellKnownNamesAreLowerCasedToOneSharedString() {
    String a = HeaderNames.lowerCase("Sec-WebSocket-Key");
    String b = HeaderNames.lowerCase(new String("SEC-WEBSOCKET-KEY"));
    assertEquals("sec-websocket-key", a);
    assertSame(a, b);
  }

  @Test
  void otherNamesAreLowerCased() {
    assertEquals("x-my-header", HeaderNames.lowerCase("X-My-Header"));
  }

  @Test
  void engineRequestKeepsTheSharedNames() {
    EngineRequest r = new EngineRequest("GET", "/socket.io/", Map.of(),
        Map.of("Host", List.of("example.org"), "User-Agent", List.of("test")), "127.0.0.1", false, Map.of());
    String host = r.headers().keySet().stream().filter("host"::equals).findFirst().orElseThrow();
    assertSame(HeaderNames.lowerCase("HOST"), host);
    assertEquals("example.org", r.header("Host"));
  }
}
