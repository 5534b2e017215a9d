package dev.sio4j.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * In-process servers shared by the integration tests: one per container and app (kind and settings), started on a
 * free port on first use and stopped when the test JVM exits (the app first, so it can let go of anything it holds,
 * then the container). Here also the conformance servers, one per container and timing. Thread safe.
 */
public final class Servers {

  /** A started container and the app it serves. */
  public record Running<A>(EmbeddedServer server, A app) {
    /** {@code http://127.0.0.1:port}. */
    public String baseUrl() {
      return server.baseUrl();
    }
  }

  private record Started(Running<?> running, Runnable closeApp) {}

  private static final Map<List<Object>, Started> RUNNING = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.values().forEach(s -> {
      s.closeApp.run();
      try {
        s.running.server().close();
      } catch (Exception e) {
        // stopping anyway
      }
    })));
  }

  private Servers() {}

  /**
   * The server of the app {@code appKey} on {@code container}; on first use a new app ({@code newApp}) is installed
   * into the container's root context during deployment, or on the standalone server ({@code install}) and closed at exit ({@code close}).
   * {@code appKey} tells the apps apart, so one key always comes with the same kind of app.
   */
  @SuppressWarnings("unchecked")
  public static <A> Running<A> of(Container container, Object appKey, Supplier<A> newApp,
      BiConsumer<A, Mount> install, Consumer<A> close) {
    return (Running<A>) RUNNING.computeIfAbsent(List.of(container, appKey), k -> {
      A app = newApp.get();
      try {
        EmbeddedServer server = container.serve("127.0.0.1", 0, mount -> install.accept(app, mount));
        return new Started(new Running<>(server, app), () -> close.accept(app));
      } catch (Exception e) {
        throw new IllegalStateException("cannot start " + container, e);
      }
    }).running;
  }

  /** The app of the conformance server for this container and timing (started if needed). */
  static ConformanceApp app(Container container, ConformanceApp.Timing timing) {
    return conformance(container, timing).app();
  }

  /** The base URL ({@code http://127.0.0.1:port}) of the conformance server for this container and timing. */
  static String baseUrl(Container container, ConformanceApp.Timing timing) {
    return conformance(container, timing).baseUrl();
  }

  private static Running<ConformanceApp> conformance(Container container, ConformanceApp.Timing timing) {
    return of(container, timing, () -> new ConformanceApp(timing), ConformanceApp::install, ConformanceApp::close);
  }
}
