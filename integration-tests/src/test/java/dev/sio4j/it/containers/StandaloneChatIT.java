package dev.sio4j.it.containers;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The sample chat on the standalone runtime, as a user runs it: {@code java -jar sio4j-chat.jar} (the
 * {@code standalone-sample} module's one executable jar) in a process of its own; the same checks as in the
 * containers (page, browser client, official Node and Java clients, two Chromium pages).
 */
class StandaloneChatIT extends ChatInContainerTests {

  @Override
  DeployedApp start() throws Exception {
    Path jar = Layout.containers().resolve("sio4j-chat.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: run the build through the reactor (pre-integration-test)");
    }
    int port = Layout.freePort();
    Path dir = Layout.dir("standalone-chat");
    ContainerProcess process = ContainerProcess.start("standalone chat",
        List.of(Layout.java(), "-Xmx256m", "-jar", jar.toString(), "--port", String.valueOf(port)), Map.of(), dir,
        dir.resolve("console.log"));
    URI url = URI.create("http://127.0.0.1:" + port + "/");
    try {
      Duration took = process.awaitOk(url, Duration.ofSeconds(60), () -> null);
      Timings.record("standalone chat (java -jar)", took.toNanos());
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
    return "standalone";
  }
}
