package dev.sio4j.socket;

import dev.sio4j.socket.adapter.BroadcastFlags;
import dev.sio4j.socket.adapter.BroadcastOptions;
import dev.sio4j.socket.adapter.SocketDetails;
import java.util.Map;
import java.util.Set;

/**
 * A socket connected to another server node, as {@link BroadcastOperator#fetchSockets()} returns it (Node's
 * {@code RemoteSocket}): a snapshot of its details, and actions sent through the adapter to the room that is its id,
 * so they reach it on whichever node it is. Immutable; thread safe.
 */
final class ClusterSocket implements RemoteSocket {

  private final SocketDetails details;
  private final BroadcastOperator operator;

  ClusterSocket(Namespace nsp, SocketDetails details) {
    this.details = details;
    this.operator = new BroadcastOperator(nsp,
        new BroadcastOptions(Set.of(details.id()), Set.of(), BroadcastFlags.NONE));
  }

  @Override
  public String id() {
    return details.id();
  }

  @Override
  public Handshake handshake() {
    return details.handshake();
  }

  @Override
  public Set<String> rooms() {
    return details.rooms();
  }

  @Override
  public Map<String, Object> data() {
    return details.data();
  }

  /**
   * Emits to the socket on its node.
   *
   * @throws IllegalStateException with an {@link AckCallback} (no acknowledgement from a remote socket)
   */
  @Override
  public RemoteSocket emit(String event, Object... args) {
    operator.emit(event, args);
    return this;
  }

  @Override
  public RemoteSocket join(String... rooms) {
    operator.socketsJoin(rooms);
    return this;
  }

  @Override
  public RemoteSocket leave(String room) {
    operator.socketsLeave(room);
    return this;
  }

  @Override
  public RemoteSocket disconnect(boolean close) {
    operator.disconnectSockets(close);
    return this;
  }

  @Override
  public String toString() {
    return "ClusterSocket[" + details.id() + "]";
  }
}
