package dev.sio4j.socket.adapter;

import dev.sio4j.socket.Handshake;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a server node reports of one of its sockets when the cluster is asked for them (Node's {@code SocketDetails},
 * the answer to a {@code fetchSockets} request): a snapshot, immutable.
 *
 * @param id the socket id
 * @param handshake the handshake, or {@code null} when the reporting node did not send one
 * @param rooms the rooms the socket is in (its own id included)
 * @param data the application data ({@code socket.data}), never {@code null}
 */
public record SocketDetails(String id, Handshake handshake, Set<String> rooms, Map<String, Object> data) {

  /** Copies the collections ({@code data} may hold {@code null} values, as a JSON object may). */
  public SocketDetails {
    rooms = Set.copyOf(rooms);
    data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }
}
