package dev.sio4j.it.annotated;

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
 * Assembles an exploded web application under {@code target/annotated-webapps/<name>}, laid out like a real WAR:
 * {@code WEB-INF/classes} holds the compiled test classes of the given packages (only their direct classes),
 * {@code WEB-INF/lib} the sio4j jars (copied to {@code target/annotated-webapp/lib} by the build) and, for CDI, Weld
 * servlet ({@code target/annotated-webapp/weld}) plus {@code WEB-INF/beans.xml}. The web application's class loader
 * loads those copies first, so discovery, class loading and CDI work as in a deployed WAR.
 */
final class ExplodedWebapp {

  static final String APP = "dev.sio4j.it.annotated.app";
  static final String CDI = APP + ".cdi";
  static final String BROKEN = APP + ".broken";

  private static final Path TEST_CLASSES = testClasses();
  private static final Path TARGET = TEST_CLASSES.getParent();

  private ExplodedWebapp() {}

  /** Builds (afresh) the web application {@code name} with the classes of {@code packages}. */
  static Path build(String name, List<String> packages, boolean weld) {
    Path root = TARGET.resolve("annotated-webapps").resolve(name);
    try {
      delete(root);
      Path classes = Files.createDirectories(root.resolve("WEB-INF/classes"));
      for (String pkg : packages) {
        Path from = TEST_CLASSES.resolve(pkg.replace('.', '/'));
        Path to = Files.createDirectories(classes.resolve(pkg.replace('.', '/')));
        try (Stream<Path> files = Files.list(from)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
            Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      Path lib = Files.createDirectories(root.resolve("WEB-INF/lib"));
      copyJars(TARGET.resolve("annotated-webapp/lib"), lib);
      if (weld) {
        copyJars(TARGET.resolve("annotated-webapp/weld"), lib);
        Files.writeString(root.resolve("WEB-INF/beans.xml"), """
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
