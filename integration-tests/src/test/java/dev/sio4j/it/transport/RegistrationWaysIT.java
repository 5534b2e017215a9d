package dev.sio4j.it.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.it.Container;
import dev.sio4j.it.NodeScript;
import dev.sio4j.it.transport.app.programmatic.CustomPathListener;
import dev.sio4j.it.transport.app.webxml.InitializerProbe;
import dev.sio4j.it.webapp.ExplodedWebapp;
import dev.sio4j.it.webapp.WebappServer;
import dev.sio4j.servlet.SocketIoRegistration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The documented ways to register sio4j besides the automatic one, each in a real web application deployment
 * ({@link WebappServer}) on embedded Jetty and Tomcat, proven with the official socket.io-client over polling,
 * websocket and the upgrade, against an application listener that attaches its handlers to the registered server:
 *
 * <ul>
 *   <li>web.xml: {@code SocketIoRegistrationListener} declared as a {@code <listener>} in a deployment whose
 *       {@code <absolute-ordering/>} excludes library initializers (and a control deployment without it, where the
 *       initializer runs too and the listener is harmless);
 *   <li>programmatic: {@code sio4j.enabled=false} and a {@code @WebListener} registering its own server with custom
 *       options at {@code /rt/};
 *   <li>{@code sio4j.enabled=false} alone: nothing is served at {@code /socket.io/}.
 * </ul>
 */
class RegistrationWaysIT {

  private static final String APP = "dev.sio4j.it.transport.app";
  private static final String WEBXML_APP = APP + ".webxml";
  private static final String PROGRAMMATIC_APP = APP + ".programmatic";

  private static final String LISTENERS = """
      <listener><listener-class>dev.sio4j.it.transport.app.webxml.InitializerProbe</listener-class></listener>
      <listener><listener-class>dev.sio4j.servlet.SocketIoRegistrationListener</listener-class></listener>
      <listener><listener-class>dev.sio4j.it.transport.app.webxml.EchoListener</listener-class></listener>
      """;
  private static final String DISABLED = """
      <context-param><param-name>sio4j.enabled</param-name><param-value>false</param-value></context-param>
      """;
  private static final List<String> MODES = List.of("polling", "websocket", "upgrade");

  /**
   * The documented web.xml way: under {@code <absolute-ordering/>} the library's initializer does not run, and the
   * {@code SocketIoRegistrationListener} declared in {@code web.xml} creates and registers the server.
   */
  @ParameterizedTest
  @EnumSource(value = Container.class, mode = EnumSource.Mode.EXCLUDE, names = Container.WITHOUT_SERVLET_CONTEXT)
  void webXmlListenerServesWhenLibraryInitializersAreExcluded(Container container) throws Exception {
    assertWebXmlWayServes(container, "webxml-ordered", LISTENERS);
  }

  /**
   * The web.xml way with the application presetting the server (so the registration listener does not create one):
   * proves the rest of it (polling servlet and JSR-356 endpoint registered from a {@code web.xml} listener, under
   * {@code <absolute-ordering/>}) when the application brings its own server.
   */
  @ParameterizedTest
  @EnumSource(value = Container.class, mode = EnumSource.Mode.EXCLUDE, names = Container.WITHOUT_SERVLET_CONTEXT)
  void webXmlListenerServesAPresetServerWhenLibraryInitializersAreExcluded(Container container) throws Exception {
    assertWebXmlWayServes(container, "webxml-preset", LISTENERS.replace(
        "<listener><listener-class>dev.sio4j.servlet.SocketIoRegistrationListener",
        "<listener><listener-class>dev.sio4j.it.transport.app.webxml.PresetServerListener</listener-class></listener>\n"
            + "<listener><listener-class>dev.sio4j.servlet.SocketIoRegistrationListener"));
  }

