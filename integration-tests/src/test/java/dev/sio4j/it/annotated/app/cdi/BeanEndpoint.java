package dev.sio4j.it.annotated.app.cdi;

import dev.sio4j.annotation.OnEvent;
import dev.sio4j.annotation.SocketIoEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** A bean: {@code CDI.current().select(BeanEndpoint.class)} gives its (proxied) instance. */
@ApplicationScoped
@SocketIoEndpoint("/cdi-bean")
public class BeanEndpoint {

  @Inject Greeter greeter;

  @OnEvent("greet")
  public List<String> greet(String name) {
    return greeter == null ? List.of("NOT INJECTED") : List.of(greeter.greet(name), greeter.id());
  }
}
