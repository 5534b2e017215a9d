package dev.sio4j.socket.adapter;

import dev.sio4j.socket.parser.EncodedPacket;

/**
 * What an {@link Adapter} sees of one socket connected to this node. Implemented by the socket layer.
 *
 * <p>Thread safe: may be called from any thread; never blocks.
 */
public interface AdapterSocket {

  /** The socket id (also the name of its own room). */
  String id();

  /** Queues an already encoded packet to this socket (dropped if it disconnected). */
  void write(EncodedPacket packet, BroadcastFlags flags);

  /** Disconnects the socket from its namespace, and closes the connection when {@code close}. */
  void disconnect(boolean close);
}
