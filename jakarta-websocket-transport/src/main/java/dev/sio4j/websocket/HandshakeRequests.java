package dev.sio4j.websocket;

import dev.sio4j.engine.EngineRequest;
import jakarta.websocket.server.HandshakeRequest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;

/** Builds the container-neutral {@link EngineRequest} from a JSR-356 handshake. */
final class HandshakeRequests {

  private HandshakeRequests() {}

  /**
   * Builds the request; {@code remoteAddress} may be {@code null} here and is filled in at open time (see
   * {@link RemoteAddresses}).
   */
  static EngineRequest from(HandshakeRequest request, String remoteAddress) {
    URI uri = request.getRequestURI();
    String query = request.getQueryString();
    String path = uri == null ? "/" : uri.getRawPath();
    String url = path + (query == null || query.isEmpty() ? "" : "?" + query);
    String scheme = uri == null ? null : uri.getScheme();
    boolean secure = "wss".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    Map<String, Object> attributes = new HashMap<>(2);
    Principal principal = request.getUserPrincipal();
    if (principal != null) {
      attributes.put(EngineWebSocketEndpoint.ATTRIBUTE_PRINCIPAL, principal);
    }
    Object httpSession = request.getHttpSession();
    if (httpSession != null) {
      attributes.put(EngineWebSocketEndpoint.ATTRIBUTE_HTTP_SESSION, httpSession);
    }
    return new EngineRequest("GET", url, request.getParameterMap(), request.getHeaders(),
        remoteAddress == null ? "" : remoteAddress, secure, attributes);
  }

  /** A copy with another remote address. */
  static EngineRequest withRemoteAddress(EngineRequest r, String remoteAddress) {
    return new EngineRequest(r.method(), r.url(), r.query(), r.headers(), remoteAddress, r.secure(), r.attributes());
  }

  static String hostOf(Object address) {
    if (address instanceof InetSocketAddress isa) {
      return isa.getAddress() != null ? isa.getAddress().getHostAddress() : isa.getHostString();
    }
    return address == null ? null : address.toString();
  }
}
