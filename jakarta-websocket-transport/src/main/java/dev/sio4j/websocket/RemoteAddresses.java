package dev.sio4j.websocket;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;

/**
 * Finds the peer's IP address of a WebSocket connection, which JSR-356 has no API for.
 *
 * <p>In order: (1) the session user property {@value #REMOTE_ADDRESS_PROPERTY} ({@code InetSocketAddress}), which
 * Tomcat and Jetty set; (2) the address the {@link Filter} below saw on the handshake's thread, which covers
 * containers that run the upgrade inside the servlet filter chain after it (the filter is registered by
 * {@link WebSocketTransportRegistrar}); (3) the empty string.
 *
 * <p>The filter only sets a thread-local for the duration of a request with an {@code Upgrade} header (the handshake);
 * it is removed before the filter returns. Other requests (polling) pass straight through.
 */
final class RemoteAddresses {

  /** The user property Tomcat and Jetty put on every WebSocket session. */
  static final String REMOTE_ADDRESS_PROPERTY = "jakarta.websocket.endpoint.remoteAddress";

  private static final ThreadLocal<String> HANDSHAKE_ADDRESS = new ThreadLocal<>();

  private RemoteAddresses() {}

  /** The address the filter recorded for the handshake running on this thread, or {@code null}. */
  static String ofCurrentHandshake() {
    return HANDSHAKE_ADDRESS.get();
  }

  /** The address from the session's user properties, or {@code fallback}. */
  static String of(Session session, String fallback) {
    Map<String, Object> props = session.getUserProperties();
    String fromContainer = HandshakeRequests.hostOf(props.get(REMOTE_ADDRESS_PROPERTY));
    if (fromContainer != null && !fromContainer.isEmpty()) {
      return fromContainer;
    }
    return fallback;
  }

  /** Records {@code ServletRequest.getRemoteAddr()} while a WebSocket handshake passes through. Thread safe. */
  static final class Recorder implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      if (request instanceof HttpServletRequest http && http.getHeader("Upgrade") == null) {
        // Not a WebSocket handshake (a polling request): nothing to record, skip the thread-local work.
        chain.doFilter(request, response);
        return;
      }
      HANDSHAKE_ADDRESS.set(request.getRemoteAddr());
      try {
        chain.doFilter(request, response);
      } finally {
        HANDSHAKE_ADDRESS.remove();
      }
    }
  }
}
