package dev.sio4j.it.containers;

import java.util.List;

/**
 * The sample chat on the standalone runtime, as a user runs it: {@code java -jar sio4j-chat.jar} (the
 * {@code standalone-sample} module's one executable jar) in a process of its own; the same checks as in the
 * containers (page, browser client, official Node and Java clients, two Chromium pages).
 */
class StandaloneChatIT extends ChatInContainerTests {

  @Override
  DeployedApp start() throws Exception {
    return ExecutableJar.start("standalone chat", "sio4j-chat.jar", port -> List.of("--port", String.valueOf(port)));
  }

  @Override
  String name() {
    return "standalone";
  }
}
