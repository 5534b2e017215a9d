package dev.sio4j.it.containers;

/** The sample chat WAR in embedded Jetty 12.1 (WebAppContext on the WAR, in this JVM). */
class JettyChatIT extends ChatInContainerTests {

  @Override
  SampleApp start() throws Exception {
    return JettyWebApp.start();
  }

  @Override
  String name() {
    return "jetty-embedded";
  }
}
