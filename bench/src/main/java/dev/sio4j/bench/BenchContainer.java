package dev.sio4j.bench;

import dev.sio4j.standalone.StandaloneServer;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The runtimes the bench server runs on: the embedded containers, each with one root context whose Jakarta WebSocket
 * {@code ServerContainer} is ready when {@code setup} runs (context attribute
 * {@code jakarta.websocket.server.ServerContainer}). Default container settings (the benchmark measures sio4j as an
 * application would get it) except the accept backlog, set to Node's {@code listen()} default of {@value #BACKLOG}:
 * Jetty's default (the JDK's 50) drops SYNs when 100 clients connect at once, which shows up as 1 s connect times
 * (SYN retransmission) that have nothing to do with sio4j. And the standalone runtime, with its own defaults.
 */
enum BenchContainer {
  /** Jetty 12.1 ee10. */
  JETTY {
    @Override
    RunningServer start(String host, int port, Consumer<ServletContext> setup) throws Exception {
      Server server = new Server();
      ServerConnector connector = new ServerConnector(server);
      connector.setHost(host);
      connector.setPort(port);
      connector.setAcceptQueueSize(BACKLOG);
      server.addConnector(connector);
      ServletContextHandler context = new ServletContextHandler();
      context.setContextPath("/");
      JakartaWebSocketServletContainerInitializer.configure(context, (sc, container) -> setup.accept(sc));
      server.setHandler(context);
      server.setStopTimeout(1000);
      server.start();
      return new RunningServer() {
        @Override
        public int port() {
          return connector.getLocalPort();
        }

        @Override
        public void close() throws Exception {
          server.stop();
        }
      };
    }
  },
  /** Tomcat 10.1 (NIO connector). */
  TOMCAT {
    @Override
    RunningServer start(String host, int port, Consumer<ServletContext> setup) throws Exception {
      Path base = Files.createTempDirectory("sio4j-bench-tomcat");
      Tomcat tomcat = new Tomcat();
      tomcat.setBaseDir(base.toString());
      Connector connector = new Connector();
      connector.setPort(port);
      connector.setProperty("address", host);
      connector.setProperty("acceptCount", String.valueOf(BACKLOG));
      // The connect scenario opens 10,000 sessions; Tomcat's default maxConnections is 8192.
      connector.setProperty("maxConnections", "20000");
      tomcat.setConnector(connector);
      Context context = tomcat.addContext("", base.toString());
      // Tomcat's initializer must put the ServerContainer into the context before ours runs.
      context.addServletContainerInitializer(new WsSci(), null);
      context.addServletContainerInitializer((classes, sc) -> setup.accept(sc), null);
      tomcat.start();
      return new RunningServer() {
        @Override
        public int port() {
          return connector.getLocalPort();
        }

        @Override
        public void close() throws Exception {
          tomcat.stop();
          tomcat.destroy();
        }
      };
    }
  },
  /** sio4j's standalone runtime on Netty 4.2 ({@code sio4j-standalone}); no servlet context. */
  STANDALONE {
    @Override
    RunningServer start(String host, int port, Consumer<ServletContext> setup) {
      throw new UnsupportedOperationException("the standalone runtime has no servlet context");
    }

    @Override
    RunningServer serve(String host, int port, BenchApp app) {
      if (app == null) {
        return BareNettyServer.start(host, port);
      }
      StandaloneServer server = app.listen(host, port);
      return new RunningServer() {
        @Override
        public int port() {
          return server.port();
        }

        @Override
        public void close() {
          server.close();
        }
      };
    }
  };

  /** The listen backlog, as Node's. */
  static final int BACKLOG = 511;

  /** Starts the container on {@code host:port} (0: any free port); {@code setup} runs during deployment. */
  abstract RunningServer start(String host, int port, Consumer<ServletContext> setup) throws Exception;

  /**
   * Starts the runtime serving {@code app}, or with {@code app == null} the bare ceilings (on a servlet container
   * {@link BareEchoServer} for WebSocket and {@link BarePollingServlet} for polling; standalone {@link BareNettyServer}).
   */
  RunningServer serve(String host, int port, BenchApp app) throws Exception {
    return start(host, port, context -> {
      if (app != null) {
        app.install(context);
        return;
      }
      try {
        BareEchoServer.register((ServerContainer) context.getAttribute(ServerContainer.class.getName()));
        var polling = context.addServlet("bare-polling", new BarePollingServlet());
        polling.setAsyncSupported(true);
        polling.addMapping("/socket.io/*");
      } catch (Exception e) {
        throw new IllegalStateException("cannot register the bare endpoint", e);
      }
    });
  }
}
