package dev.sio4j.redis;

import dev.sio4j.socket.Handshake;
import dev.sio4j.socket.adapter.SocketDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wire form of {@link SocketDetails} in a {@code REMOTE_FETCH} response, as Node's adapter writes it:
 * {@code {id, handshake, rooms, data}}, a header or query value being a string, or an array when repeated.
 */
final class SocketDetailsWire {

  private SocketDetailsWire() {}

  /** The wire form of one socket. */
  static Map<String, Object> toWire(SocketDetails details) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", details.id());
    out.put("handshake", details.handshake() == null ? Map.of() : handshakeToWire(details.handshake()));
    out.put("rooms", new ArrayList<>(details.rooms()));
    out.put("data", details.data());
    return out;
  }

  /** Reads one socket of a {@code REMOTE_FETCH} response; {@code null} when it has no id. */
  static SocketDetails fromWire(Object o) {
    if (!(o instanceof Map<?, ?> m) || !(m.get("id") instanceof String id)) {
      return null;
    }
    Set<String> rooms = new LinkedHashSet<>();
    if (m.get("rooms") instanceof List<?> list) {
      list.forEach(r -> rooms.add(String.valueOf(r)));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    if (m.get("data") instanceof Map<?, ?> d) {
      d.forEach((k, v) -> data.put(String.valueOf(k), v));
    }
    Handshake hs = m.get("handshake") instanceof Map<?, ?> h ? handshakeFromWire(h) : null;
    return new SocketDetails(id, hs, rooms, data);
  }

  /** The wire form of each socket. */
  static List<Object> allToWire(List<SocketDetails> details) {
    List<Object> out = new ArrayList<>(details.size());
    details.forEach(d -> out.add(toWire(d)));
    return out;
  }

  /** The sockets of a list mixing this node's details with other nodes' wire forms (skipping those without id). */
  static List<SocketDetails> allFromWire(List<Object> mixed) {
    List<SocketDetails> out = new ArrayList<>(mixed.size());
    for (Object o : mixed) {
      SocketDetails details = o instanceof SocketDetails d ? d : fromWire(o);
      if (details != null) {
        out.add(details);
      }
    }
    return out;
  }

  /** Node's handshake object: a header or query value is a string, or an array when repeated. */
  static Map<String, Object> handshakeToWire(Handshake h) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("headers", multiToWire(h.headers()));
    out.put("time", h.time());
    out.put("address", h.address());
    out.put("xdomain", h.xdomain());
    out.put("secure", h.secure());
    out.put("issued", h.issued());
    out.put("url", h.url());
    out.put("query", multiToWire(h.query()));
    out.put("auth", h.auth());
    return out;
  }

  private static Map<String, Object> multiToWire(Map<String, List<String>> multi) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (multi != null) {
      multi.forEach((k, v) -> out.put(k, v.size() == 1 ? v.get(0) : v));
    }
    return out;
  }

  static Handshake handshakeFromWire(Map<?, ?> h) {
    Map<String, Object> auth = new LinkedHashMap<>();
    if (h.get("auth") instanceof Map<?, ?> a) {
      a.forEach((k, v) -> auth.put(String.valueOf(k), v));
    }
    return new Handshake(multiFromWire(h.get("headers")), multiFromWire(h.get("query")), auth,
        h.get("address") instanceof String s ? s : null, h.get("time") instanceof String t ? t : null,
        h.get("issued") instanceof Number n ? n.longValue() : 0L, Boolean.TRUE.equals(h.get("secure")),
        Boolean.TRUE.equals(h.get("xdomain")), h.get("url") instanceof String u ? u : null);
  }

  private static Map<String, List<String>> multiFromWire(Object o) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        List<String> values = new ArrayList<>();
        if (v instanceof List<?> l) {
          l.forEach(e -> values.add(String.valueOf(e)));
        } else if (v != null) {
          values.add(String.valueOf(v));
        }
        out.put(String.valueOf(k), List.copyOf(values));
      });
    }
    return out;
  }
}
