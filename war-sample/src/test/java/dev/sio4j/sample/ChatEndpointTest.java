package dev.sio4j.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sio4j.annotation.binding.AnnotatedEndpoints;
import org.junit.jupiter.api.Test;

class ChatEndpointTest {

  @Test
  void acceptsNamesOfOneTo32CharactersAfterTrimming() {
    assertNull(ChatEndpoint.checkName("nickname", "a"));
    assertNull(ChatEndpoint.checkName("nickname", " " + "x".repeat(32) + " "));
  }

  @Test
  void refusesMissingBlankOrLongNamesWithAClearMessage() {
    assertEquals("nickname required", ChatEndpoint.checkName("nickname", null));
    assertEquals("nickname required", ChatEndpoint.checkName("nickname", "  "));
    assertEquals("nickname required", ChatEndpoint.checkName("nickname", 42L));
    assertEquals("room too long (at most 32 characters)", ChatEndpoint.checkName("room", "x".repeat(33)));
  }

  @Test
  void isAValidAnnotatedEndpoint() {
    AnnotatedEndpoints.validate(ChatEndpoint.class); // what deployment checks: fails naming the class and method
  }
}
