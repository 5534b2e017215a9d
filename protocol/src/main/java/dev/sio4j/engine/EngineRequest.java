package dev.sio4j.engine;

import dev.sio4j.engine.transport.HeaderNames;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP request that opened or continues an Engine.IO exchange, as a transport saw it.
 *
 * <p>Transports build one per polling request and one per WebSocket handshake. Header names are kept in lower case
 * so lookups are case-insensitive; query parameters are kept as sent (decoded). Immutable and thread safe.
 *
 * @param method the HTTP method in upper case ({@code GET}, {@code POST}, {@code OPTIONS})
 * @param url the request URI with its query string, as the client sent it (e.g. {@code /socket.io/?EIO=4&transport=polling})
 * @param query decoded query parameters
 * @param headers request headers, names in lower case
 * @param remoteAddress the peer's IP address
 * @param secure whether the request came over TLS
 * @param attributes container-specific extras (e.g. the user principal, the HTTP session) under names the transport documents
 */
public record EngineRequest(
    String method,
    String url,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    String remoteAddress,
    boolean secure,
    Map<String, Object> attributes) {

  /** Copies the maps so the record stays immutable, and lower-cases header names. */
  public EngineRequest {
    method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
    query = Map.copyOf(query);
    headers = lowerCaseCopy(headers);
    attributes = Map.copyOf(attributes);
  }

  /**
   * The request path without the query string: what logs show, since the query may carry credentials
   * ({@code ?token=...}) that must not end up in log files.
   */
  public String path() {
    int q = url == null ? -1 : url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  /**
   * An immutable copy with lower-case names; names that differ only in case are merged. When every name is lower
   * case already (transports build them so), the copy is made without re-keying; immutable value lists are kept as
   * they are ({@link List#copyOf} returns them unchanged), and an immutable map of them is not copied at all.
   */
  private static Map<String, List<String>> lowerCaseCopy(Map<String, List<String>> headers) {
    boolean lower = true;
    for (String name : headers.keySet()) {
      if (!isLowerCase(name)) {
        lower = false;
        break;
      }
    }
    if (lower) {
      if (allImmutable(headers)) {
        return Map.copyOf(headers); // the map itself when it is immutable already (transports build it so)
      }
      @SuppressWarnings("unchecked")
      Map.Entry<String, List<String>>[] entries = new Map.Entry[headers.size()];
      int i = 0;
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        entries[i++] = Map.entry(e.getKey(), List.copyOf(e.getValue()));
      }
      return Map.ofEntries(entries);
    }
    Map<String, List<String>> merged = new java.util.HashMap<>();
    headers.forEach((k, v) -> merged.merge(HeaderNames.lowerCase(k), List.copyOf(v), (a, b) -> {
      List<String> all = new java.util.ArrayList<>(a);
      all.addAll(b);
      return List.copyOf(all);
    }));
    return Map.copyOf(merged);
  }

  /** Whether every value list is immutable already ({@link List#copyOf} returns such a list itself). */
  private static boolean allImmutable(Map<String, List<String>> headers) {
    for (List<String> values : headers.values()) {
      if (List.copyOf(values) != values) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowerCase(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.toLowerCase(c) != c) {
        return false;
      }
    }
    return true;
  }

  /** Returns the first value of a query parameter, or {@code null}. */
  public String queryParam(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** Returns the first value of a header (name matched case-insensitively), or {@code null}. */
  public String header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** The {@code EIO} query parameter (protocol version), or {@code null}. */
  public String eio() {
    return queryParam("EIO");
  }

  /** The {@code transport} query parameter, or {@code null}. */
  public String transport() {
    return queryParam("transport");
  }

  /** The {@code sid} query parameter, or {@code null} for a handshake. */
  public String sid() {
    return queryParam("sid");
  }
}
