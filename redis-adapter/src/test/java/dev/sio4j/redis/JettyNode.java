package dev.sio4j.redis;

import dev.sio4j.servlet.SocketIoRegistration;
import dev.sio4j.servlet.SocketIoServletContainerInitializer;
import dev.sio4j.socket.SocketIoOptions;
import dev.sio4j.socket.SocketIoServer;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Java server node: embedded Jetty 12 (ee10) on a free port of 127.0.0.1 with the polling servlet and the
 * JSR-356 WebSocket endpoint, a {@link SocketIoServer} with the Redis adapter. A client passing
 * {@code {"room":…,"name":…}} as auth joins that room, gets the name into {@code socket.data}, then receives
 * {@code welcome}. {@link #fromInitParams} makes the node as a WAR would: automatic registration configured by
 * context init-params only ({@code sio4j.adapter=redis}).
 */
final class JettyNode implements AutoCloseable {

  /** The factory this node made and closes, or {@code null} when automatic registration made its own. */
  final RedisAdapterFactory redis;
  final SocketIoServer io;
  private final Server server;
  private final ServerConnector connector;
  private boolean closed;

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
    ServletContextHandler context = new ServletContextHandler();
    JakartaWebSocketServletContainerInitializer.configure(context,
        (servletContext, container) -> SocketIoRegistration.register(servletContext, io));
    server = new Server();
    connector = start(server, context);
  }

  /** A node whose server the servlet transport's automatic registration made from these init-params. */
  static JettyNode fromInitParams(Map<String, String> initParams) throws Exception {
    return new JettyNode(initParams);
  }

  private JettyNode(Map<String, String> initParams) throws Exception {
    redis = null;
    ServletContextHandler context = new ServletContextHandler();
    initParams.forEach(context::setInitParameter);
    JakartaWebSocketServletContainerInitializer.configure(context, null);
    context.addServletContainerInitializer(new SocketIoServletContainerInitializer());
    AtomicReference<SocketIoServer> made = new AtomicReference<>();
    context.addEventListener(new ServletContextListener() {   // what the application's @WebListener does
      @Override
      public void contextInitialized(ServletContextEvent e) {
        SocketIoServer s = (SocketIoServer) e.getServletContext().getAttribute(SocketIoRegistration.SOCKET_IO_ATTRIBUTE);
        s.onConnection(socket -> {
          ClusterNode.joinRoomAndName(socket);
          socket.emit("welcome");
        });
        made.set(s);
      }
    });
    server = new Server();
    connector = start(server, context);
    io = made.get();
  }

  private static ServerConnector start(Server server, ServletContextHandler context) throws Exception {
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    context.setContextPath("/");
    server.setHandler(context);
    server.setStopTimeout(1000);
    server.start();
    return connector;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  String url() {
    return "http://127.0.0.1:" + connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    try {
      io.close();
      server.stop();   // automatic registration closes its server and Redis factory with the context
    } finally {
      if (redis != null) {
        redis.close();
      }
    }
  }
}
