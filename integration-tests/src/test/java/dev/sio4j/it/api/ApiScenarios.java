package dev.sio4j.it.api;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sio4j.it.Container;
import dev.sio4j.it.NodeScript;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs an {@code src/test/js/api-*.mjs} script (the official {@code socket.io-client} under Node) against the
 * {@link ApiApp} of a container, once per script, container and transport, and hands each test its scenario's JSON
 * result. A script runs all its scenarios one after the other and prints one line {@code RESULT {"name": result...}};
 * a scenario that threw has {@code {"scenarioFailed": message}}. Output goes to {@code target/it-output/<script>-....log}.
 */
final class ApiScenarios {

  private static final Map<List<Object>, JsonObject> RESULTS = new ConcurrentHashMap<>();

  /** The {@code @MethodSource} of the scenario tests: the containers and transports each runs on. */
  static final String TARGETS = "dev.sio4j.it.api.ApiScenarios#targets";

  private ApiScenarios() {}

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> targets() {
    return java.util.stream.Stream.of(
        org.junit.jupiter.params.provider.Arguments.of(Container.JETTY, "websocket"),
        org.junit.jupiter.params.provider.Arguments.of(Container.JETTY, "polling"),
        org.junit.jupiter.params.provider.Arguments.of(Container.TOMCAT, "websocket"),
        org.junit.jupiter.params.provider.Arguments.of(Container.STANDALONE, "websocket"),
        org.junit.jupiter.params.provider.Arguments.of(Container.STANDALONE, "polling"));
  }

  /** The result of one scenario of {@code script} on {@code container} over {@code transport}. */
  static JsonObject result(String script, Container container, String transport, String scenario) {
    return result(script, container, transport, "json", scenario);
  }

  /**
   * The result of one scenario of {@code script} with the client's {@code parser} ({@code json}, or {@code msgpack}:
   * socket.io-msgpack-parser against the ApiApp servers that use the msgpack parser).
   */
  static JsonObject result(String script, Container container, String transport, String parser, String scenario) {
    JsonObject all = RESULTS.computeIfAbsent(List.of(script, container, transport, parser), k -> run(script, container,
        transport, parser));
    JsonObject r = all.getJsonObject(scenario);
    assertNotNull(r, () -> "no result for scenario " + scenario + " in " + all);
    if (r.containsKey("scenarioFailed")) {
      fail(scenario + " failed in " + script + " (" + container + ", " + transport + "): "
          + r.getString("scenarioFailed"));
    }
    return r;
  }

  private static JsonObject run(String script, Container container, String transport, String parser) {
    try {
      String out = NodeScript.run(Duration.ofSeconds(90), script + "-" + container + "-" + transport + "-" + parser,
          script, ApiServers.baseUrl(container), transport, parser);
      String line = out.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
          .orElseThrow(() -> new AssertionError("no RESULT line from " + script + ":\n" + out));
      try (JsonReader reader = Json.createReader(new StringReader(line.substring("RESULT ".length())))) {
        return reader.readObject();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
