package dev.sio4j.it.annotated.app.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The injected bean: one instance per application, identified by {@link #id()}. */
@ApplicationScoped
public class Greeter {

  private final String id = UUID.randomUUID().toString();

  public String id() {
    return id;
  }

  public String greet(String name) {
    return "hello " + name;
  }
}