  private static void assertWebXmlWayServes(Container container, String app, String listeners) throws Exception {
    var webapp = webapp(app + "-" + container, "<absolute-ordering/>\n" + listeners, List.of(APP, WEBXML_APP));
    try (WebappServer server = WebappServer.deploy(container, webapp)) {
      assertEquals(Boolean.FALSE, server.attribute(InitializerProbe.ATTRIBUTE),
          "<absolute-ordering/> must keep the sio4j initializer from running");
      assertNotNull(server.attribute(SocketIoRegistration.SOCKET_IO_ATTRIBUTE));
      for (String mode : MODES) {
        String out = echo(container, app, server.baseUrl(), "/socket.io/", mode);
        assertTrue(out.contains("OK " + (mode.equals("polling") ? "polling" : "websocket")), out);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Container.class, mode = EnumSource.Mode.EXCLUDE, names = Container.WITHOUT_SERVLET_CONTEXT)
  void webXmlListenerIsHarmlessWhenTheInitializerRanToo(Container container) throws Exception {
    var webapp = webapp("webxml-unordered-" + container, LISTENERS, List.of(APP, WEBXML_APP));
    try (WebappServer server = WebappServer.deploy(container, webapp)) {
      assertEquals(Boolean.TRUE, server.attribute(InitializerProbe.ATTRIBUTE),
          "without ordering, the sio4j initializer in WEB-INF/lib runs (control for the probe)");
      for (String mode : MODES) {
        String out = echo(container, "webxml-unordered", server.baseUrl(), "/socket.io/", mode);
        assertTrue(out.contains("OK " + (mode.equals("polling") ? "polling" : "websocket")), out);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Container.class, mode = EnumSource.Mode.EXCLUDE, names = Container.WITHOUT_SERVLET_CONTEXT)
  void programmaticRegistrationWithCustomOptions(Container container) throws Exception {
    var webapp = webapp("programmatic-" + container, DISABLED, List.of(APP, PROGRAMMATIC_APP));
    try (WebappServer server = WebappServer.deploy(container, webapp)) {
      for (String mode : MODES) {
        String out = echo(container, "programmatic", server.baseUrl(), CustomPathListener.PATH, mode);
        assertTrue(out.contains("OK " + (mode.equals("polling") ? "polling" : "websocket") + " pingInterval="
            + CustomPathListener.PING_INTERVAL_MS), out);
      }
      assertNothingAtSocketIo(server.baseUrl());
    }
  }

  @ParameterizedTest
  @EnumSource(value = Container.class, mode = EnumSource.Mode.EXCLUDE, names = Container.WITHOUT_SERVLET_CONTEXT)
  void disabledAloneRegistersNothing(Container container) throws Exception {
    var webapp = webapp("disabled-" + container, DISABLED + """
        <listener><listener-class>dev.sio4j.it.transport.app.webxml.InitializerProbe</listener-class></listener>
        """, List.of(WEBXML_APP));
    try (WebappServer server = WebappServer.deploy(container, webapp)) {
      assertEquals(Boolean.FALSE, server.attribute(InitializerProbe.ATTRIBUTE), "the web application started");
      assertNull(server.attribute(SocketIoRegistration.SOCKET_IO_ATTRIBUTE));
      assertNull(server.attribute(SocketIoRegistration.ENGINE_ATTRIBUTE));
      assertNothingAtSocketIo(server.baseUrl());
    }
  }

  private static String echo(Container container, String app, String baseUrl, String path, String mode)
      throws Exception {
    return NodeScript.run("transport-" + app + "-" + container + "-" + mode, "transport-sio-echo.mjs", baseUrl, path,
        mode);
  }

  /** No polling handshake (404) and no WebSocket upgrade at {@code /socket.io/}. */
  private static void assertNothingAtSocketIo(String baseUrl) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> polling = http.send(HttpRequest.newBuilder(
        URI.create(baseUrl + "/socket.io/?EIO=4&transport=polling")).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(404, polling.statusCode(), polling.body());
    ExecutionException refused = assertThrows(ExecutionException.class, () -> http.newWebSocketBuilder()
        .buildAsync(URI.create(baseUrl.replace("http:", "ws:") + "/socket.io/?EIO=4&transport=websocket"),
            new WebSocket.Listener() {})
        .get(20, TimeUnit.SECONDS));
    assertTrue(refused.getCause() instanceof java.net.http.WebSocketHandshakeException, refused.toString());
  }

  /** Builds (afresh) the web application {@code name} with this {@code web.xml} body and these test packages. */
  private static Path webapp(String name, String webXmlBody, List<String> packages) {
    return ExplodedWebapp.at("transport-webapps", name).webXml(ExplodedWebapp.webXmlWith(webXmlBody))
        .classesOf(packages).build();
  }
}
