package dev.sio4j.spring.boot;

import dev.sio4j.engine.EngineOptions;
import dev.sio4j.socket.SocketIoOptions;

/**
 * Changes the options built from {@code sio4j.*} properties before the {@code SocketIoServer} bean is created: what
 * properties cannot say (an {@code allowRequest} hook, an executor, connection state recovery, an adapter factory).
 * Declare it as a bean; several run in {@code @Order}. Called once, on the thread that creates the server bean.
 *
 * <pre>{@code
 * @Bean
 * SocketIoOptionsCustomizer recovery() {
 *   return (engine, socketIo) -> socketIo.connectionStateRecovery(ConnectionStateRecovery.defaults());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface SocketIoOptionsCustomizer {

  /**
   * Changes the builders; {@code socketIo}'s engine options are replaced by {@code engine}'s after every customizer ran.
   */
  void customize(EngineOptions.Builder engine, SocketIoOptions.Builder socketIo);
}
