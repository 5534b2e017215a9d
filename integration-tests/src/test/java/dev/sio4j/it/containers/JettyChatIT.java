package dev.sio4j.it.containers;

/** The sample chat WAR in embedded Jetty 12.1 (WebAppContext on the WAR, in this JVM). */
class JettyChatIT extends ChatInContainerTests {

  @Override
  DeployedApp start() throws Exception {
    return JettyWebApp.start(War.SAMPLE);
  }

  @Override
  String name() {
    return "jetty-embedded";
  }
}
