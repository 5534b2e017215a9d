package dev.sio4j.it.hostile;

import dev.sio4j.engine.CorsOptions;
import dev.sio4j.engine.EngineOptions;
import dev.sio4j.it.Container;
import dev.sio4j.it.EmbeddedServer;
import dev.sio4j.servlet.SocketIoRegistration;
import dev.sio4j.socket.SocketIoOptions;
import dev.sio4j.socket.SocketIoServer;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A Socket.IO server at {@code /socket.io/} on an embedded container, with small limits so hostile input hits them
 * fast: maxHttpBufferSize 10,000 bytes, CORS allow-list {@link #GOOD_ORIGIN}, default decoder limits (10 attachments,
 * depth 32, namespace 256). Event {@code echo} is acknowledged with its arguments; each socket's {@code disconnect}
 * reason is recorded by socket id.
 */
final class HostileServer implements AutoCloseable {

  static final String GOOD_ORIGIN = "http://good.example";
  static final long MAX_BODY = 10_000;

  final SocketIoServer io;
  final EmbeddedServer server;
  final Map<String, CompletableFuture<String>> disconnectReasons = new ConcurrentHashMap<>();
  /** The sids of long-poll GETs the engine parked (no data to send yet), in arrival order. */
  final BlockingQueue<String> parkedPolls = new LinkedBlockingQueue<>();
  /** The sids of data POSTs the engine started reading (their body may still be arriving), in arrival order. */
  final BlockingQueue<String> startedPosts = new LinkedBlockingQueue<>();

  private HostileServer(Container container, UnaryOperator<EngineOptions.Builder> engine, boolean closeOnDestroy)
      throws Exception {
    EngineOptions options = engine.apply(EngineOptions.builder()
        .path("/socket.io/")
        .pingInterval(Duration.ofSeconds(20))
        .pingTimeout(Duration.ofSeconds(20))
        .maxHttpBufferSize(MAX_BODY)
        .cors(CorsOptions.allowOrigins(GOOD_ORIGIN))).build();
    io = new SocketIoServer(SocketIoOptions.builder().engine(options).connectTimeout(Duration.ofSeconds(20)).build());
    io.onConnection(socket -> {
      socket.on("echo", (args, ack) -> {
        if (ack != null) {
          ack.send(args.toArray());
        }
      });
      socket.onDisconnect(reason -> reason(socket.id()).complete(reason.text()));
    });
    server = container == Container.STANDALONE ? container.serve("127.0.0.1", 0, mount -> mount.serve(io))
        : container.start("127.0.0.1", 0, context -> {
      SocketIoRegistration.register(context, io);
      if (closeOnDestroy) { // what an application's contextDestroyed does
        context.addListener(new ServletContextListener() {
          @Override
          public void contextDestroyed(ServletContextEvent event) {
            io.close();
          }
        });
      }
      FilterRegistration.Dynamic parked = context.addFilter("parked-polls", (Filter) this::recordParkedPoll);
      parked.setAsyncSupported(true);
      parked.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/socket.io/*");
    });
  }

  /**
   * After the engine served a GET with a sid: if the request is still open (async started), the engine parked it as
   * the session's pending poll. A test can wait for that instead of sleeping.
   */
  private void recordParkedPoll(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request, response);
    HttpServletRequest http = (HttpServletRequest) request;
    String sid = http.getParameter("sid");
    if ("GET".equals(http.getMethod()) && sid != null && http.isAsyncStarted()) {
      parkedPolls.add(sid);
    }
    if ("POST".equals(http.getMethod()) && sid != null) {
      startedPosts.add(sid); // the engine has set its ReadListener: what a body reader allocates up front is there now
    }
  }

  /**
   * Waits until a long-poll GET of {@code sid} is parked in the engine. Servlet containers only (a filter sees it);
   * tests that need it exclude {@link Container#WITHOUT_SERVLET_CONTEXT}.
   */
  void awaitParkedPoll(String sid) throws InterruptedException {
    while (true) {
      String next = parkedPolls.poll(20, TimeUnit.SECONDS);
      if (next == null) {
        throw new AssertionError("no parked poll of " + sid);
      }
      if (next.equals(sid)) {
        return;
      }
    }
  }

  /** A server with the default hostile settings. */
  static HostileServer start(Container container) throws Exception {
    return new HostileServer(container, b -> b, false);
  }

  /** A server with changed engine options. */
  static HostileServer start(Container container, UnaryOperator<EngineOptions.Builder> engine) throws Exception {
    return new HostileServer(container, engine, false);
  }

  /** A server whose Socket.IO server is closed when the container destroys the context, as applications do. */
  static HostileServer startClosingOnDestroy(Container container, UnaryOperator<EngineOptions.Builder> engine)
      throws Exception {
    return new HostileServer(container, engine, true);
  }

  /** Stops the container only (not {@link #io}); Jetty's graceful-stop timeout is not an error here. */
  void stopContainer() throws Exception {
    try {
      server.close();
    } catch (java.util.concurrent.TimeoutException e) {
      // Jetty's graceful stop (1 s) timed out on an open connection; it has stopped anyway
    }
  }

  int port() {
    return server.port();
  }

  String baseUrl() {
    return server.baseUrl();
  }

  CompletableFuture<String> reason(String socketId) {
    return disconnectReasons.computeIfAbsent(socketId, k -> new CompletableFuture<>());
  }

  @Override
  public void close() {
    try {
      io.close();
    } finally {
      try {
        server.close();
      } catch (java.util.concurrent.TimeoutException e) {
        // Jetty's graceful stop (1 s) timed out on an idle keep-alive connection; it has stopped anyway
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop the container", e);
      }
    }
  }
}
