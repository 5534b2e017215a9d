package dev.sio4j.it.api;

import dev.sio4j.it.Container;
import dev.sio4j.it.EmbeddedServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link ApiApp} per embedded container, started on a free port on first use and stopped when the test JVM exits,
 * so every API test class shares it.
 */
final class ApiServers {

  private record Running(EmbeddedServer server, ApiApp app) {}

  private static final Map<Container, Running> RUNNING = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.values().forEach(r -> {
      try {
        r.server.close();
      } catch (Exception e) {
        // stopping anyway
      }
      r.app.close();
    })));
  }

  private ApiServers() {}

  /** The base URL ({@code http://127.0.0.1:port}) of the API server on this container. */
  static String baseUrl(Container container) {
    return running(container).server.baseUrl();
  }

  /** The app running on this container. */
  static ApiApp app(Container container) {
    return running(container).app;
  }

  private static Running running(Container container) {
    return RUNNING.computeIfAbsent(container, c -> {
      ApiApp app = new ApiApp();
      try {
        return new Running(c.start("127.0.0.1", 0, app::install), app);
      } catch (Exception e) {
        throw new IllegalStateException("cannot start " + c, e);
      }
    });
  }
}
