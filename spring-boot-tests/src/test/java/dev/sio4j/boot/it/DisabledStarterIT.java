package dev.sio4j.boot.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.boot.it.app.SecurityConfig;
import dev.sio4j.socket.SocketIoServer;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/** {@code sio4j.enabled=false}: the application starts as if the starter were absent. */
@SpringBootTest(classes = DisabledStarterIT.PlainApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "sio4j.enabled=false")
class DisabledStarterIT {

  /** A Boot application with the starter on its class path and nothing of its own but open security. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(SecurityConfig.class)
  static class PlainApplication {}

  @Value("${local.server.port}")
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  ServletContext servletContext;

  @Test
  void noServerNoEndpointNoTransport() throws Exception {
    StarterIT.assertContainer(servletContext);
    assertTrue(context.getBeansOfType(SocketIoServer.class).isEmpty(), "no SocketIoServer bean");
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=polling")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(404, response.statusCode(), response.body());
  }
}
