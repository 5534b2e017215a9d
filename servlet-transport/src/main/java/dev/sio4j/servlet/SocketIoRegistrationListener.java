package dev.sio4j.servlet;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * The {@code web.xml} way: does what {@link SocketIoServletContainerInitializer} does, for deployments where library
 * initializers do not run. Declare it before the application's own listeners:
 *
 * <pre>{@code
 * <context-param><param-name>sio4j.pingInterval</param-name><param-value>10000</param-value></context-param>
 * <listener><listener-class>dev.sio4j.servlet.SocketIoRegistrationListener</listener-class></listener>
 * }</pre>
 *
 * <p>Registers the endpoint classes named by {@code sio4j.endpoints} and those the initializer found if it ran (see
 * {@link SocketIoEndpoints}). Harmless if the
 * initializer already registered the same server and endpoints (idempotent). Ignores {@code sio4j.enabled}:
 * declaring it is the opt-in.
 */
public final class SocketIoRegistrationListener implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent sce) {
    SocketIoRegistration.register(sce.getServletContext(), SocketIoRegistration.getOrCreate(sce.getServletContext()));
    // The classes the initializer found, if it ran (e.g. with sio4j.enabled=false), and those of sio4j.endpoints.
    SocketIoEndpoints.registerConfigured(sce.getServletContext(), SocketIoEndpoints.discovered(sce.getServletContext()),
        new InitParams(sce.getServletContext()::getInitParameter));
  }

  /**
   * Closes the context's server and the adapter factory made with it (listeners cannot add listeners, so the
   * initializer's closer is absent here).
   */
  @Override
  public void contextDestroyed(ServletContextEvent sce) {
    if (sce.getServletContext().getAttribute(SocketIoRegistration.CLOSE_ATTRIBUTE) instanceof Runnable close) {
      close.run();
    } else if (sce.getServletContext().getAttribute(SocketIoRegistration.SOCKET_IO_ATTRIBUTE)
        instanceof dev.sio4j.socket.SocketIoServer io) {
      io.close();
    }
  }
}
