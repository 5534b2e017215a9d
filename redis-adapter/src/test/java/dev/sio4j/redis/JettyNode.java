package dev.sio4j.redis;

import dev.sio4j.servlet.SocketIoRegistration;
import dev.sio4j.socket.SocketIoOptions;
import dev.sio4j.socket.SocketIoServer;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Java server node: embedded Jetty 12 (ee10) on a free port of 127.0.0.1 with the polling servlet and the
 * JSR-356 WebSocket endpoint, a {@link SocketIoServer} with the Redis adapter. A client passing
 * {@code {"room":…,"name":…}} as auth joins that room, gets the name into {@code socket.data}, then receives
 * {@code welcome}.
 */
final class JettyNode implements AutoCloseable {

  final RedisAdapterFactory redis;
  final SocketIoServer io;
  private final Server server;
  private final ServerConnector connector;

  JettyNode(String redisUri, String key) throws Exception {
    this(redisUri, RedisAdapterOptions.builder().key(key).requestsTimeout(Duration.ofSeconds(5)).build());
  }

  JettyNode(String redisUri, RedisAdapterOptions options) throws Exception {
    redis = RedisAdapterFactory.create(redisUri, options);
    io = new SocketIoServer(SocketIoOptions.builder().adapterFactory(redis).build());
    io.onConnection(socket -> {
      ClusterNode.joinRoomAndName(socket);
      socket.emit("welcome");
    });
    ClusterNode.await(options.sharded() == null ? redis.adapter("/").ready() : redis.shardedAdapter("/").ready());
    server = new Server();
    connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    JakartaWebSocketServletContainerInitializer.configure(context,
        (servletContext, container) -> SocketIoRegistration.register(servletContext, io));
    server.setHandler(context);
    server.setStopTimeout(1000);
    server.start();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  String url() {
    return "http://127.0.0.1:" + connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    try {
      io.close();
      server.stop();
    } finally {
      redis.close();
    }
  }
}
