package dev.sio4j.socket.adapter;

import dev.sio4j.socket.Handshake;
import dev.sio4j.socket.parser.EncodedPacket;
import dev.sio4j.socket.parser.SocketPacket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What an {@link Adapter} sees of one socket connected to this node. Implemented by the socket layer.
 *
 * <p>Thread safe: may be called from any thread; never blocks.
 */
public interface AdapterSocket {

  /** The socket id (also the name of its own room). */
  String id();

  /** The handshake details, or {@code null} when unknown (what a cluster adapter reports to other nodes). */
  default Handshake handshake() {
    return null;
  }

  /** The application data ({@code socket.data}, live and thread safe), or an empty map when unknown. */
  default Map<String, Object> data() {
    return Map.of();
  }

  /** The rooms the socket is in (its own id included), a snapshot. */
  default Set<String> rooms() {
    return Set.of(id());
  }

  /** Queues an already encoded packet to this socket (dropped if it disconnected). */
  void write(EncodedPacket packet, BroadcastFlags flags);

  /**
   * Queues an already encoded packet, telling the socket's outgoing listeners what it is (Node's
   * {@code notifyOutgoingListeners}). Adapters should prefer this over {@link #write(EncodedPacket, BroadcastFlags)}.
   */
  default void write(SocketPacket packet, EncodedPacket encoded, BroadcastFlags flags) {
    write(encoded, flags);
  }

  /**
   * Registers {@code onAck} for the ack id of {@code packet} (with the flags' timeout, after which it is dropped
   * silently), then queues the encoded packet. Returns {@code false}, sending nothing, when the socket is
   * disconnected or has too many acknowledgements pending.
   */
  boolean writeWithAck(SocketPacket packet, EncodedPacket encoded, BroadcastFlags flags, Consumer<List<Object>> onAck);

  /** Disconnects the socket from its namespace, and closes the connection when {@code close}. */
  void disconnect(boolean close);
}
