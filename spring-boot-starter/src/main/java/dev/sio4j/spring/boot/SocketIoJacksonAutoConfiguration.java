package dev.sio4j.spring.boot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sio4j.socket.parser.SocketParser;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Event data of the default parser through the application's {@link ObjectMapper} ({@link JacksonJsonBinding}) when
 * Jackson is on the class path and an {@code ObjectMapper} bean exists; JSON-B otherwise. Runs first among the
 * customizers, so one of the application's can still choose another parser (e.g. {@code SocketParser.json()} for
 * JSON-B).
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class, before = SocketIoAutoConfiguration.class)
@ConditionalOnClass({ObjectMapper.class, SocketParser.class})
@ConditionalOnBean(ObjectMapper.class)
public class SocketIoJacksonAutoConfiguration {

  /** Installs {@code SocketParser.json(new JacksonJsonBinding(mapper))}. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SocketIoOptionsCustomizer socketIoJacksonBinding(ObjectMapper mapper) {
    return (engine, socketIo) -> socketIo.parser(SocketParser.json(new JacksonJsonBinding(mapper)));
  }
}
