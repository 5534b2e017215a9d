package dev.sio4j.bench;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The server {@code bench/run.sh} measures.
 *
 * <pre>
 * java -jar bench/target/bench-server.jar --port P [--container jetty|tomcat|standalone] [--bare]
 * </pre>
 *
 * Serves {@link BenchApp} (sio4j, both transports) at {@code /socket.io/} on 127.0.0.1, or with {@code --bare} the
 * ceilings: {@link BareEchoServer} for WebSocket and {@link BarePollingServlet} for long-polling on a container,
 * {@link BareNettyServer} for both standalone. Prints exactly
 * {@code listening on http://127.0.0.1:P} once ready; stops on SIGTERM / Ctrl-C.
 */
public final class BenchServer {

  private BenchServer() {}

  /** Entry point; see the class Javadoc for the arguments. */
  public static void main(String[] args) throws Exception {
    int port = 3000;
    BenchContainer container = BenchContainer.JETTY;
    boolean bare = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(value(args, ++i));
        case "--container" -> container = BenchContainer.valueOf(value(args, ++i).toUpperCase(Locale.ROOT));
        case "--bare" -> bare = true;
        default -> usage();
      }
    }
    BenchApp app = bare ? null : new BenchApp();
    RunningServer server = container.serve("127.0.0.1", port, app);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        System.err.println("stop failed: " + e);
      }
      if (app != null) {
        app.close();
      }
      stopped.countDown();
    }));
    System.out.println("listening on http://127.0.0.1:" + server.port());
    System.out.flush();
    stopped.await();
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      usage();
    }
    return args[i];
  }

  private static void usage() {
    System.err.println("usage: --port P [--container jetty|tomcat|standalone] [--bare]");
    System.exit(2);
  }
}
