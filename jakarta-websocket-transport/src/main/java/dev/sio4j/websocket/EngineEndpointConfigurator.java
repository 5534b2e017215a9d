package dev.sio4j.websocket;

import dev.sio4j.engine.CorsOptions;
import dev.sio4j.engine.EngineRequest;
import dev.sio4j.engine.EngineServer;
import dev.sio4j.engine.transport.HttpResponse;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/**
 * Handshake hooks for {@link EngineWebSocketEndpoint}: the Origin check, the engine's handshake check, capture of the
 * handshake request, extension negotiation and endpoint creation (one endpoint per connection).
 *
 * <p>Thread safe: called concurrently for concurrent handshakes; per-connection data goes into the per-session copy of
 * the endpoint config's user properties (Tomcat and Jetty copy the config for each handshake).
 */
final class EngineEndpointConfigurator extends ServerEndpointConfig.Configurator {

  static final String PERMESSAGE_DEFLATE = "permessage-deflate";

  private final EngineServer engine;

  EngineEndpointConfigurator(EngineServer engine) {
    this.engine = engine;
  }

  /** Refuses (403, before the upgrade) an Origin the engine's CORS policy does not list: no cross-site hijacking. */
  @Override
  public boolean checkOrigin(String originHeaderValue) {
    CorsOptions cors = engine.options().cors();
    return cors == null || cors.allows(originHeaderValue);
  }

  /**
   * Captures the request and asks the engine whether it accepts it. JSR-356 cannot answer anything but 101 here, so a
   * rejection is stored and {@link EngineWebSocketEndpoint} closes the connection right after it opens.
   */
  @Override
  public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
    EngineRequest engineRequest = HandshakeRequests.from(request, RemoteAddresses.ofCurrentHandshake());
    sec.getUserProperties().put(EngineWebSocketEndpoint.REQUEST_PROPERTY, engineRequest);
    HttpResponse rejection;
    try {
      rejection = engine.checkWebSocketHandshake(engineRequest);
    } catch (RuntimeException e) {
      System.getLogger("dev.sio4j.websocket").log(System.Logger.Level.ERROR, "handshake check failed", e);
      rejection = HttpResponse.text(500, "application/json", "{\"code\":-1,\"message\":\"Internal error\"}",
          java.util.Map.of());
    }
    if (rejection != null) {
      sec.getUserProperties().put(EngineWebSocketEndpoint.REJECTION_PROPERTY, rejection);
    }
  }

  /**
   * Per-message deflate is what the container offers when {@code perMessageDeflate} is on (its own threshold and
   * window settings; JSR-356 has no API for them), and removed from the negotiation when off (the default, as Node).
   */
  @Override
  public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
    List<Extension> negotiated = super.getNegotiatedExtensions(installed, requested);
    if (engine.options().perMessageDeflate()) {
      return negotiated;
    }
    return negotiated.stream().filter(e -> !PERMESSAGE_DEFLATE.equals(e.getName())).toList();
  }

  @Override
  public <T> T getEndpointInstance(Class<T> endpointClass) {
    return endpointClass.cast(new EngineWebSocketEndpoint(engine));
  }
}
