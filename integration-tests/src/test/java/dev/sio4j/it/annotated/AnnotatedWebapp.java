package dev.sio4j.it.annotated;

import dev.sio4j.it.webapp.ExplodedWebapp;
import java.nio.file.Path;
import java.util.List;

/**
 * The exploded web applications of this package ({@link ExplodedWebapp}s under {@code target/annotated-webapps}),
 * without {@code web.xml}, so the sio4j initializer finds the endpoint classes by annotation scanning.
 */
final class AnnotatedWebapp {

  static final String APP = "dev.sio4j.it.annotated.app";
  static final String CDI = APP + ".cdi";
  static final String BROKEN = APP + ".broken";

  private AnnotatedWebapp() {}

  /** Builds (afresh) the web application {@code name} with the classes of {@code packages} (and Weld if asked). */
  static Path build(String name, List<String> packages, boolean weld) {
    return ExplodedWebapp.at("annotated-webapps", name).classesOf(packages).weld(weld).build();
  }
}
