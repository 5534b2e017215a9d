package dev.sio4j.spring.boot;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Installs the embedded container's JSR-356 {@code ServerContainer} when Spring Boot will not. Boot 3 always does
 * (its {@code WebSocketServletAutoConfiguration} adds a {@code websocketServletWebServerCustomizer} bean that runs
 * Tomcat's {@code WsSci} or Jetty's {@code JakartaWebSocketServletContainerInitializer}); Boot 4 moved that
 * configuration into {@code spring-boot-websocket}, which a Boot 4 application without Spring's WebSocket support
 * lacks. Then this runs the same initializer itself, from Boot's own initializer phase, where the container's
 * initializer is allowed to add its filter and listeners. Stateless.
 */
final class JakartaWebSocketContainers {

  /** The name of the bean through which Boot (3 and 4) installs the container. */
  static final String BOOT_CUSTOMIZER = "websocketServletWebServerCustomizer";

  private static final System.Logger LOG = System.getLogger("dev.sio4j.servlet");
  private static final String SERVER_CONTAINER = "jakarta.websocket.server.ServerContainer";
  private static final String TOMCAT = "org.apache.tomcat.websocket.server.WsSci";
  /** Jetty 12.1 with Jakarta EE 11 (Boot 4), then Jetty 12 with Jakarta EE 10 (Boot 3). */
  private static final List<String> JETTY = List.of(
      "org.eclipse.jetty.ee11.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer",
      "org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer");

  private JakartaWebSocketContainers() {}

  static void installUnlessBootDoes(ServletContext context, ListableBeanFactory beans) {
    if (context.getAttribute(SERVER_CONTAINER) != null || beans.containsBean(BOOT_CUSTOMIZER)) {
      return;
    }
    String server = context.getServerInfo().toLowerCase(Locale.ROOT);
    List<String> candidates = server.contains("tomcat") ? List.of(TOMCAT) : server.contains("jetty") ? JETTY : List.of();
    ClassLoader loader = JakartaWebSocketContainers.class.getClassLoader();
    for (String name : candidates) {
      if (ClassUtils.isPresent(name, loader)) {
        try {
          ServletContainerInitializer sci = (ServletContainerInitializer) ClassUtils.forName(name, loader)
              .getDeclaredConstructor().newInstance();
          sci.onStartup(Set.of(), context);
          LOG.log(Level.DEBUG, () -> "sio4j: JSR-356 container installed with " + name);
          return;
        } catch (ReflectiveOperationException | ServletException | LinkageError e) {
          throw new IllegalStateException("sio4j: cannot install the JSR-356 container with " + name, e);
        }
      }
    }
  }
}
