package dev.sio4j.it;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link ConformanceApp} on an embedded container for external test suites.
 *
 * <pre>
 * java -jar integration-tests/target/conformance-server.jar --port 3000 [--container jetty|tomcat|standalone]
 * </pre>
 *
 * Binds 127.0.0.1 and prints exactly one line, {@code listening on http://127.0.0.1:<port>}, once ready. Stops on
 * SIGTERM / Ctrl-C.
 */
public final class ConformanceServer {

  private ConformanceServer() {}

  /** Entry point; see the class Javadoc for the arguments. */
  public static void main(String[] args) throws Exception {
    int port = 3000;
    Container container = Container.JETTY;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
        case "--container" -> container = Container.valueOf(value(args, ++i, "--container").toUpperCase(Locale.ROOT));
        default -> {
          System.err.println("usage: --port P [--container jetty|tomcat|standalone]");
          System.exit(2);
        }
      }
    }
    ConformanceApp app = new ConformanceApp(ConformanceApp.Timing.SUITE);
    EmbeddedServer server = container.serve("127.0.0.1", port, app::install);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        e.printStackTrace();
      }
      app.close();
      stopped.countDown();
    }));
    System.out.println("listening on " + server.baseUrl());
    System.out.flush();
    stopped.await();
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i];
  }
}
