package dev.sio4j.it.containers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A WAR the container fixtures deploy: copied by the build into {@link Layout#containers()} under a file name that is
 * also its context path (as in Tomcat's and WildFly's deployment directories), plus the path, relative to the
 * context, that answers 200 once the application is deployed.
 *
 * @param name the file name without {@code .war}, also the context path without the slash
 * @param readyPath relative to the context root; a GET on it answers 200 once the application is deployed
 */
record War(String name, String readyPath) {

  /** The sample chat ({@code war-sample}), at {@code /sio4j-sample/}: its page answers. */
  static final War SAMPLE = new War("sio4j-sample", "");

  /**
   * The conformance app ({@code conformance-war}), at {@code /conformance/}: a polling handshake answers (the session
   * it opens ends at the first missed ping).
   */
  static final War CONFORMANCE = new War("conformance", "engine.io/?EIO=4&transport=polling");

  /** {@code /name}. */
  String contextPath() {
    return "/" + name;
  }

  /** The WAR file, which must exist. */
  Path file() {
    Path war = Layout.containers().resolve(name + ".war");
    if (!Files.isRegularFile(war)) {
      throw new IllegalStateException("no " + war + ": run the build (`mvn verify` copies it in pre-integration-test)");
    }
    return war;
  }

  /** The application URL on {@code 127.0.0.1:port}, ending with a slash. */
  URI url(int port) {
    return URI.create("http://127.0.0.1:" + port + contextPath() + "/");
  }
}
