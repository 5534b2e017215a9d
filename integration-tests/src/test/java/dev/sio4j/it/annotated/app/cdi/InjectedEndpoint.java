package dev.sio4j.it.annotated.app.cdi;

import dev.sio4j.annotation.OnEvent;
import dev.sio4j.annotation.SocketIoEndpoint;
import jakarta.inject.Inject;
import java.util.List;

/** Not a bean (no scope, {@code annotated} discovery): created and injected through {@code Unmanaged}. */
@SocketIoEndpoint("/cdi")
public class InjectedEndpoint {

  @Inject Greeter greeter;

  @OnEvent("greet")
  public List<String> greet(String name) {
    return greeter == null ? List.of("NOT INJECTED") : List.of(greeter.greet(name), greeter.id());
  }
}
