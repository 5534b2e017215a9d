package dev.sio4j.engine;

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
    Map<String, List<String>> lower = new java.util.HashMap<>();
    headers.forEach((k, v) -> lower.merge(k.toLowerCase(Locale.ROOT), List.copyOf(v), (a, b) -> {
      List<String> all = new java.util.ArrayList<>(a);
      all.addAll(b);
      return List.copyOf(all);
    }));
    headers = Map.copyOf(lower);
    attributes = Map.copyOf(attributes);
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
