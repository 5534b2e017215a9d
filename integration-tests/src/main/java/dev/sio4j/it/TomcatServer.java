package dev.sio4j.it;

import jakarta.servlet.ServletContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/** Embedded Tomcat 10.1: one root context with Tomcat's WebSocket initializer ({@code tomcat-embed-websocket}). */
final class TomcatServer implements EmbeddedServer {

  private final Tomcat tomcat;
  private final Connector connector;

  private TomcatServer(Tomcat tomcat, Connector connector) {
    this.tomcat = tomcat;
    this.connector = connector;
  }

  static EmbeddedServer start(String host, int port, Consumer<ServletContext> setup) throws Exception {
    Path base = Files.createTempDirectory("sio4j-tomcat");
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(base.toString());
    Connector connector = new Connector();
    connector.setPort(port);
    connector.setProperty("address", host);
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", base.toString());
    // Order matters: Tomcat's initializer puts the ServerContainer into the context before ours runs.
    context.addServletContainerInitializer(new WsSci(), null);
    context.addServletContainerInitializer((classes, servletContext) -> setup.accept(servletContext), null);
    try {
      tomcat.start();
    } catch (LifecycleException e) {
      tomcat.destroy();
      throw e;
    }
    return new TomcatServer(tomcat, connector);
  }

  @Override
  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    tomcat.stop();
    tomcat.destroy();
  }
}
