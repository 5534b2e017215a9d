package dev.sio4j.servlet;

import dev.sio4j.annotation.SocketIoEndpoint;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HandlesTypes;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;

/**
 * Automatic registration: a WAR that contains the sio4j jars serves Socket.IO at {@code /socket.io/} without any
 * {@code web.xml} entry. Listed in {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}.
 *
 * <p>At deployment it reads the {@code sio4j.*} context init-params (see {@link InitParams}; {@code sio4j.enabled=false}
 * turns it off), gets or creates the application's {@code SocketIoServer} (attribute
 * {@value SocketIoRegistration#SOCKET_IO_ATTRIBUTE}; its engine under {@value SocketIoRegistration#ENGINE_ATTRIBUTE})
 * and registers its transports with {@link SocketIoRegistration#register(ServletContext, dev.sio4j.socket.SocketIoServer)}. The application attaches its handlers in a
 * {@code ServletContextListener}, which runs after this initializer.
 *
 * <p>It also registers the application's {@link SocketIoEndpoint} classes: those the container found for
 * {@code @HandlesTypes} and those named by the context-param {@code sio4j.endpoints} (see {@link SocketIoEndpoints}).
 * An invalid endpoint class fails the deployment.
 */
@HandlesTypes(SocketIoEndpoint.class)
public final class SocketIoServletContainerInitializer implements ServletContainerInitializer {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.servlet");

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    List<Class<?>> endpoints = SocketIoEndpoints.discovered(context, classes);
    InitParams params = new InitParams(context::getInitParameter);
    if (!params.enabled()) {
      LOG.log(Level.INFO, () -> "sio4j: automatic registration off (" + InitParams.ENABLED + "=false) in "
          + SocketIoRegistration.contextName(context));
      return;
    }
    SocketIoRegistration.register(context, SocketIoRegistration.getOrCreate(context));
    SocketIoEndpoints.registerConfigured(context, endpoints, params);
  }
}
