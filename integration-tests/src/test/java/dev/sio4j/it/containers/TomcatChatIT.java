package dev.sio4j.it.containers;

/** The sample chat WAR in a real Tomcat 10.1 distribution (separate JVM). */
class TomcatChatIT extends ChatInContainerTests {

  @Override
  SampleApp start() throws Exception {
    return TomcatDist.start();
  }

  @Override
  String name() {
    return "tomcat";
  }
}
