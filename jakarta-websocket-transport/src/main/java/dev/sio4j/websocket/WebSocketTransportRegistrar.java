package dev.sio4j.websocket;

import dev.sio4j.engine.EngineServer;
import dev.sio4j.servlet.EngineTransportRegistrar;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import java.lang.System.Logger.Level;
import java.util.EnumSet;

/**
 * Adds the WebSocket transport when the servlet module registers an engine (listed in
 * {@code META-INF/services/dev.sio4j.servlet.EngineTransportRegistrar}), so polling and WebSocket share one engine.
 * Uses the {@link ServerContainer} in the servlet-context attribute {@code jakarta.websocket.server.ServerContainer},
 * and puts the {@link RemoteAddresses.Recorder} filter in front of the path.
 */
public final class WebSocketTransportRegistrar implements EngineTransportRegistrar {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.websocket");

  /** For {@link java.util.ServiceLoader}. */
  public WebSocketTransportRegistrar() {}

  @Override
  public boolean register(ServletContext context, EngineServer engine) {
    Object container = context.getAttribute(ServerContainer.class.getName());
    if (!(container instanceof ServerContainer serverContainer)) {
      return false;
    }
    String path = engine.options().path();
    try {
      FilterRegistration.Dynamic filter = context.addFilter("sio4j-remote-address " + path,
          new RemoteAddresses.Recorder());
      if (filter != null) {
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, path + "*");
      }
    } catch (IllegalStateException | UnsupportedOperationException e) {
      LOG.log(Level.DEBUG, () -> "cannot add the remote-address filter: " + e);
    }
    try {
      EngineWebSocketEndpoint.register(serverContainer, engine);
      return true;
    } catch (DeploymentException e) {
      throw new IllegalStateException("cannot add the WebSocket endpoint at " + path, e);
    }
  }
}
