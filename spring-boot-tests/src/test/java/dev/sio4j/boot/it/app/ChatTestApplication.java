package dev.sio4j.boot.it.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application under test: a plain Boot web application with sio4j's starter on the class path, one endpoint bean
 * ({@link ChatEndpoint}) with an injected service, and a service using the {@code SocketIoServer} bean.
 */
@SpringBootApplication
public class ChatTestApplication {

  public static void main(String[] args) {
    SpringApplication.run(ChatTestApplication.class, args);
  }
}
