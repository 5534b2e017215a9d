package dev.sio4j.it.containers;

/** The conformance WAR in WildFly 39 provisioned with Galleon (separate JVM; Undertow's servlet and WebSocket). */
class WildFlyConformanceIT extends ConformanceInContainerTests {

  @Override
  DeployedApp start() throws Exception {
    return WildFlyServer.start(War.CONFORMANCE);
  }

  @Override
  String name() {
    return "wildfly";
  }
}
