package dev.sio4j.it;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * {@link ConformanceApp} as a web application (the {@code conformance-war} module, or any WAR holding this jar):
 * registers the suite-timed servers at {@code <context>/engine.io/} and {@code <context>/socket.io/}, and the same
 * servers with relaxed heartbeats at {@code <context>/relaxed/engine.io/} and {@code <context>/relaxed/socket.io/}
 * (for tests that must not race a 200 ms ping timeout on a loaded machine). Closes them when the context is
 * destroyed.
 *
 * <p>sio4j's automatic registration would claim {@code /socket.io/} with default options first: this jar's
 * {@code META-INF/web-fragment.xml} turns it off ({@code sio4j.enabled=false}).
 *
 * <p>Threading: the container calls both methods once, on its deployment thread.
 */
@WebListener
public final class ConformanceWebApp implements ServletContextListener {

  /** Path prefix of the relaxed-heartbeat servers. */
  public static final String RELAXED_PREFIX = "/relaxed";

  private final ConformanceApp suite = new ConformanceApp(ConformanceApp.Timing.SUITE);
  private final ConformanceApp relaxed = new ConformanceApp(ConformanceApp.Timing.RELAXED);

  /** Called by the container. */
  public ConformanceWebApp() {}

  @Override
  public void contextInitialized(ServletContextEvent event) {
    suite.install(event.getServletContext());
    relaxed.install(event.getServletContext(), RELAXED_PREFIX);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    suite.close();
    relaxed.close();
  }
}
