package dev.sio4j.socket;

import java.util.Map;
import java.util.Set;

/**
 * A socket returned by {@link Namespace#fetchSockets()} (Node's {@code RemoteSocket}): connected to this node (then it
 * is the {@link Socket} itself) or, with a cluster adapter, to another one. Only what can be done from afar is
 * offered.
 *
 * <pre>{@code
 * io.in("room").fetchSockets().thenAccept(sockets -> sockets.forEach(s -> s.emit("hello", s.data().get("name"))));
 * }</pre>
 *
 * <p>Thread safe.
 */
public interface RemoteSocket {

  /** The socket id. */
  String id();

  /** The handshake details. */
  Handshake handshake();

  /** The rooms the socket is in (its own id included), a snapshot. */
  Set<String> rooms();

  /** The application data (Node's {@code socket.data}); for a remote socket, a snapshot. */
  Map<String, Object> data();

  /** Emits an event to this socket's client (no acknowledgement for a remote socket). */
  RemoteSocket emit(String event, Object... args);

  /** Joins rooms. */
  RemoteSocket join(String... rooms);

  /** Leaves a room. */
  RemoteSocket leave(String room);

  /** Disconnects the socket from its namespace, and closes its connection when {@code close}. */
  RemoteSocket disconnect(boolean close);
}
