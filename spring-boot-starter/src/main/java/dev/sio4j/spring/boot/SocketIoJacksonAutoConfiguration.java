package dev.sio4j.spring.boot;

import dev.sio4j.socket.parser.SocketParser;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Event data of the default parser through the application's {@code ObjectMapper} ({@link JacksonJsonBinding} for
 * Jackson 2, {@link Jackson3JsonBinding} for Jackson 3) when one is on the class path and its {@code ObjectMapper} bean
 * exists; JSON-B otherwise. Runs first among the
 * customizers, so one of the application's can still choose another parser (e.g. {@code SocketParser.json()} for
 * JSON-B).
 */
// By name: Boot 4 moved JacksonAutoConfiguration (and binds Jackson 3 there).
@AutoConfiguration(afterName = {"org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration",
    "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"}, before = SocketIoAutoConfiguration.class)
@ConditionalOnClass(SocketParser.class)
public class SocketIoJacksonAutoConfiguration {

  /** Jackson 2 (Spring Boot 3): installs {@code SocketParser.json(new JacksonJsonBinding(mapper))}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "com.fasterxml.jackson.databind.ObjectMapper")
  @ConditionalOnBean(type = "com.fasterxml.jackson.databind.ObjectMapper")
  static class Jackson2 {
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SocketIoOptionsCustomizer socketIoJacksonBinding(com.fasterxml.jackson.databind.ObjectMapper mapper) {
      return (engine, socketIo) -> socketIo.parser(SocketParser.json(new JacksonJsonBinding(mapper)));
    }
  }

  /** Jackson 3 (Spring Boot 4): installs {@code SocketParser.json(new Jackson3JsonBinding(mapper))}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "tools.jackson.databind.ObjectMapper")
  @ConditionalOnBean(type = "tools.jackson.databind.ObjectMapper")
  static class Jackson3 {
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SocketIoOptionsCustomizer socketIoJackson3Binding(tools.jackson.databind.ObjectMapper mapper) {
      return (engine, socketIo) -> socketIo.parser(SocketParser.json(new Jackson3JsonBinding(mapper)));
    }
  }
}
