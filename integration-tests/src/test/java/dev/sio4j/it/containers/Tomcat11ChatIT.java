package dev.sio4j.it.containers;

import java.nio.file.Path;

/** The sample chat WAR in a real Tomcat 11 (Jakarta EE 11) distribution (separate JVM), beside Tomcat 10.1. */
class Tomcat11ChatIT extends ChatInContainerTests {

  @Override
  DeployedApp start() throws Exception {
    return TomcatDist.start(War.SAMPLE, false, Path.of(System.getProperty("sio4j.it.tomcat11.home",
        "target/containers/apache-tomcat-11.0.24")));
  }

  @Override
  String name() {
    return "tomcat11";
  }
}
