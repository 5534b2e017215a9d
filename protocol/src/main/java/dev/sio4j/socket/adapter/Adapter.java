package dev.sio4j.socket.adapter;

import dev.sio4j.socket.parser.SocketPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The room registry and broadcaster of one namespace (Node's {@code socket.io-adapter} {@code Adapter}); the
 * clustering SPI. {@link InMemoryAdapter} serves a single node; a cluster adapter also forwards broadcasts to the
 * other nodes.
 *
 * <p>Implementations must be thread safe: sockets join, leave and broadcast from any thread. No method may block.
 *
 * <h2>What the server relies on</h2>
 * <ul>
 *   <li>A broadcast writes the packet to each selected local socket through {@link AdapterSocket#write} on the
 *       calling thread, so that one thread's emits reach each client in emit order. The socket itself holds
 *       packets back until its CONNECT answer is written.
 *   <li>An adapter that gives packets offsets (connection state recovery) writes them to each socket in offset
 *       order, also when several threads broadcast at once (e.g. assign, keep and write under one lock, as
 *       {@link SessionAwareAdapter} does): a client's last offset must never point backwards.
 *   <li>{@link #restoreSession} and {@link #missedPacketsSince} may complete on any thread, later; the server joins
 *       the restored rooms between the two calls and writes each packet once (by offset), so a broadcast must be
 *       visible to {@code missedPacketsSince} either entirely (kept and written to the sockets joined then) or not
 *       at all.
 *   <li>Stages complete (possibly exceptionally); one that never completes leaves that connection waiting.
 * </ul>
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

  /**
   * The sockets selected by {@code opts} on every server node (Node's {@code adapter.fetchSockets}): this node's
   * plus, for a cluster adapter and unless the options are {@code local}, those the other nodes report. The stage
   * fails (e.g. on a cluster request timeout) rather than never completing. The default lists this node's
   * sockets, with their ids and rooms only; {@link InMemoryAdapter} adds their handshakes and data.
   */
  default CompletionStage<List<SocketDetails>> fetchClusterSockets(BroadcastOptions opts) {
    List<SocketDetails> out = new ArrayList<>();
    for (String id : fetchSockets(opts)) {
      out.add(new SocketDetails(id, null, socketRooms(id), Map.of()));
    }
    return CompletableFuture.completedFuture(out);
  }

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

  /**
   * Sends an event to the other server nodes (Node's {@code serverSideEmit}); the in-memory adapter has none and
   * refuses, as Node's does.
   *
   * @throws UnsupportedOperationException when the adapter does not reach other nodes
   */
  default void serverSideEmit(List<Object> eventAndArgs) {
    throw new UnsupportedOperationException("this adapter does not support the serverSideEmit() functionality");
  }

  /**
   * Delivers a packet that asks each recipient for an acknowledgement (Node's {@code broadcastWithAck}). The adapter
   * gives the packet an ack id ({@link AdapterNamespace#nextAckId()}), sends it to the selected sockets with
   * {@link AdapterSocket#writeWithAck}, then reports how many clients were asked through
   * {@code clientCountCallback} (once per server node that delivered it), and each client's acknowledgement
   * arguments through {@code ack}.
   *
   * @throws UnsupportedOperationException when the adapter does not support it (the default)
   */
  default void broadcastWithAck(SocketPacket packet, BroadcastOptions opts, IntConsumer clientCountCallback,
      Consumer<List<Object>> ack) {
    throw new UnsupportedOperationException("this adapter does not support broadcasting with acknowledgements");
  }

  /** How many server nodes a broadcast reaches (Node's {@code serverCount}); 1 for a single node. */
  default CompletionStage<Integer> serverCount() {
    return CompletableFuture.completedFuture(1);
  }

  /**
   * Keeps the state of a socket that disconnected for a recoverable reason (connection state recovery). Called
   * on the leaving connection's thread while it holds that connection's registry lock, after the socket left its
   * rooms and before it leaves the namespace (so a reconnection sees the live socket or the session), so it must
   * not block. Does nothing by default.
   */
  default void persistSession(Session session) {}

  /**
   * The session of {@code pid} with the packets missed since {@code offset}, or {@code null} (in the stage) when it
   * is unknown, expired, or the offset is too old. Returns {@code null} by default.
   */
  default CompletionStage<Session> restoreSession(String pid, String offset) {
    return CompletableFuture.completedFuture(null);
  }

  /**
   * The kept packets after {@code offset} that {@code session} (its rooms) would receive, in offset order, each as
   * {@code [event, args..., offset]}; {@code null} in the stage when {@code offset} is no longer kept. The server
   * calls it once a recovered socket has joined its rooms, with the offset of the last packet
   * {@link #restoreSession} returned (or the client's offset when it returned none), to fetch what was broadcast
   * between the restore and the join; packets that reach the socket live meanwhile and appear here are written
   * once. A broadcast must be either entirely visible here (kept, and written to the sockets joined at that time)
   * or not at all. Returns an empty list by default (an adapter that keeps no packets).
   */
  default CompletionStage<List<List<Object>>> missedPacketsSince(Session session, String offset) {
    return CompletableFuture.completedFuture(List.of());
  }
}
