package dev.sio4j.it.api;

import dev.sio4j.it.Container;
import dev.sio4j.it.Servers;

/**
 * One {@link ApiApp} per embedded container ({@link Servers}: started on a free port on first use, stopped when the
 * test JVM exits), so every API test class shares it.
 */
final class ApiServers {

  private ApiServers() {}

  /** The base URL ({@code http://127.0.0.1:port}) of the API server on this container. */
  static String baseUrl(Container container) {
    return running(container).baseUrl();
  }

  /** The app running on this container. */
  static ApiApp app(Container container) {
    return running(container).app();
  }

  private static Servers.Running<ApiApp> running(Container container) {
    return Servers.of(container, ApiApp.class, ApiApp::new, ApiApp::install, ApiApp::close);
  }
}
