package dev.sio4j.it.containers;

/** The conformance WAR in embedded Jetty 12.1 (WebAppContext on the WAR, in this JVM). */
class JettyConformanceIT extends ConformanceInContainerTests {

  @Override
  DeployedApp start() throws Exception {
    return JettyWebApp.start(War.CONFORMANCE);
  }

  @Override
  String name() {
    return "jetty-embedded";
  }
}
