package dev.sio4j.it.containers;

import java.util.List;

/**
 * The Spring Boot sample chat as a user runs it: {@code java -jar sio4j-boot-chat.jar} (the {@code spring-boot-sample}
 * module's executable jar, embedded Tomcat) in a process of its own; the same checks as in the containers (page,
 * browser client, official Node and Java clients, two Chromium pages).
 */
class BootChatIT extends ChatInContainerTests {

  @Override
  DeployedApp start() throws Exception {
    return ExecutableJar.start("boot chat", "sio4j-boot-chat.jar", port -> List.of("--server.port=" + port));
  }

  @Override
  String name() {
    return "boot";
  }
}
