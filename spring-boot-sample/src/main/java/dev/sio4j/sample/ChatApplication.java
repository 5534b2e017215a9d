package dev.sio4j.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample chat as a Spring Boot application: the WAR sample's {@link ChatEndpoint} (found by the starter, a bean)
 * and page ({@code static/index.html}), with sio4j on the embedded Tomcat at {@code /socket.io/}.
 */
@SpringBootApplication
public class ChatApplication {

  public static void main(String[] args) {
    SpringApplication.run(ChatApplication.class, args);
  }
}
