package dev.sio4j.it.containers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A WAR on WildFly 39 provisioned by Galleon ({@code servlet} + {@code cdi} layers, see the module's pom) in
 * {@code target/containers/wildfly}, with its own server base directory {@code target/containers/wildfly-<war>}
 * (a copy of {@code standalone/configuration}; {@code -Djboss.server.base.dir}): deployed through its
 * {@code deployments} directory, started with {@code standalone.sh} on 127.0.0.1 with free HTTP/HTTPS ports and
 * {@code LAUNCH_JBOSS_IN_BACKGROUND=1} (so SIGTERM reaches the JVM; descendants are stopped too). Ready when the WAR
 * answers 200 (WildFly opens its port before deploying). Server logs in {@code wildfly-<war>/log}, console output in
 * {@code wildfly-<war>/console.log}.
 */
final class WildFlyServer implements DeployedApp {

  private final ContainerProcess process;
  private final URI url;

  private WildFlyServer(ContainerProcess process, URI url) {
    this.process = process;
    this.url = url;
  }

  /** Deploys {@code war} into a fresh server base, starts WildFly and waits until the WAR answers. */
  static DeployedApp start(War war) throws Exception {
    Path home = Path.of(System.getProperty("sio4j.it.wildfly.home", "target/containers/wildfly")).toAbsolutePath();
    Path script = home.resolve("bin/standalone.sh");
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException("no WildFly at " + home + ": run the build (pre-integration-test provisions it;"
          + " not with -Dsio4j.it.wildfly.skip=true)");
    }
    // A fresh base per WAR: no deployment, data or temp files from an earlier run, and each run's logs kept apart.
    Path base = Layout.containers().resolve("wildfly-" + war.name());
    Layout.deleteTree(base);
    copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
    for (String d : List.of("deployments", "data", "tmp", "log")) {
      Files.createDirectories(base.resolve(d));
    }
    Path deployed = base.resolve("deployments").resolve(war.file().getFileName());
    Files.copy(war.file(), deployed);

    int http = Layout.freePort();
    int https = Layout.freePort();
    List<String> command = List.of("sh", script.toString(), "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
        "-Djboss.server.base.dir=" + base,
        "-Djboss.http.port=" + http, "-Djboss.https.port=" + https,
        "-Djboss.management.http.port=" + Layout.freePort(), "-Djboss.management.https.port=" + Layout.freePort());
    URI url = war.url(http);
    ContainerProcess process = ContainerProcess.start("WildFly", command,
        Map.of("LAUNCH_JBOSS_IN_BACKGROUND", "1", "JAVA", Layout.java(), "JBOSS_HOME", home.toString()), home,
        base.resolve("console.log"));
    try {
      Path failed = deployed.resolveSibling(deployed.getFileName() + ".failed");
      Duration took = process.awaitOk(url.resolve(war.readyPath()), Duration.ofSeconds(120), () -> {
        if (!Files.exists(failed)) {
          return null;
        }
        try {
          return Files.readString(failed); // the deployment scanner writes the reason here
        } catch (java.io.IOException e) {
          return failed + " exists";
        }
      });
      Timings.record("WildFly 39 (Galleon servlet+cdi), " + war.name(), took.toNanos());
    } catch (Exception | Error e) {
      process.close();
      throw e;
    }
    return new WildFlyServer(process, url);
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  @Override
  public URI url() {
    return url;
  }

  @Override
  public void close() throws Exception {
    process.close();
  }
}
