package dev.sio4j.boot.it;

import java.util.Locale;
import jakarta.servlet.ServletContext;

/** Which embedded container a test run expects ({@code sio4j.boot.container}) and which one runs. */
final class Containers {

  private Containers() {}

  static String expected() {
    return System.getProperty("sio4j.boot.container", "tomcat");
  }

  /** {@code tomcat} or {@code jetty}, from the container's server info (API that Boot 3 and 4 share). */
  static String running(ServletContext context) {
    String type = context.getServerInfo().toLowerCase(Locale.ROOT);
    return type.contains("jetty") ? "jetty" : type.contains("tomcat") ? "tomcat" : type;
  }
}
