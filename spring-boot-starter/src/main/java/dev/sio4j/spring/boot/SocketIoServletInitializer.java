package dev.sio4j.spring.boot;

import dev.sio4j.annotation.SocketIoEndpoint;
import dev.sio4j.servlet.SocketIoEndpoints;
import dev.sio4j.servlet.SocketIoRegistration;
import dev.sio4j.socket.SocketIoServer;
import jakarta.servlet.ServletContext;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.util.ClassUtils;

/**
 * Puts the {@code SocketIoServer} bean onto the embedded container's servlet context, as sio4j's own
 * {@code ServletContainerInitializer} does in a WAR (Boot's embedded containers do not run initializers found in jars):
 * the transports through {@link SocketIoRegistration}, and the {@code @SocketIoEndpoint} beans through
 * {@link SocketIoEndpoints} with {@link SpringEndpointFactory}.
 *
 * <p>Boot installs the JSR-356 {@code ServerContainer} itself (Boot 3: {@code WebSocketServletAutoConfiguration};
 * Boot 4: the WebSocket configurations of {@code spring-boot-tomcat} and {@code spring-boot-jetty}), through a
 * container initializer that on Tomcat runs after this one. The WebSocket endpoint is therefore added once the context
 * is initialized (see {@code WebSocketTransportRegistrar}), when the container exists on Tomcat and Jetty alike.
 *
 * <p>Called by Boot once, on the thread starting the embedded server, before any request.
 */
final class SocketIoServletInitializer implements ServletContextInitializer {

  private final SocketIoServer io;
  private final Sio4jProperties properties;
  private final ConfigurableListableBeanFactory beans;

  SocketIoServletInitializer(SocketIoServer io, Sio4jProperties properties, ConfigurableListableBeanFactory beans) {
    this.io = io;
    this.properties = properties;
    this.beans = beans;
  }

  @Override
  public void onStartup(ServletContext context) {
    SocketIoRegistration.register(context, io);
    context.setAttribute(SocketIoEndpoints.INSTANCE_FACTORY_ATTRIBUTE, new SpringEndpointFactory(beans));
    Set<Class<?>> endpoints = new LinkedHashSet<>();
    if (properties.endpoints().scan()) {
      for (String name : beans.getBeanNamesForAnnotation(SocketIoEndpoint.class)) {
        Class<?> type = beans.getType(name, false);
        if (type != null) {
          endpoints.add(ClassUtils.getUserClass(type));
        }
      }
    }
    if (properties.endpoints().classes() != null) {
      endpoints.addAll(properties.endpoints().classes());
    }
    if (!endpoints.isEmpty()) {
      SocketIoEndpoints.register(context, endpoints);
    }
  }
}
