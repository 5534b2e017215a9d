package dev.sio4j.admin;

import dev.sio4j.socket.Handshake;
import dev.sio4j.socket.Socket;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes sockets and times as {@code @socket.io/admin-ui} sends them ({@code serialize} and {@code new Date()} in its
 * {@code lib/index.ts}), as the plain maps and lists sio4j encodes to JSON. Stateless.
 */
final class SocketSerializer {

  /** {@code Date.prototype.toJSON}: always three fraction digits, UTC. */
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private SocketSerializer() {}

  static String now() {
    return DATE.format(Instant.now());
  }

  /** Node's {@code socket.client.id.substring(0, 12)}: the engine session id is too sensitive to show whole. */
  static String clientId(Socket socket) {
    String id = socket.conn().id();
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  static Map<String, Object> serialize(Socket socket) {
    Handshake h = socket.handshake();
    Map<String, Object> handshake = new LinkedHashMap<>();
    String address = h.header("cf-connecting-ip");
    if (address == null) {
      address = h.header("x-forwarded-for");
    }
    handshake.put("address", address != null ? address : h.address());
    handshake.put("headers", flatten(h.headers()));
    handshake.put("query", flatten(h.query()));
    handshake.put("issued", h.issued());
    handshake.put("secure", h.secure());
    handshake.put("time", h.time());
    handshake.put("url", h.url());
    handshake.put("xdomain", h.xdomain());
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", socket.id());
    s.put("clientId", clientId(socket));
    s.put("transport", socket.conn().transport().wireName());
    s.put("nsp", socket.namespace().name());
    s.put("data", new LinkedHashMap<>(socket.data()));
    s.put("handshake", handshake);
    s.put("rooms", new ArrayList<>(socket.rooms()));
    return s;
  }

  /** Node keeps one value per header (repeated ones joined by {@code ", "}) and per query parameter (the first). */
  private static Map<String, Object> flatten(Map<String, List<String>> multi) {
    Map<String, Object> flat = new LinkedHashMap<>();
    multi.forEach((k, v) -> flat.put(k, String.join(", ", v)));
    return flat;
  }
}
