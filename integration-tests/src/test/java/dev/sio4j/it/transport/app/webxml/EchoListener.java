package dev.sio4j.it.transport.app.webxml;

import dev.sio4j.it.transport.app.Echo;
import dev.sio4j.servlet.SocketIoRegistration;
import dev.sio4j.socket.SocketIoServer;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * The application's own listener of the web.xml test application (declared in {@code web.xml} after
 * {@code SocketIoRegistrationListener}): takes the Socket.IO server from the context attribute and attaches
 * {@link Echo}.
 */
public final class EchoListener implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent sce) {
    Object io = sce.getServletContext().getAttribute(SocketIoRegistration.SOCKET_IO_ATTRIBUTE);
    if (!(io instanceof SocketIoServer server)) {
      throw new IllegalStateException("no SocketIoServer in " + SocketIoRegistration.SOCKET_IO_ATTRIBUTE + ": " + io);
    }
    Echo.install(server);
  }
}
