package dev.sio4j.redis;

import java.util.List;
import java.util.function.Consumer;

/**
 * Receives the events other server nodes send with {@code serverSideEmit} (Node's {@code io.on(event, …)} on the
 * server side). Called on the Redis client's I/O thread: must not block.
 */
@FunctionalInterface
public interface ServerSideEmitListener {

  /**
   * One event.
   *
   * @param eventAndArgs the event name followed by its arguments
   * @param ack answers the sender (first call only), or {@code null} when the sender expects no answer
   */
  void onServerSideEmit(List<Object> eventAndArgs, Consumer<Object> ack);
}
