package bench;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * netty-socketio 2.0.13, the same app as {@code bench/node/server.js} and sio4j's BenchApp: event {@code echo}
 * acknowledges with its own arguments; event {@code bcast} with {@code {"n":N,"size":S}} emits {@code tick} with a
 * string of S {@code x} N times to every client.
 * {@code java -jar netty-socketio-server.jar --port P} prints {@code listening on http://127.0.0.1:P} when ready.
 */
public final class NettySocketIoServer {

  public static void main(String[] args) throws InterruptedException {
    int port = 3000;
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--port")) {
        port = Integer.parseInt(args[i + 1]);
      }
    }
    Configuration config = new Configuration();
    config.setHostname("127.0.0.1");
    config.setPort(port);
    config.setOrigin("*");
    SocketIOServer io = new SocketIOServer(config);
    io.addEventListener("echo", Object.class, (client, data, ack) -> {
      if (ack.isAckRequested()) {
        ack.sendAckData(data);
      }
    });
    io.addEventListener("bcast", Map.class, (client, spec, ack) -> {
      int n = ((Number) spec.get("n")).intValue();
      String payload = "x".repeat(((Number) spec.get("size")).intValue());
      for (int i = 0; i < n; i++) {
        io.getBroadcastOperations().sendEvent("tick", payload);
      }
    });
    io.start();
    System.out.println("listening on http://127.0.0.1:" + port);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> { io.stop(); stop.countDown(); }));
    stop.await();
  }
}
