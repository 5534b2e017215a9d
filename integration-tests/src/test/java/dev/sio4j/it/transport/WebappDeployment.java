package dev.sio4j.it.transport;

import dev.sio4j.it.Container;
import dev.sio4j.it.EmbeddedServer;
import jakarta.servlet.ServletContext;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * An exploded web application ({@link Webapp}) deployed the way a container deploys a WAR: Jetty's
 * {@link WebAppContext} or Tomcat's {@code addWebapp}, both reading its {@code web.xml} (listeners, context-params,
 * {@code <absolute-ordering/>}) and scanning it for {@code @WebListener}s and initializers themselves.
 *
 * <p>The sio4j jars are on the test class path too, where a container would take their initializer for one of its
 * own (which ordering cannot exclude). Both deployments keep it out of the container's initializers, so it runs only
 * from the web application's {@code WEB-INF/lib}, as in a real deployment.
 */
final class WebappDeployment implements EmbeddedServer {

  private final EmbeddedServer server;
  private final ServletContext context;

  private WebappDeployment(EmbeddedServer server, ServletContext context) {
    this.server = server;
    this.context = context;
  }

  static WebappDeployment deploy(Container container, Path webapp) throws Exception {
    return container == Container.JETTY ? jetty(webapp) : tomcat(webapp);
  }

  /** An attribute of the deployed web application's servlet context. */
  Object attribute(String name) {
    return context.getAttribute(name);
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public void close() throws Exception {
    server.close();
  }

  private static WebappDeployment jetty(Path webapp) throws Exception {
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
    // Not Tomcat's WebSocket initializer (shared class path). Jetty loads the sio4j initializer through the web
    // application's class loader, i.e. from WEB-INF/lib, so ordering applies to it as in a real deployment.
    context.setAttribute(AnnotationConfiguration.SERVLET_CONTAINER_INITIALIZER_EXCLUSION_PATTERN,
        "org\\.apache\\..*");
    server.setHandler(context);
    server.setStopTimeout(0); // no graceful stop: long polls may still be parked
    try {
      server.start();
    } catch (Exception e) {
      server.stop();
      throw e;
    }
    return new WebappDeployment(new EmbeddedServer() {
      @Override
      public int port() {
        return connector.getLocalPort();
      }

      @Override
      public void close() throws Exception {
        server.stop();
      }
    }, context.getServletContext());
  }

  private static WebappDeployment tomcat(Path webapp) throws Exception {
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
    // Container initializers: not Jetty's, not sio4j's (only the web application's WEB-INF/lib copy, subject to
    // ordering), and Tomcat's WebSocket one first, as a standalone Tomcat runs it.
    context.setContainerSciFilter("org\\.eclipse\\.jetty\\..*|org\\.apache\\.tomcat\\.websocket\\.server\\.WsSci"
        + "|dev\\.sio4j\\..*");
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
    return new WebappDeployment(new EmbeddedServer() {
      @Override
      public int port() {
        return connector.getLocalPort();
      }

      @Override
      public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
      }
    }, context.getServletContext());
  }
}
