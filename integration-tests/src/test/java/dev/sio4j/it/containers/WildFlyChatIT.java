package dev.sio4j.it.containers;

/** The sample chat WAR in WildFly 39 provisioned with Galleon (separate JVM). */
class WildFlyChatIT extends ChatInContainerTests {

  @Override
  DeployedApp start() throws Exception {
    return WildFlyServer.start(War.SAMPLE);
  }

  @Override
  String name() {
    return "wildfly";
  }
}
