package dev.sio4j.boot.it.app;

import org.springframework.stereotype.Service;

/** A service injected into the endpoint bean by constructor. */
@Service
public class Greeter {

  public String greet(String name) {
    return "Hello, " + name + "!";
  }
}
