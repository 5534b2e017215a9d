package dev.sio4j.websocket;

import dev.sio4j.engine.EngineServer;
import dev.sio4j.servlet.EngineTransportRegistrar;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import java.lang.System.Logger.Level;
import java.util.EnumSet;

/**
 * Adds the WebSocket transport when the servlet module registers an engine (listed in
 * {@code META-INF/services/dev.sio4j.servlet.EngineTransportRegistrar}), so polling and WebSocket share one engine.
 * Uses the {@link ServerContainer} in the servlet-context attribute {@code jakarta.websocket.server.ServerContainer},
 * and puts the {@link RemoteAddresses.Recorder} filter in front of the path.
 *
 * <p>When the container is not there yet, the endpoint is added once the context is initialized: the initializer that
 * installs it may run after the one registering sio4j (Spring Boot's embedded Tomcat runs the application's
 * initializers before Tomcat's {@code WsSci}), and every initializer runs before the context listeners. Only a
 * context that still has no container then is served by polling alone (logged as a warning).
 */
public final class WebSocketTransportRegistrar implements EngineTransportRegistrar {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.websocket");

  /** For {@link java.util.ServiceLoader}. */
  public WebSocketTransportRegistrar() {}

  @Override
  public boolean register(ServletContext context, EngineServer engine) {
    ServerContainer container = serverContainer(context);
    if (container == null && !registerWhenInitialized(context, engine)) {
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
    if (container != null) {
      addEndpoint(container, engine);
    }
    return true;
  }

  /**
   * Defers the endpoint to {@code contextInitialized}; {@code false} when listeners can no longer be added (called
   * from a listener, not an initializer), i.e. the container will not come.
   */
  private static boolean registerWhenInitialized(ServletContext context, EngineServer engine) {
    try {
      context.addListener(new ServletContextListener() {
        @Override
        public void contextInitialized(ServletContextEvent sce) {
          ServerContainer container = serverContainer(sce.getServletContext());
          if (container == null) {
            LOG.log(Level.WARNING, "sio4j: no JSR-356 ServerContainer in " + context.getContextPath()
                + "; clients will use polling only");
          } else {
            addEndpoint(container, engine);
          }
        }
      });
      return true;
    } catch (IllegalStateException | IllegalArgumentException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static ServerContainer serverContainer(ServletContext context) {
    return context.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer c ? c : null;
  }

  private static void addEndpoint(ServerContainer container, EngineServer engine) {
    try {
      EngineWebSocketEndpoint.register(container, engine);
    } catch (DeploymentException e) {
      throw new IllegalStateException("cannot add the WebSocket endpoint at " + engine.options().path(), e);
    }
  }
}
