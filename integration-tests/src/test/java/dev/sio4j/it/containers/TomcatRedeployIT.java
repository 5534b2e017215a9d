package dev.sio4j.it.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Reloading and redeploying the sample WAR in the real Tomcat distribution, through Tomcat's manager, while a client
 * (the official Java client, polling) is connected: each time the client is disconnected, reconnects by itself to the
 * new deployment and chats again; afterwards Tomcat's leak detection ({@code findleaks}, which runs a full GC and
 * lists the stopped applications whose class loader is still reachable) finds nothing, and Tomcat's logs report no
 * thread or ThreadLocal left behind at undeploy and no error of the application.
 */
class TomcatRedeployIT {

  private static final long RECONNECT_SECONDS = 60;
  private static final String NO_LEAKS = "OK - No memory leaks found";

  @Test
  void reloadAndRedeployLeaveNoThreadOrClassLoaderBehind() throws Exception {
    String path = War.SAMPLE.contextPath();
    try (TomcatDist tomcat = TomcatDist.start(War.SAMPLE, true)) {
      try (JavaChatClient ben = JavaChatClient.connect(tomcat.url(), "ben", true, true)) {
        assertEquals("connect", ben.nextLifecycleEvent(1));
        chat(ben, "before the reload");

        assertOk(tomcat.manager("reload?path=" + path));
        assertTrue(ben.nextLifecycleEvent(JavaChatClient.TIMEOUT_SECONDS).startsWith("disconnect"));
        assertEquals("connect", ben.nextLifecycleEvent(RECONNECT_SECONDS)); // by itself, to the reloaded app
        chat(ben, "after the reload");

        assertOk(tomcat.manager("undeploy?path=" + path));
        assertTrue(ben.nextLifecycleEvent(JavaChatClient.TIMEOUT_SECONDS).startsWith("disconnect"));
        assertOk(tomcat.manager("deploy?path=" + path + "&war=" + War.SAMPLE.file().toUri()));
        assertEquals("connect", ben.nextLifecycleEvent(RECONNECT_SECONDS));
        chat(ben, "after the redeploy");
      }

      // Each findleaks runs a full GC; a class loader still reachable after three is a leak, not GC timing.
      String leaks = "";
      for (int gc = 0; gc < 3 && !leaks.startsWith(NO_LEAKS); gc++) {
        leaks = tomcat.manager("findleaks?statusLine=true");
      }
      assertTrue(leaks.startsWith(NO_LEAKS), "Tomcat found leaked class loaders:\n" + leaks);
      for (String marker : List.of(TomcatDist.THREAD_LEAK, "created a ThreadLocal")) {
        assertEquals(List.of(), tomcat.logLines(marker), "'" + marker + "' in Tomcat's logs in " + tomcat.logs());
      }
      List<String> errors = tomcat.logLines("SEVERE").stream().filter(line -> line.contains("sio4j")).toList();
      assertEquals(List.of(), errors, "errors of the application in Tomcat's logs in " + tomcat.logs());
    }
  }

  /** Joins a room (the deployment is new each time) and sends an acknowledged message. */
  private static void chat(JavaChatClient ben, String text) throws Exception {
    ben.emitWithAck("join", new JSONObject().put("room", "redeploy"));
    JSONObject ack = ben.emitWithAck("message", new JSONObject().put("text", text));
    assertTrue(ack.has("time"), ack.toString());
  }

  private static void assertOk(String managerAnswer) {
    assertTrue(managerAnswer.startsWith("OK"), managerAnswer);
  }
}
