package dev.sio4j.socket;

import java.util.List;

/** Sees every incoming event before its handlers (Node's {@code socket.onAny}). Same threading as {@link EventHandler}. */
@FunctionalInterface
public interface AnyListener {

  /** Called with the event name and its arguments. */
  void handle(String event, List<Object> args);
}
