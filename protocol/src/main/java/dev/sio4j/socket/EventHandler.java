package dev.sio4j.socket;

import java.util.List;

/**
 * Handles one event received from a client (Node's {@code socket.on(event, (...args, ack) => ...)}).
 *
 * <p>Called in arrival order, never concurrently for one connection, on the engine's callback thread (or the
 * configured executor): must not block unless an executor is configured.
 */
@FunctionalInterface
public interface EventHandler {

  /**
   * Handles the event.
   *
   * @param args the arguments after the event name (plain Java tree, see {@link dev.sio4j.socket.parser.PacketDecoder})
   * @param ack the acknowledgement to answer, or {@code null} when the client asked for none
   */
  void handle(List<Object> args, Ack ack);
}
