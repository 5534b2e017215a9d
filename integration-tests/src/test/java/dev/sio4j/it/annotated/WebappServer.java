package dev.sio4j.it.annotated;

import dev.sio4j.it.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.apache.tomcat.websocket.server.WsSci;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ClassMatcher;

/**
 * An exploded web application ({@link ExplodedWebapp}) deployed the way a container deploys a WAR: Jetty's
 * {@link WebAppContext} (annotation scanning, {@code ServiceLoader} initializers, Jakarta WebSocket) or Tomcat's
 * {@code addWebapp}. The sio4j initializer is found and fed its {@code @HandlesTypes} classes by the container itself.
 */
final class WebappServer {

  private WebappServer() {}

  /**
   * Embedded Jetty 12 ee10. {@code hideCdiApi}: hide the server's CDI API (on the class path through
   * jetty-ee10-plus) from the web application, so it uses Weld's (containers.md gotcha C1).
   */
  static EmbeddedServer jetty(Path webapp, Map<String, String> initParams, boolean hideCdiApi) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    WebAppContext context = new WebAppContext();
    context.setContextPath("/");
    context.setWar(webapp.toString());
    context.setTempDirectory(Files.createDirectories(webapp.resolveSibling(webapp.getFileName() + "-jetty-tmp"))
        .toFile());
    context.setThrowUnavailableOnStartupException(true);
    // Both containers share the test class path: do not let Jetty run Tomcat's WebSocket initializer.
    context.setAttribute(AnnotationConfiguration.SERVLET_CONTAINER_INITIALIZER_EXCLUSION_PATTERN,
        "org\\.apache\\..*");
    initParams.forEach(context::setInitParameter);
    if (hideCdiApi) {
      context.addHiddenClassMatcher(new ClassMatcher("jakarta.enterprise.", "jakarta.decorator."));
    }
    server.setHandler(context);
    server.setStopTimeout(0); // no graceful stop: the tests are over, long polls may still be parked
    try {
      server.start();
    } catch (Exception e) {
      server.stop();
      throw e;
    }
    return new EmbeddedServer() {
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

  /** Embedded Tomcat 10.1 with {@code addWebapp}; only the web application's own jars are scanned. */
  static EmbeddedServer tomcat(Path webapp) throws Exception {
    Path base = Files.createDirectories(webapp.resolveSibling(webapp.getFileName() + "-tomcat-base"));
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(base.toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    tomcat.setAddDefaultWebXmlToWebapp(false);
    Context context = tomcat.addWebapp("", webapp.toString());
    ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
    // Both containers share the test class path: do not let Tomcat run Jetty's initializers. And run Tomcat's
    // WebSocket initializer first, as a standalone Tomcat does (container initializers before the web application's):
    // here sio4j's initializer is on the test class path too, ahead of tomcat-embed-websocket, so discovery would run
    // it first, before the ServerContainer exists.
    context.setContainerSciFilter("org\\.eclipse\\.jetty\\..*|org\\.apache\\.tomcat\\.websocket\\.server\\.WsSci");
    context.addServletContainerInitializer(new WsSci(), null);
    try {
      tomcat.start();
    } catch (LifecycleException e) {
      tomcat.destroy();
      throw e;
    }
    if (!context.getState().isAvailable()) {
      tomcat.stop();
      tomcat.destroy();
      throw new IllegalStateException("the web application did not start: " + context.getState());
    }
    return new EmbeddedServer() {
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
}
