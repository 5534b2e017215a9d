package dev.sio4j.it.containers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The sample WAR on WildFly 39 provisioned by Galleon ({@code servlet} + {@code cdi} layers, see the module's pom) in
 * {@code target/containers/wildfly}: deployed through {@code standalone/deployments}, started with
 * {@code standalone.sh} on 127.0.0.1 with free HTTP/HTTPS ports and {@code LAUNCH_JBOSS_IN_BACKGROUND=1} (so SIGTERM
 * reaches the JVM; descendants are stopped too). Ready when the chat page answers 200 (WildFly opens its port before
 * deploying). Server logs in {@code wildfly/standalone/log}, console output in {@code wildfly/console.log}.
 */
final class WildFlyServer implements SampleApp {

  private final ContainerProcess process;
  private final URI url;

  private WildFlyServer(ContainerProcess process, URI url) {
    this.process = process;
    this.url = url;
  }

  static SampleApp start() throws Exception {
    Path home = Path.of(System.getProperty("sio4j.it.wildfly.home", "target/containers/wildfly")).toAbsolutePath();
    Path script = home.resolve("bin/standalone.sh");
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException("no WildFly at " + home + ": run the build (pre-integration-test provisions it;"
          + " not with -Dsio4j.it.wildfly.skip=true)");
    }
    Path standalone = home.resolve("standalone");
    // Start from a clean slate: no deployment, data or temp files from an earlier run.
    for (String d : List.of("deployments", "data", "tmp", "log")) {
      Layout.deleteTree(standalone.resolve(d));
      Files.createDirectories(standalone.resolve(d));
    }
    Files.copy(Layout.war(), standalone.resolve("deployments").resolve(Layout.war().getFileName()));

    int http = Layout.freePort();
    int https = Layout.freePort();
    List<String> command = List.of("sh", script.toString(), "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
        "-Djboss.http.port=" + http, "-Djboss.https.port=" + https,
        "-Djboss.management.http.port=" + Layout.freePort(), "-Djboss.management.https.port=" + Layout.freePort());
    URI url = URI.create("http://127.0.0.1:" + http + Layout.CONTEXT_PATH + "/");
    ContainerProcess process = ContainerProcess.start("WildFly", command,
        Map.of("LAUNCH_JBOSS_IN_BACKGROUND", "1", "JAVA", Layout.java(), "JBOSS_HOME", home.toString()), home,
        home.resolve("console.log"));
    try {
      Path failed = standalone.resolve("deployments").resolve(Layout.war().getFileName() + ".failed");
      Duration took = process.awaitOk(url, Duration.ofSeconds(120), () -> {
        if (!Files.exists(failed)) {
          return null;
        }
        try {
          return Files.readString(failed); // the deployment scanner writes the reason here
        } catch (java.io.IOException e) {
          return failed + " exists";
        }
      });
      Timings.record("WildFly 39 (Galleon servlet+cdi)", took.toNanos());
    } catch (Exception | Error e) {
      process.close();
      throw e;
    }
    return new WildFlyServer(process, url);
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
