package dev.sio4j.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.annotation.OnEvent;
import dev.sio4j.annotation.SocketIoEndpoint;
import dev.sio4j.annotation.binding.EndpointDefinitionException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SocketIoEndpointsTest {

  @SocketIoEndpoint("/b")
  public static class B {
    @OnEvent("ping")
    public String ping() {
      return "pong";
    }
  }

  @SocketIoEndpoint("/a")
  public static class A {}

  /** Handed over by a container that also reports classes with annotated members. */
  public static class NotAnEndpoint {}

  @SocketIoEndpoint("/broken")
  public static class Broken {
    @OnEvent("")
    public void empty() {}
  }

  @SocketIoEndpoint("/broken-too")
  public static class BrokenToo {
    @OnEvent("x")
    public void one() {}

    @OnEvent("x")
    public void two() {}
  }

  @Test
  void scannedClassesAreNarrowedToAnnotatedOnesAndSortedByName() {
    Set<Class<?>> scanned = new HashSet<>(List.of(B.class, NotAnEndpoint.class, A.class, SocketIoEndpoint.class));
    assertEquals(List.of(A.class, B.class), SocketIoEndpoints.endpointClasses(scanned));
    assertEquals(List.of(), SocketIoEndpoints.endpointClasses(null));
  }

  @Test
  void initParamNamesAreLoadedWithTheGivenLoader() {
    assertEquals(List.of(B.class, A.class), SocketIoEndpoints.load(
        List.of(B.class.getName(), A.class.getName()), getClass().getClassLoader()));
  }

  @Test
  void anUnknownClassNameFailsNamingTheParameterAndTheClass() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SocketIoEndpoints.load(
        List.of("com.example.Missing"), getClass().getClassLoader()));
    assertTrue(e.getMessage().contains("sio4j.endpoints"), e.getMessage());
    assertTrue(e.getMessage().contains("com.example.Missing"), e.getMessage());
  }

  @Test
  void validClassesPass() {
    SocketIoEndpoints.validate(List.of(A.class, B.class));
  }

  @Test
  void oneInvalidClassFailsWithItsOwnMessage() {
    EndpointDefinitionException e = assertThrows(EndpointDefinitionException.class,
        () -> SocketIoEndpoints.validate(List.of(A.class, Broken.class)));
    assertTrue(e.getMessage().contains(Broken.class.getName()), e.getMessage());
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }

  @Test
  void everyInvalidClassIsReportedAtOnce() {
    EndpointDefinitionException e = assertThrows(EndpointDefinitionException.class,
        () -> SocketIoEndpoints.validate(List.of(Broken.class, NotAnEndpoint.class, BrokenToo.class)));
    assertTrue(e.getMessage().startsWith("3 invalid"), e.getMessage());
    assertTrue(e.getMessage().contains(Broken.class.getName()), e.getMessage());
    assertTrue(e.getMessage().contains(NotAnEndpoint.class.getName() + " is not annotated"), e.getMessage());
    assertTrue(e.getMessage().contains("duplicate @OnEvent(\"x\")"), e.getMessage());
    assertEquals(2, e.getSuppressed().length);
  }

  @Test
  void initParamsNameTheEndpointsAndTheScanSwitch() {
    InitParams none = new InitParams(Map.<String, String>of()::get);
    assertEquals(List.of(), none.endpoints());
    assertTrue(none.scanEndpoints());
    InitParams some = new InitParams(Map.of("sio4j.endpoints", " a.B , c.D,,", "sio4j.endpoints.scan", "false")::get);
    assertEquals(List.of("a.B", "c.D"), some.endpoints());
    assertFalse(some.scanEndpoints());
    assertThrows(IllegalArgumentException.class,
        () -> new InitParams(Map.of("sio4j.endpoints.scan", "maybe")::get).scanEndpoints());
  }
}
