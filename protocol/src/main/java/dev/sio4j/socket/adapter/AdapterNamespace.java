package dev.sio4j.socket.adapter;

import dev.sio4j.socket.parser.SocketParser;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * What an {@link Adapter} sees of its namespace. Implemented by the socket layer.
 *
 * <p>Thread safe.
 */
public interface AdapterNamespace {

  /** The namespace name, e.g. {@code "/"} or {@code "/admin"}. */
  String name();

  /** The shared encoder (encode a broadcast once with it). */
  SocketParser.Encoder encoder();

  /** The socket connected to this node with that id, or {@code null}. */
  AdapterSocket socket(String id);

  /** A new acknowledgement id, unique in this namespace (shared with the sockets' own acks). */
  long nextAckId();

  /** The server's shared scheduler, for an adapter's housekeeping; never shut down by the adapter. */
  ScheduledExecutorService timer();

  /**
   * Hands an event another server node sent with {@code serverSideEmit} to this namespace's
   * {@code onServerSideEmit} handlers (Node's {@code nsp._onServerSideEmit}). Called by cluster adapters; returns at
   * once (the handlers run on the configured executor, if any, else on the calling thread).
   *
   * @param eventAndArgs the event name followed by its arguments
   * @param ack answers the sending node with one value (only the first call counts), or {@code null} when the sender
   *     expects no answer
   */
  default void receiveServerSideEmit(List<Object> eventAndArgs, Consumer<Object> ack) {}
}
