package dev.sio4j.it.containers;

/** The sample chat WAR in a real Tomcat 10.1 distribution (separate JVM). */
class TomcatChatIT extends ChatInContainerTests {

  @Override
  DeployedApp start() throws Exception {
    return TomcatDist.start(War.SAMPLE);
  }

  @Override
  String name() {
    return "tomcat";
  }
}
