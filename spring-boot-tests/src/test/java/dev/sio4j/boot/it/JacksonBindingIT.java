package dev.sio4j.boot.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.boot.it.app.ChatTestApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The starter binds event data with the application's Jackson {@code ObjectMapper}: the official JS client sends and
 * gets back a record whose fields are renamed by {@code @JsonProperty} ({@code ProfileEndpoint}), on every transport.
 */
@SpringBootTest(classes = ChatTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JacksonBindingIT {

  @Value("${local.server.port}")
  int port;

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void annotatedEndpointReadsAndAcksJsonPropertyNames(String mode) throws Exception {
    String out = NodeClient.run("jackson-" + Containers.expected() + "-" + mode, "boot-json.mjs",
        "http://127.0.0.1:" + port, "/socket.io/", mode);
    assertTrue(out.contains("OK " + mode), out);
  }
}
