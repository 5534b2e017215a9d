package dev.sio4j.it.containers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A sample's executable jar from {@code ${containers.dir}}, started as a user does: {@code java -jar} on a free port. */
final class ExecutableJar {

  private ExecutableJar() {}

  /**
   * Starts {@code jarName} with {@code portArgs} (the options that set its port) and waits for its page.
   *
   * @param name the process's name in logs and timings, and its working directory under the containers' directory
   */
  static DeployedApp start(String name, String jarName, java.util.function.IntFunction<List<String>> portArgs)
      throws Exception {
    Path jar = Layout.containers().resolve(jarName);
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: run the build through the reactor (pre-integration-test)");
    }
    int port = Layout.freePort();
    Path dir = Layout.dir(name.replace(' ', '-'));
    List<String> command = new ArrayList<>(List.of(Layout.java(), "-Xmx256m", "-jar", jar.toString()));
    command.addAll(portArgs.apply(port));
    ContainerProcess process = ContainerProcess.start(name, command, Map.of(), dir, dir.resolve("console.log"));
    URI url = URI.create("http://127.0.0.1:" + port + "/");
    try {
      Duration took = process.awaitOk(url, Duration.ofSeconds(60), () -> null);
      Timings.record(name + " (java -jar)", took.toNanos());
    } catch (Exception | Error e) {
      process.close();
      throw e;
    }
    return new DeployedApp() {
      @Override
      public URI url() {
        return url;
      }

      @Override
      public void close() throws Exception {
        process.close();
      }
    };
  }
}
