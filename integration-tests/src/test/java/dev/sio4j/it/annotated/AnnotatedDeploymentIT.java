package dev.sio4j.it.annotated;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.annotation.binding.EndpointDefinitionException;
import dev.sio4j.it.EmbeddedServer;
import dev.sio4j.it.LogCapture;
import dev.sio4j.it.NodeScript;
import dev.sio4j.it.webapp.WebappServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A misconfigured endpoint class, or an unknown class in {@code sio4j.endpoints}, fails the deployment (Jetty, Tomcat);
 * {@code sio4j.endpoints.scan=false} ignores the scanned classes.
 */
class AnnotatedDeploymentIT {

  private static final String BROKEN = AnnotatedWebapp.BROKEN + ".BrokenEndpoint";

  @Test
  void anInvalidScannedClassFailsTheJettyDeploymentNamingClassAndMethods() {
    Exception e = assertThrows(Exception.class, () -> WebappServer.jetty(
        AnnotatedWebapp.build("broken-jetty", List.of(AnnotatedWebapp.APP, AnnotatedWebapp.BROKEN), false), Map.of(),
        false).close());
    Throwable definition = find(e, EndpointDefinitionException.class.getName());
    String message = definition.getMessage();
    assertTrue(message.contains(BROKEN), message);
    assertTrue(message.contains("duplicate @OnEvent(\"twice\")"), message);
    assertTrue(message.contains("first") && message.contains("second"), message);
  }

  @Test
  void anUnknownInitParamClassFailsTheJettyDeploymentNamingIt() {
    Exception e = assertThrows(Exception.class, () -> WebappServer.jetty(
        AnnotatedWebapp.build("unknown-jetty", List.of(AnnotatedWebapp.APP), false),
        Map.of("sio4j.endpoints", "com.example.NoSuchEndpoint"), false).close());
    Throwable cause = find(e, IllegalArgumentException.class.getName());
    assertTrue(cause.getMessage().contains("sio4j.endpoints"), cause.getMessage());
    assertTrue(cause.getMessage().contains("com.example.NoSuchEndpoint"), cause.getMessage());
  }

  /** With {@code sio4j.endpoints.scan=false} only the listed classes are registered, the scanned ones ignored. */
  @Test
  void withScanningOffOnlyTheListedClassesAreRegistered() throws Exception {
    try (EmbeddedServer server = WebappServer.jetty(
        AnnotatedWebapp.build("noscan-jetty", List.of(AnnotatedWebapp.APP, AnnotatedWebapp.BROKEN), false),
        Map.of("sio4j.endpoints.scan", "false", "sio4j.endpoints", AnnotatedWebapp.APP + ".RoomEndpoint"), false)) {
      String out = NodeScript.run("annotated-namespaces-JETTY-noscan", "annotated-namespaces.mjs", server.baseUrl(),
          "/room-7=connect", "/shapes=Invalid namespace", "/broken=Invalid namespace");
      assertTrue(out.contains("OK"), out);
    }
  }

  @Test
  void anInvalidScannedClassFailsTheTomcatDeployment() {
    try (LogCapture log = new LogCapture("org.apache.catalina")) {
      assertThrows(Exception.class, () -> WebappServer.tomcat(
          AnnotatedWebapp.build("broken-tomcat", List.of(AnnotatedWebapp.APP, AnnotatedWebapp.BROKEN), false)).close());
      String message = log.thrown(EndpointDefinitionException.class.getName());
      assertTrue(message.contains(BROKEN), message);
      assertTrue(message.contains("duplicate @OnEvent(\"twice\")"), message);
    }
  }

  /** By class name: the web application loads its own copy of the sio4j classes. */
  private static Throwable find(Throwable e, String type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getName().equals(type)) {
        return t;
      }
      for (Throwable s : t.getSuppressed()) {
        if (s.getClass().getName().equals(type)) {
          return s;
        }
      }
    }
    throw new AssertionError("no " + type + " in " + e, e);
  }
}
