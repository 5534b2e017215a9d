package dev.sio4j.it;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process conformance servers shared by the integration tests: one per container and timing, started on a free
 * port on first use and stopped when the test JVM exits.
 */
final class Servers {

  private record Key(Container container, ConformanceApp.Timing timing) {}

  private record Running(EmbeddedServer server, ConformanceApp app) {}

  private static final Map<Key, Running> RUNNING = new ConcurrentHashMap<>();

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

  private Servers() {}

  /** The app of the server for this container and timing (started if needed). */
  static ConformanceApp app(Container container, ConformanceApp.Timing timing) {
    baseUrl(container, timing);
    return RUNNING.get(new Key(container, timing)).app;
  }

  /** The base URL ({@code http://127.0.0.1:port}) of the server for this container and timing. */
  static String baseUrl(Container container, ConformanceApp.Timing timing) {
    return RUNNING.computeIfAbsent(new Key(container, timing), k -> {
      ConformanceApp app = new ConformanceApp(timing);
      try {
        return new Running(container.start("127.0.0.1", 0, app::install), app);
      } catch (Exception e) {
        throw new IllegalStateException("cannot start " + container, e);
      }
    }).server.baseUrl();
  }
}
