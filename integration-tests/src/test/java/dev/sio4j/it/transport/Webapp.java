package dev.sio4j.it.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Assembles an exploded web application under {@code target/transport-webapps/<name>}, laid out like a WAR:
 * {@code WEB-INF/web.xml} as given, {@code WEB-INF/classes} with the compiled test classes of the given packages (their
 * direct classes only) and {@code WEB-INF/lib} with the sio4j jars (copied to {@code target/annotated-webapp/lib} by
 * the build). The web application's class loader loads those copies first, as in a deployed WAR.
 */
final class Webapp {

  static final String APP = "dev.sio4j.it.transport.app";
  static final String WEBXML_APP = APP + ".webxml";
  static final String PROGRAMMATIC_APP = APP + ".programmatic";

  private static final Path TEST_CLASSES = testClasses();
  private static final Path TARGET = TEST_CLASSES.getParent();

  private Webapp() {}

  /** A {@code web.xml} (Servlet 6.0) with this body. */
  static String webXml(String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd"
                 version="6.0">
        %s
        </web-app>
        """.formatted(body);
  }

  /** Builds (afresh) the web application {@code name}. */
  static Path build(String name, String webXml, List<String> packages) {
    Path root = TARGET.resolve("transport-webapps").resolve(name);
    try {
      delete(root.getParent().resolve(name + "-jetty-tmp"));
      delete(root.getParent().resolve(name + "-tomcat-base"));
      delete(root);
      Path webInf = Files.createDirectories(root.resolve("WEB-INF"));
      Files.writeString(webInf.resolve("web.xml"), webXml);
      Path classes = Files.createDirectories(webInf.resolve("classes"));
      for (String pkg : packages) {
        Path from = TEST_CLASSES.resolve(pkg.replace('.', '/'));
        Path to = Files.createDirectories(classes.resolve(pkg.replace('.', '/')));
        try (Stream<Path> files = Files.list(from)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
            Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      Path lib = Files.createDirectories(webInf.resolve("lib"));
      Path jars = TARGET.resolve("annotated-webapp/lib");
      if (!Files.isDirectory(jars)) {
        throw new IllegalStateException("no " + jars + ": run the build (maven-dependency-plugin fills it in"
            + " pre-integration-test)");
      }
      try (Stream<Path> all = Files.list(jars)) {
        for (Path jar : all.filter(p -> p.toString().endsWith(".jar")).toList()) {
          Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> all = Files.walk(root)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static Path testClasses() {
    try {
      return Path.of(Webapp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
