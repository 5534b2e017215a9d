package dev.sio4j.it.annotated;

import dev.sio4j.it.NodeScript;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.it.EmbeddedServer;
import dev.sio4j.it.webapp.WebappServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Endpoint classes with {@code @Inject} ({@code dev.sio4j.it.annotated.app.cdi}) in a web application with Weld servlet
 * in {@code WEB-INF/lib}: the client sees the injected {@code @ApplicationScoped Greeter}'s value, from an endpoint that
 * is a bean and from one that is not. Without Weld, the same classes are created by their constructors.
 */
class AnnotatedCdiIT {

  private static final List<String> PACKAGES = List.of(AnnotatedWebapp.CDI);

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void weldOnJettyInjectsEndpoints(String transport) throws Exception {
    // Jetty's own CDI API (jetty-ee10-plus) is on the server class path: hide it, or the web application's CDI
    // class cannot find Weld's provider (containers.md C1).
    try (EmbeddedServer server = WebappServer.jetty(AnnotatedWebapp.build("cdi-jetty-" + transport, PACKAGES, true),
        Map.of(), true)) {
      run("JETTY-weld-" + transport, server, transport, "injected");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void weldOnTomcatInjectsEndpoints(String transport) throws Exception {
    try (EmbeddedServer server = WebappServer.tomcat(AnnotatedWebapp.build("cdi-tomcat-" + transport, PACKAGES,
        true))) {
      run("TOMCAT-weld-" + transport, server, transport, "injected");
    }
  }

  /** The CDI API is visible (from the server class path) but no container runs: constructors (containers.md C2). */
  @ParameterizedTest
  @ValueSource(strings = {"websocket"})
  void withoutWeldEndpointsAreCreatedByConstructors(String transport) throws Exception {
    try (EmbeddedServer server = WebappServer.jetty(AnnotatedWebapp.build("cdi-none-jetty", PACKAGES, false), Map.of(),
        false)) {
      run("JETTY-noweld-" + transport, server, transport, "constructors");
    }
  }

  private static void run(String name, EmbeddedServer server, String transport, String expect) throws Exception {
    String out = NodeScript.run("annotated-cdi-" + name, "annotated-cdi.mjs", server.baseUrl(), transport, expect);
    assertTrue(out.contains("OK " + transport), out);
  }
}
