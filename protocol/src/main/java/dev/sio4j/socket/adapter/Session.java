package dev.sio4j.socket.adapter;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The state of a disconnected socket kept for connection state recovery (Node's {@code SessionToPersist} and
 * {@code Session}): persisted by {@link Adapter#persistSession(Session)} with no missed packets, returned by
 * {@link Adapter#restoreSession(String, String)} with the events the client missed. Immutable.
 *
 * @param sid the socket id, reused by the recovered socket
 * @param pid the private session id the client presents to recover ({@code auth.pid})
 * @param rooms the rooms the socket was in
 * @param data a copy of the socket's {@code data}
 * @param missedPackets the {@code [event, args..., offset]} arrays of the EVENT packets missed, in order
 */
public record Session(
    String sid, String pid, Set<String> rooms, Map<String, Object> data, List<List<Object>> missedPackets) {

  /** Copies the collections. */
  public Session {
    Objects.requireNonNull(sid, "sid");
    Objects.requireNonNull(pid, "pid");
    rooms = Set.copyOf(rooms);
    data = Map.copyOf(data);
    missedPackets = List.copyOf(missedPackets);
  }

  /** A copy carrying missed packets. */
  public Session withMissedPackets(List<List<Object>> packets) {
    return new Session(sid, pid, rooms, data, packets);
  }
}
