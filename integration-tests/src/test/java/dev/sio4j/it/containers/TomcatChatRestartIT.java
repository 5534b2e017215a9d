package dev.sio4j.it.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The sample chat survives a server restart from the clients' point of view, in the real Tomcat distribution: alice
 * (the official JavaScript client, {@code chat-restart.mjs}, polling then WebSocket) and ben (the official Java client,
 * polling) chat; Tomcat is stopped (both are disconnected) and started again on the same port; both reconnect by
 * themselves ({@code connect} fires again), rejoin their room and exchange acknowledged messages. Stopping Tomcat
 * undeploys the WAR: its logs must not report a sio4j thread left running.
 *
 * <p>ben polls because engine.io-client-java 2.1.0 over WebSocket ignores the server's close frame and would notice
 * the stop only by its ping timeout (45 s with the chat's defaults); see {@link JavaChatClient}.
 */
class TomcatChatRestartIT {

  private static final long RECONNECT_SECONDS = 60;

  @Test
  void clientsReconnectByThemselvesAfterTheServerRestarts() throws Exception {
    String room = "restart";
    try (TomcatDist tomcat = TomcatDist.start(War.SAMPLE)) {
      try (JavaChatClient ben = JavaChatClient.connect(tomcat.url(), "ben", true, true)) {
        assertEquals("connect", ben.nextLifecycleEvent(1));
        ben.emitWithAck("join", new JSONObject().put("room", room));
        try (NodeProcess alice = NodeProcess.start("chat-restart-tomcat", "chat-restart.mjs",
            tomcat.url().toString(), room)) {
          assertMessage(ben.nextMessage(), "before the restart");

          tomcat.stop();
          String disconnect = ben.nextLifecycleEvent(JavaChatClient.TIMEOUT_SECONDS);
          assertTrue(disconnect.startsWith("disconnect"), disconnect);
          assertNoThreadLeak(tomcat);

          tomcat.restart();
          assertEquals("connect", ben.nextLifecycleEvent(RECONNECT_SECONDS)); // by itself
          ben.emitWithAck("join", new JSONObject().put("room", room));
          assertMessage(ben.nextMessage(), "after the restart");
          JSONObject ack = ben.emitWithAck("message", new JSONObject().put("text", "back from ben"));
          assertTrue(ack.has("time"), ack.toString());

          String out = alice.awaitSuccess(RECONNECT_SECONDS);
          assertTrue((out.contains("disconnect: transport close") || out.contains("disconnect: transport error")) && out.contains("connect #2") && out.contains("OK"),
              out);
        }
      }
      tomcat.stop();
      assertNoThreadLeak(tomcat);
    }
  }

  private static void assertMessage(JSONObject message, String text) throws Exception {
    assertEquals("alice", message.getString("from"), message.toString());
    assertEquals(text, message.getString("text"), message.toString());
  }

  private static void assertNoThreadLeak(TomcatDist tomcat) throws Exception {
    assertEquals(List.of(), tomcat.logLines(TomcatDist.THREAD_LEAK + "sio4j-"),
        "sio4j threads left running at undeploy; logs in " + tomcat.logs());
  }
}
