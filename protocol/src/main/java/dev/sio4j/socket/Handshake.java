package dev.sio4j.socket;

import java.util.List;
import java.util.Map;

/**
 * The details of the connection a {@link Socket} was created on (Node's {@code socket.handshake}). Immutable.
 *
 * @param headers the HTTP headers of the first request, names in lower case
 * @param query the query parameters of the first request
 * @param auth the CONNECT payload, {@code {}} when the client sent none
 * @param address the client's IP address
 * @param time the creation time as text, as Node's {@code new Date().toString()} writes it, e.g.
 *     {@code Wed Dec 02 2026 01:13:13 GMT+0000 (Coordinated Universal Time)} (in the JVM's time zone)
 * @param issued the creation time in milliseconds since the epoch
 * @param secure whether the connection uses TLS
 * @param xdomain whether the request carried an {@code Origin} header
 * @param url the request URL
 */
public record Handshake(
    Map<String, List<String>> headers,
    Map<String, List<String>> query,
    Map<String, Object> auth,
    String address,
    String time,
    long issued,
    boolean secure,
    boolean xdomain,
    String url) {

  /** The first value of a header (name in lower case), or {@code null}. */
  public String header(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** The first value of a query parameter, or {@code null}. */
  public String queryParam(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
