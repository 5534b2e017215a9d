package dev.sio4j.it;

import jakarta.servlet.ServletContext;
import java.util.function.Consumer;

/** The runtimes the integration tests and the conformance server run on: two embedded containers and standalone. */
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
  },
  /** sio4j's standalone runtime on Netty ({@code sio4j-standalone}): no servlet container, no servlet context. */
  STANDALONE {
    @Override
    public EmbeddedServer start(String host, int port, Consumer<ServletContext> setup) {
      throw new UnsupportedOperationException("the standalone runtime has no servlet context; use serve(...)");
    }

    @Override
    public EmbeddedServer serve(String host, int port, Consumer<Mount> setup) {
      return StandaloneContainer.start(host, port, setup);
    }
  };

  /** The runtimes without a servlet context, for {@code @EnumSource(mode = EXCLUDE)} of servlet-only tests. */
  public static final String WITHOUT_SERVLET_CONTEXT = "STANDALONE";

  /**
   * Starts the container on {@code host:port} (0: any free port) with one root context; {@code setup} runs during
   * the context's deployment, when servlets and WebSocket endpoints may be added (the {@code ServerContainer} is in
   * the context attribute {@code jakarta.websocket.server.ServerContainer}). Not for {@link #STANDALONE}.
   */
  public abstract EmbeddedServer start(String host, int port, Consumer<ServletContext> setup) throws Exception;

  /** Starts the runtime on {@code host:port} (0: any free port) serving what {@code setup} mounts. */
  public EmbeddedServer serve(String host, int port, Consumer<Mount> setup) throws Exception {
    return start(host, port, context -> setup.accept(Mount.of(context)));
  }
}
