package dev.sio4j.spring.boot;

import dev.sio4j.engine.EngineOptions;
import dev.sio4j.servlet.SocketIoRegistration;
import dev.sio4j.socket.SocketIoOptions;
import dev.sio4j.socket.SocketIoServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;

/**
 * Socket.IO on the embedded servlet container of a Spring Boot 3.5 or 4.0 application: polling and WebSocket at
 * {@code sio4j.path} ({@code /socket.io/}) below the application's context path, on its own port. Every bean can be
 * replaced by one of the application's own ({@code @ConditionalOnMissingBean}); {@code sio4j.enabled=false} turns the
 * whole configuration off.
 *
 * <ul>
 *   <li>{@link SocketIoOptions} from {@link Sio4jProperties}, changed by every {@link SocketIoOptionsCustomizer} bean;
 *   <li>{@link SocketIoServer}, for the programmatic API ({@code io.to(room).emit(...)} from a {@code @Service});
 *       closed before the web server stops ({@link SocketIoServerLifecycle}), so clients get a disconnect;
 *   <li>the registration on the servlet context ({@link SocketIoServletInitializer}): transports and the
 *       {@code @SocketIoEndpoint} beans.
 * </ul>
 *
 * <p>Metrics hook: sio4j has no metrics of its own yet (the observability issue). A Micrometer binder belongs in its
 * own {@code @AutoConfiguration} next to this one, {@code @ConditionalOnClass(MeterRegistry.class)}, taking the
 * {@link SocketIoServer} bean (gauges on live objects) and, for counters on the hot path, contributing to the options
 * through a {@link SocketIoOptionsCustomizer} bean; nothing here needs to change for it.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SocketIoServer.class, SocketIoRegistration.class})
@ConditionalOnProperty(prefix = "sio4j", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(Sio4jProperties.class)
public class SocketIoAutoConfiguration {

  /** Registers the {@code @SocketIoEndpoint} classes of the application's packages as beans. */
  @Bean
  static SocketIoEndpointScanner socketIoEndpointScanner(org.springframework.beans.factory.BeanFactory beanFactory) {
    return new SocketIoEndpointScanner(beanFactory);
  }

  /** The options of {@code sio4j.*}, then of the customizers in order. */
  @Bean
  @ConditionalOnMissingBean
  public SocketIoOptions socketIoOptions(Sio4jProperties properties,
      ObjectProvider<SocketIoOptionsCustomizer> customizers) {
    EngineOptions.Builder engine = PropertiesOptions.engine(properties).toBuilder();
    SocketIoOptions.Builder socketIo = PropertiesOptions.socketIo(properties);
    customizers.orderedStream().forEach(c -> c.customize(engine, socketIo));
    return socketIo.engine(engine.build()).build();
  }

  /** The application's Socket.IO server; {@code close()} runs when the context closes (idempotent). */
  @Bean
  @ConditionalOnMissingBean
  public SocketIoServer socketIoServer(SocketIoOptions options) {
    return new SocketIoServer(options);
  }

  /** Closes the server before the web server shuts down (graceful or not). */
  @Bean
  public SocketIoServerLifecycle socketIoServerLifecycle(SocketIoServer io) {
    return new SocketIoServerLifecycle(io);
  }

  /** Registers the server and the endpoint beans on the embedded container. */
  @Bean
  public ServletContextInitializer socketIoServletInitializer(SocketIoServer io, Sio4jProperties properties,
      ConfigurableListableBeanFactory beans) {
    return new SocketIoServletInitializer(io, properties, beans);
  }
}
