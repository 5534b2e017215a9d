package dev.sio4j.it.transport.app.webxml;

import dev.sio4j.servlet.SocketIoRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Declared first in {@code web.xml}: listeners run after every initializer, so a Socket.IO server already in the
 * context here means the sio4j initializer ran. Records the answer (a {@link Boolean}) in {@link #ATTRIBUTE} for the
 * test to read.
 */
public final class InitializerProbe implements ServletContextListener {

  /** Context attribute: whether the initializer had registered a server before the web.xml listeners ran. */
  public static final String ATTRIBUTE = "dev.sio4j.it.transport.initializerRan";

  @Override
  public void contextInitialized(ServletContextEvent sce) {
    sce.getServletContext().setAttribute(ATTRIBUTE,
        sce.getServletContext().getAttribute(SocketIoRegistration.SOCKET_IO_ATTRIBUTE) != null);
  }
}
