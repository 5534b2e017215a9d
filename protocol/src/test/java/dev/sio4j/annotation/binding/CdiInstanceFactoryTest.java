package dev.sio4j.annotation.binding;

import static dev.sio4j.annotation.binding.TestServers.connect;
import static dev.sio4j.annotation.binding.TestServers.server;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sio4j.annotation.OnEvent;
import dev.sio4j.annotation.SocketIoEndpoint;
import dev.sio4j.socket.FakeEngineSocket;
import dev.sio4j.socket.SocketIoServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link EndpointInstanceFactory#cdi()} with Weld SE: beans, non-beans (Unmanaged) and no container at all. */
class CdiInstanceFactoryTest {

  @ApplicationScoped
  public static class Greeter {
    private final AtomicInteger count = new AtomicInteger();

    public String greet(String name) {
      return "hello " + name + " #" + count.incrementAndGet();
    }
  }

  /** A bean: has a scope and is added to the container. */
  @Dependent
  @SocketIoEndpoint("/bean")
  public static class BeanEndpoint {
    @Inject Greeter greeter;

    @OnEvent("greet")
    public String greet(String name) {
      return greeter == null ? "NOT INJECTED" : greeter.greet(name);
    }
  }

  /** Not a bean (only the marker annotation): created through Unmanaged, still injected. */
  @SocketIoEndpoint("/plain")
  public static class PlainEndpoint {
    @Inject Greeter greeter;

    @OnEvent("greet")
    public String greet(String name) {
      return greeter == null ? "NOT INJECTED" : greeter.greet(name);
    }
  }

  private static SeContainer weld() {
    return SeContainerInitializer.newInstance().disableDiscovery()
        .addBeanClasses(Greeter.class, BeanEndpoint.class).initialize();
  }

  private static String greet(SocketIoServer io, String nsp) {
    FakeEngineSocket conn = connect(io, nsp);
    conn.receive("2" + nsp + ",1[\"greet\",\"bob\"]");
    return conn.nextText();
  }

  @Test
  void injectsBeansAndNonBeansSharingTheApplicationScope() {
    try (SeContainer container = weld()) {
      SocketIoServer io = server();
      AnnotatedEndpoints.register(io, BeanEndpoint.class, EndpointInstanceFactory.cdi());
      AnnotatedEndpoints.register(io, PlainEndpoint.class, EndpointInstanceFactory.cdi());
      assertEquals("3/bean,1[\"hello bob #1\"]", greet(io, "/bean"));
      assertEquals("3/plain,1[\"hello bob #2\"]", greet(io, "/plain"));
    }
  }

  @Test
  void fallsBackToTheConstructorWithoutAContainer() {
    SocketIoServer io = server();
    AnnotatedEndpoints.register(io, PlainEndpoint.class, EndpointInstanceFactory.cdi());
    assertEquals("3/plain,1[\"NOT INJECTED\"]", greet(io, "/plain"));
  }
}
