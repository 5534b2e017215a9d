package dev.sio4j.servlet;

import dev.sio4j.engine.EngineServer;
import jakarta.servlet.ServletContext;

/**
 * Service-provider interface for transports other than polling (the JSR-356 WebSocket module implements it).
 *
 * <p>{@link SocketIoRegistration} finds implementations with {@link java.util.ServiceLoader} on the web application's
 * class loader ({@code META-INF/services/dev.sio4j.servlet.EngineTransportRegistrar}) and calls each once per
 * registered engine, so every transport feeds the same {@link EngineServer} while this module has no compile
 * dependency on them. Called during deployment (from a {@code ServletContainerInitializer} or a
 * {@code ServletContextListener}), on the deploying thread.
 */
public interface EngineTransportRegistrar {

  /**
   * Registers this transport for {@code engine} at {@code engine.options().path()} in {@code context}.
   *
   * @return {@code true} if registered; {@code false} if this container cannot carry the transport (e.g. no
   *     WebSocket support), which is logged and tolerated
   */
  boolean register(ServletContext context, EngineServer engine);
}
