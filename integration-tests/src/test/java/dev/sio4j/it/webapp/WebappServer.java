package dev.sio4j.it.webapp;

import dev.sio4j.it.Container;
import dev.sio4j.it.EmbeddedServer;
import jakarta.servlet.ServletContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntSupplier;
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
 * {@code addWebapp}, both reading its {@code web.xml} (listeners, context-params, {@code <absolute-ordering/>}) and
 * scanning it for {@code @WebListener}s and initializers themselves. The sio4j initializer is found and fed its
 * {@code @HandlesTypes} classes by the container itself.
 *
 * <p>The sio4j jars are on the test class path too, where a container would take their initializer for one of its
 * own (which ordering cannot exclude). Both deployments keep it out of the container's initializers, so it runs only
 * from the web application's {@code WEB-INF/lib}, as in a real deployment.
 *
 * <p>Thread safe for {@link #port()} and {@link #attribute}; close it once.
 */
public final class WebappServer implements EmbeddedServer {

  private final IntSupplier port;
  private final AutoCloseable stop;
  private final ServletContext context;

  private WebappServer(IntSupplier port, AutoCloseable stop, ServletContext context) {
    this.port = port;
    this.stop = stop;
    this.context = context;
  }

  /** Deploys {@code webapp} into {@code container} as it is (no extra init parameters). */
  public static WebappServer deploy(Container container, Path webapp) throws Exception {
    return container == Container.JETTY ? jetty(webapp, Map.of(), false) : tomcat(webapp);
  }

  /**
   * Embedded Jetty 12 ee10 with these context init parameters. {@code hideCdiApi}: hide the server's CDI API (on the
   * class path through jetty-ee10-plus) from the web application, so it uses Weld's (containers.md gotcha C1).
   */
  public static WebappServer jetty(Path webapp, Map<String, String> initParams, boolean hideCdiApi) throws Exception {
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
    return new WebappServer(connector::getLocalPort, server::stop, context.getServletContext());
  }

  /** Embedded Tomcat 10.1 with {@code addWebapp}; only the web application's own jars are scanned. */
  public static WebappServer tomcat(Path webapp) throws Exception {
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
    // ordering), and Tomcat's WebSocket one first, as a standalone Tomcat runs it (container initializers before the
    // web application's), so the ServerContainer exists when sio4j's runs.
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
    return new WebappServer(connector::getLocalPort, () -> {
      tomcat.stop();
      tomcat.destroy();
    }, context.getServletContext());
  }

  /** An attribute of the deployed web application's servlet context. */
  public Object attribute(String name) {
    return context.getAttribute(name);
  }

  @Override
  public int port() {
    return port.getAsInt();
  }

  @Override
  public void close() throws Exception {
    stop.close();
  }
}
