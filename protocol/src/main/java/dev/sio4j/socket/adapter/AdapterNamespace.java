package dev.sio4j.socket.adapter;

import dev.sio4j.socket.parser.PacketEncoder;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What an {@link Adapter} sees of its namespace. Implemented by the socket layer.
 *
 * <p>Thread safe.
 */
public interface AdapterNamespace {

  /** The namespace name, e.g. {@code "/"} or {@code "/admin"}. */
  String name();

  /** The shared encoder (encode a broadcast once with it). */
  PacketEncoder encoder();

  /** The socket connected to this node with that id, or {@code null}. */
  AdapterSocket socket(String id);

  /** A new acknowledgement id, unique in this namespace (shared with the sockets' own acks). */
  long nextAckId();

  /** The server's shared scheduler, for an adapter's housekeeping; never shut down by the adapter. */
  ScheduledExecutorService timer();
}
