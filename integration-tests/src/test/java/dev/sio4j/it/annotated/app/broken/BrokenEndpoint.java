package dev.sio4j.it.annotated.app.broken;

import dev.sio4j.annotation.OnEvent;
import dev.sio4j.annotation.SocketIoEndpoint;
import java.util.List;

/** Invalid on purpose (two handlers for one event): its deployment must fail naming the class and methods. */
@SocketIoEndpoint("/broken")
public class BrokenEndpoint {

  @OnEvent("twice")
  public void first(List<String> values) {}

  @OnEvent("twice")
  public void second(String value) {}
}
