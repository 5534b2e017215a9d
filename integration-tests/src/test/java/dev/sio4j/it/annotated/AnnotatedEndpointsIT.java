package dev.sio4j.it.annotated;

import dev.sio4j.it.NodeScript;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.it.EmbeddedServer;
import dev.sio4j.it.annotated.app.GuardedEndpoint;
import dev.sio4j.it.annotated.app.ObservedEndpoint;
import dev.sio4j.it.annotated.app.RoomEndpoint;
import dev.sio4j.it.annotated.app.ShapesEndpoint;
import dev.sio4j.it.webapp.WebappServer;
import dev.sio4j.servlet.SocketIoEndpoints;
import dev.sio4j.servlet.SocketIoServletContainerInitializer;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The annotated endpoint classes of {@code dev.sio4j.it.annotated.app}, discovered by the containers themselves
 * ({@code @HandlesTypes}) in an exploded web application, driven by the official JavaScript client
 * ({@code annotated-client.mjs}) over polling and WebSocket on Jetty and Tomcat; and, in a context that does not scan,
 * registered through the {@code sio4j.endpoints} init-param and {@link SocketIoEndpoints#register}.
 */
class AnnotatedEndpointsIT {

  private static final Map<String, EmbeddedServer> SERVERS = new ConcurrentHashMap<>();

  @AfterAll
  static void stop() throws Exception {
    for (EmbeddedServer s : SERVERS.values()) {
      s.close();
    }
    SERVERS.clear();
  }

  private static String baseUrl(String container) {
    return SERVERS.computeIfAbsent(container, c -> {
      try {
        return switch (c) {
          case "JETTY" -> WebappServer.jetty(AnnotatedWebapp.build("plain-jetty", List.of(AnnotatedWebapp.APP), false),
              Map.of(), false);
          case "TOMCAT" -> WebappServer.tomcat(AnnotatedWebapp.build("plain-tomcat", List.of(AnnotatedWebapp.APP),
              false));
          default -> throw new IllegalArgumentException(c);
        };
      } catch (Exception e) {
        throw new IllegalStateException("cannot start " + c, e);
      }
    }).baseUrl();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"JETTY,polling", "JETTY,websocket", "TOMCAT,polling", "TOMCAT,websocket"})
  void discoveredEndpointsServeTheOfficialClient(String container, String transport) throws Exception {
    String out = NodeScript.run("annotated-client-" + container + "-" + transport, "annotated-client.mjs",
        baseUrl(container), transport);
    assertTrue(out.contains("OK " + transport), out);
  }

  /**
   * A Jetty {@link ServletContextHandler} runs no annotation scan: the initializer gets no classes, so the endpoints
   * come from the {@code sio4j.endpoints} init-param and from a listener calling {@link SocketIoEndpoints#register}.
   */
  @Test
  void withoutScanningTheInitParamAndTheProgrammaticWayRegisterEndpoints() throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.setInitParameter("sio4j.endpoints", ShapesEndpoint.class.getName() + ", " + GuardedEndpoint.class.getName()
        + "," + RoomEndpoint.class.getName());
    JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) ->
        new SocketIoServletContainerInitializer().onStartup(null, servletContext));
    context.addEventListener(new ServletContextListener() {
      @Override
      public void contextInitialized(ServletContextEvent sce) {
        // Twice on purpose: a class is registered once per context.
        SocketIoEndpoints.register(sce.getServletContext(), ObservedEndpoint.class, RoomEndpoint.class);
        SocketIoEndpoints.register(sce.getServletContext(), ObservedEndpoint.class);
      }
    });
    server.setHandler(context);
    server.setStopTimeout(1000);
    server.start();
    try {
      String out = NodeScript.run("annotated-client-JETTY-noscan-websocket", "annotated-client.mjs",
          "http://127.0.0.1:" + connector.getLocalPort(), "websocket");
      assertTrue(out.contains("OK websocket"), out);
    } finally {
      server.stop();
    }
  }
}
