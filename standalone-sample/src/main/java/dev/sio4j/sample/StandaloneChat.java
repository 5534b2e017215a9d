package dev.sio4j.sample;

import dev.sio4j.standalone.StandaloneServer;
import java.util.concurrent.CountDownLatch;

/**
 * The sample chat without a container: {@link ChatEndpoint} and the WAR's page on sio4j's standalone runtime.
 *
 * <pre>
 * java -jar standalone-sample/target/sio4j-chat.jar [--host 127.0.0.1] [--port 8080]
 * </pre>
 *
 * Prints {@code listening on http://HOST:PORT/} once ready (port 0: a free one); stops on SIGTERM / Ctrl-C, closing
 * every session first.
 */
public final class StandaloneChat {

  private StandaloneChat() {}

  /** Starts the chat; see the class Javadoc for the arguments. */
  public static StandaloneServer start(String host, int port) {
    return StandaloneServer.builder()
        .host(host).port(port)
        .endpoints(ChatEndpoint.class)           // on a Socket.IO server with the defaults, at /socket.io/
        .otherRequests(PageFiles::new)           // the page; the browser client comes from sio4j-client-dist
        .start();
  }

  /** Entry point. */
  public static void main(String[] args) throws InterruptedException {
    String host = "127.0.0.1";
    int port = 8080;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--host" -> host = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("usage: [--host H] [--port P]");
      }
    }
    StandaloneServer server = start(host, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }));
    System.out.println("listening on http://" + host + ":" + server.port() + "/");
    System.out.flush();
    stopped.await();
  }
}
