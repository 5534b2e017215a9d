package dev.sio4j.it;

import jakarta.servlet.ServletContext;
import java.util.function.Consumer;

/** The embedded containers the integration tests and the conformance server run on. */
public enum Container {
  /** Jetty 12.1 (ee10: Servlet 6.0, WebSocket 2.1). */
  JETTY {
    @Override
    public EmbeddedServer start(String host, int port, Consumer<ServletContext> setup) throws Exception {
      return JettyServer.start(host, port, setup);
    }
  },
  /** Tomcat 10.1 (Servlet 6.0, WebSocket 2.1). */
  TOMCAT {
    @Override
    public EmbeddedServer start(String host, int port, Consumer<ServletContext> setup) throws Exception {
      return TomcatServer.start(host, port, setup);
    }
  };

  /**
   * Starts the container on {@code host:port} (0: any free port) with one root context; {@code setup} runs during
   * the context's deployment, when servlets and WebSocket endpoints may be added (the {@code ServerContainer} is in
   * the context attribute {@code jakarta.websocket.server.ServerContainer}).
   */
  public abstract EmbeddedServer start(String host, int port, Consumer<ServletContext> setup) throws Exception;
}
