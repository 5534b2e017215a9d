package dev.sio4j.it.transport;

import dev.sio4j.it.Container;
import dev.sio4j.it.EmbeddedServer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link TransportApp} servers of this package: one per container, started on a free port on first use and stopped
 * when the test JVM exits (dedicated, so blocking their timer threads disturbs no other test).
 */
final class TransportServers {

  record Running(EmbeddedServer server, TransportApp app) {
    String baseUrl() {
      return server.baseUrl();
    }
  }

  private static final Map<Container, Running> RUNNING = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.values().forEach(r -> {
      r.app.close();
      try {
        r.server.close();
      } catch (Exception e) {
        // stopping anyway
      }
    })));
  }

  private TransportServers() {}

  static Running of(Container container) {
    return RUNNING.computeIfAbsent(container, c -> {
      TransportApp app = new TransportApp();
      try {
        return new Running(c.start("127.0.0.1", 0, app::install), app);
      } catch (Exception e) {
        throw new IllegalStateException("cannot start " + c, e);
      }
    });
  }
}
