package dev.sio4j.it.transport.app.webxml;

import dev.sio4j.servlet.SocketIoRegistration;
import dev.sio4j.socket.SocketIoServer;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Declared in {@code web.xml} before {@code SocketIoRegistrationListener}: puts a Socket.IO server into the context
 * attribute, so the registration listener finds one instead of creating it (which, from a listener, fails on Jetty and
 * Tomcat: see {@code RegistrationWaysIT}). The registration listener closes it on undeploy.
 */
public final class PresetServerListener implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent sce) {
    sce.getServletContext().setAttribute(SocketIoRegistration.SOCKET_IO_ATTRIBUTE, new SocketIoServer());
  }
}
