package dev.sio4j.boot.it;

import java.util.Locale;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/** Which embedded container a test run expects ({@code sio4j.boot.container}) and which one runs. */
final class Containers {

  private Containers() {}

  static String expected() {
    return System.getProperty("sio4j.boot.container", "tomcat");
  }

  /** {@code tomcat} or {@code jetty}, from the class of Boot's web server. */
  static String running(ApplicationContext context) {
    String type = ((WebServerApplicationContext) context).getWebServer().getClass().getSimpleName()
        .toLowerCase(Locale.ROOT);
    return type.contains("jetty") ? "jetty" : type.contains("tomcat") ? "tomcat" : type;
  }
}
