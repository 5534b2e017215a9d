package dev.sio4j.it.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/**
 * The conformance WAR in a real Tomcat 10.1 distribution (separate JVM). Once stopped, Tomcat's logs must not report a
 * thread of sio4j's left running by the application (its four engines each have a timer thread).
 */
class TomcatConformanceIT extends ConformanceInContainerTests {

  private TomcatDist tomcat;

  @Override
  DeployedApp start() throws Exception {
    tomcat = TomcatDist.start(War.CONFORMANCE);
    return tomcat;
  }

  @Override
  String name() {
    return "tomcat";
  }

  @Override
  void afterStop() throws Exception {
    assertEquals(List.of(), tomcat.logLines(TomcatDist.THREAD_LEAK + "sio4j-"),
        "sio4j threads left running at undeploy; logs in " + tomcat.logs());
  }
}
