package dev.sio4j.it.containers;

import java.net.URI;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A WAR in an embedded Jetty 12.1 ee10 {@link WebAppContext}, in this JVM: annotation scanning (for the
 * {@code @WebListener}s), web fragments and the Jakarta WebSocket container come in through Jetty's
 * ServiceLoader-discovered configurations, exactly as in a standalone Jetty.
 */
final class JettyWebApp implements DeployedApp {

  private final Server server;
  private final URI url;

  private JettyWebApp(Server server, URI url) {
    this.server = server;
    this.url = url;
  }

  /** Deploys {@code war} at its context path on a free port and starts Jetty. */
  static DeployedApp start(War war) throws Exception {
    long start = System.nanoTime();
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    WebAppContext webapp = new WebAppContext();
    webapp.setContextPath(war.contextPath());
    webapp.setWar(war.file().toString());
    String tmp = "jetty-embedded/" + war.name() + "/tmp";
    Layout.deleteTree(Layout.dir(tmp));
    webapp.setTempDirectory(Layout.dir(tmp).toFile());
    webapp.setThrowUnavailableOnStartupException(true);
    // This JVM's class path also holds embedded Tomcat (for the other ITs): keep its WebSocket initializer out, or it
    // would install Tomcat's ServerContainer into Jetty's context.
    webapp.setAttribute("org.eclipse.jetty.containerInitializerExclusionPattern", "org\\.apache\\..*");
    server.setHandler(webapp);
    server.setStopTimeout(0); // no graceful wait: parked long polls would hold it until the timeout
    server.start();
    URI url = war.url(connector.getLocalPort());
    Timings.record("Jetty 12.1 embedded, " + war.name(), System.nanoTime() - start);
    return new JettyWebApp(server, url);
  }

  @Override
  public URI url() {
    return url;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
