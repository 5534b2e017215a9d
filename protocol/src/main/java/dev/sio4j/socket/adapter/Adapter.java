package dev.sio4j.socket.adapter;

import dev.sio4j.socket.parser.SocketPacket;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The room registry and broadcaster of one namespace (Node's {@code socket.io-adapter} {@code Adapter}); the
 * clustering SPI. {@link InMemoryAdapter} serves a single node; a cluster adapter also forwards broadcasts to the
 * other nodes.
 *
 * <p>Implementations must be thread safe: sockets join, leave and broadcast from any thread. No method may block.
 */
public interface Adapter {

  /** Called once after creation. */
  default void init() {}

  /** Called once when the server closes. */
  default void close() {}

  /** Adds a socket to rooms (creating them as needed). */
  void addAll(String id, Set<String> rooms);

  /** Removes a socket from a room. */
  void del(String id, String room);

  /** Removes a socket from every room (on disconnect). */
  void delAll(String id);

  /**
   * Delivers a packet to the sockets selected by {@code opts}, encoding it once for all of them. The packet's
   * namespace is replaced by this adapter's.
   */
  void broadcast(SocketPacket packet, BroadcastOptions opts);

  /** The ids of the local sockets in any of {@code rooms} (all local sockets when empty). */
  Set<String> sockets(Set<String> rooms);

  /** The rooms of a socket, or an empty set when it is unknown. */
  Set<String> socketRooms(String id);

  /** The ids of the local sockets selected by {@code opts} (Node's {@code fetchSockets} on one node). */
  List<String> fetchSockets(BroadcastOptions opts);

  /** Makes the selected sockets join {@code rooms}. */
  void addSockets(BroadcastOptions opts, Set<String> rooms);

  /** Makes the selected sockets leave {@code rooms}. */
  void delSockets(BroadcastOptions opts, Set<String> rooms);

  /** Disconnects the selected sockets. */
  void disconnectSockets(BroadcastOptions opts, boolean close);

  /** A snapshot of the rooms and their members. */
  Map<String, Set<String>> rooms();

  /** Registers a listener for room events. */
  void addRoomListener(RoomListener listener);

  /** Sends an event to the other server nodes; the in-memory adapter has none and refuses. */
  default void serverSideEmit(List<Object> eventAndArgs) {
    throw new UnsupportedOperationException("this adapter does not support serverSideEmit");
  }
}
