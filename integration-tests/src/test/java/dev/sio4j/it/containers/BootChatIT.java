package dev.sio4j.it.containers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Spring Boot sample chat as a user runs it: {@code java -jar sio4j-boot-chat.jar} (the {@code spring-boot-sample}
 * module's executable jar, embedded Tomcat) in a process of its own; the same checks as in the containers (page,
 * browser client, official Node and Java clients, two Chromium pages).
 */
class BootChatIT extends ChatInContainerTests {

  @Override
  DeployedApp start() throws Exception {
    Path jar = Layout.containers().resolve("sio4j-boot-chat.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: run the build through the reactor (pre-integration-test)");
    }
    int port = Layout.freePort();
    Path dir = Layout.dir("boot-chat");
    ContainerProcess process = ContainerProcess.start("boot chat",
        List.of(Layout.java(), "-Xmx256m", "-jar", jar.toString(), "--server.port=" + port), Map.of(), dir,
        dir.resolve("console.log"));
    URI url = URI.create("http://127.0.0.1:" + port + "/");
    try {
      Duration took = process.awaitOk(url, Duration.ofSeconds(60), () -> null);
      Timings.record("boot chat (java -jar)", took.toNanos());
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

  @Override
  String name() {
    return "boot";
  }
}
