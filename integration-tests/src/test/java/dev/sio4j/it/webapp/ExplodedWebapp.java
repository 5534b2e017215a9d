package dev.sio4j.it.webapp;

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
 * Assembles an exploded web application under {@code target/<folder>/<name>}, laid out like a real WAR:
 * {@code WEB-INF/classes} holds the compiled test classes of the given packages (only their direct classes),
 * {@code WEB-INF/lib} the sio4j jars (copied to {@code target/annotated-webapp/lib} by the build) and, optionally, a
 * {@code WEB-INF/web.xml} and, for CDI, Weld servlet ({@code target/annotated-webapp/weld}) plus
 * {@code WEB-INF/beans.xml}. The web application's class loader loads those copies first, so discovery, class loading
 * and CDI work as in a deployed WAR. Deploy it with {@link WebappServer}.
 *
 * <p>Not thread safe (a builder, used by one test at a time).
 */
public final class ExplodedWebapp {

  private static final Path TEST_CLASSES = testClasses();
  private static final Path TARGET = TEST_CLASSES.getParent();

  private final Path root;
  private List<String> packages = List.of();
  private String webXml;
  private boolean weld;

  private ExplodedWebapp(Path root) {
    this.root = root;
  }

  /** The web application {@code target/<folder>/<name>}. */
  public static ExplodedWebapp at(String folder, String name) {
    return new ExplodedWebapp(TARGET.resolve(folder).resolve(name));
  }

  /** A {@code web.xml} (Servlet 6.0) with this body. */
  public static String webXmlWith(String body) {
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

  /** The test packages whose direct classes go to {@code WEB-INF/classes}. */
  public ExplodedWebapp classesOf(List<String> packages) {
    this.packages = List.copyOf(packages);
    return this;
  }

  /** {@code WEB-INF/web.xml} (none by default). */
  public ExplodedWebapp webXml(String webXml) {
    this.webXml = webXml;
    return this;
  }

  /** With Weld servlet in {@code WEB-INF/lib} and a {@code WEB-INF/beans.xml} (annotated discovery) when true. */
  public ExplodedWebapp weld(boolean weld) {
    this.weld = weld;
    return this;
  }

  /** Builds (afresh, also dropping the containers' work folders of an earlier run) and returns its root. */
  public Path build() {
    String name = root.getFileName().toString();
    try {
      delete(root.resolveSibling(name + "-jetty-tmp"));
      delete(root.resolveSibling(name + "-tomcat-base"));
      delete(root);
      Path webInf = Files.createDirectories(root.resolve("WEB-INF"));
      if (webXml != null) {
        Files.writeString(webInf.resolve("web.xml"), webXml);
      }
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
      copyJars(TARGET.resolve("annotated-webapp/lib"), lib);
      if (weld) {
        copyJars(TARGET.resolve("annotated-webapp/weld"), lib);
        Files.writeString(webInf.resolve("beans.xml"), """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
            """);
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyJars(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      throw new IllegalStateException("no " + from + ": run the build (maven-dependency-plugin fills it in"
          + " pre-integration-test)");
    }
    try (Stream<Path> jars = Files.list(from)) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
        Files.copy(jar, to.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
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
      return Path.of(ExplodedWebapp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
