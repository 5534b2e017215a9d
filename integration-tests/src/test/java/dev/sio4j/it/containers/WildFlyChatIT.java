package dev.sio4j.it.containers;

/** The sample chat WAR in WildFly 39 provisioned with Galleon (separate JVM). */
class WildFlyChatIT extends ChatInContainerTests {

  @Override
  SampleApp start() throws Exception {
    return WildFlyServer.start();
  }

  @Override
  String name() {
    return "wildfly";
  }
}
