package dev.sio4j.bench;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.ArrayDeque;
import java.util.UUID;

/**
 * The ceiling for the echo scenario: a JSR-356 endpoint at {@code /socket.io/} that speaks just enough Engine.IO /
 * Socket.IO for the load generator's WebSocket client, by string slicing and without any library: it sends the open
 * packet, answers {@code 40} with {@code 40{"sid":...}}, a ping {@code 2} with {@code 3}, ignores pongs, and answers
 * {@code 42<id>["echo",x]} with {@code 43<id>[x]}. No heartbeat timer, no JSON, no session registry: what is left is
 * the container's WebSocket cost plus one outstanding asynchronous send per connection (the same write discipline
 * as sio4j's transport, so the comparison is about sio4j's own layers).
 *
 * <p>Thread safe: the container delivers one message at a time per session; sends go through a per-session queue.
 */
public final class BareEchoServer extends Endpoint {

  private static final String ECHO_PREFIX = "[\"echo\",";

  /** Registers the endpoint at {@code /socket.io/}. */
  static void register(ServerContainer container) throws DeploymentException {
    container.addEndpoint(ServerEndpointConfig.Builder.create(BareEchoServer.class, "/socket.io/").build());
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    Sender sender = new Sender(session.getAsyncRemote());
    String sid = UUID.randomUUID().toString();
    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> onText(sender, sid, text));
    sender.send(openPacket(sid));
  }

  /** The Engine.IO open packet (no upgrades), shared with {@link BarePollingServlet}. */
  static String openPacket(String sid) {
    return "0{\"sid\":\"" + sid + "\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,"
        + "\"maxPayload\":1000000}";
  }

  private static void onText(Sender sender, String sid, String m) {
    if (m.isEmpty()) {
      return;
    }
    switch (m.charAt(0)) {
      case '2' -> sender.send("3" + m.substring(1));
      case '4' -> onMessage(sender, sid, m);
      default -> { } // pong, close, noop
    }
  }

  private static void onMessage(Sender sender, String sid, String m) {
    String answer = answer(m, sid);
    if (answer != null) {
      sender.send(answer);
    }
  }

  /**
   * The answer to a message packet {@code 4...}, shared with {@link BarePollingServlet}: {@code 40} gets
   * {@code 40{"sid":...}}, {@code 42<id>["echo",x]} gets {@code 43<id>[x]}; anything else {@code null}.
   */
  static String answer(String m, String sid) {
    if (m.length() < 2 || m.charAt(0) != '4') {
      return null;
    }
    if (m.charAt(1) == '0') {
      return "40{\"sid\":\"" + sid + "\"}";
    }
    if (m.charAt(1) != '2') {
      return null;
    }
    int i = 2;
    while (i < m.length() && m.charAt(i) >= '0' && m.charAt(i) <= '9') {
      i++;
    }
    if (i == 2 || !m.startsWith(ECHO_PREFIX, i)) {
      return null; // not an acked echo
    }
    // 42<id>["echo",x] -> 43<id>[x]
    return "43" + m.substring(2, i) + "[" + m.substring(i + ECHO_PREFIX.length());
  }

  /** One asynchronous send outstanding per session; later sends wait in order. */
  private static final class Sender {
    private final RemoteEndpoint.Async remote;
    private final ArrayDeque<String> queued = new ArrayDeque<>();
    private boolean sending;

    Sender(RemoteEndpoint.Async remote) {
      this.remote = remote;
    }

    void send(String text) {
      synchronized (this) {
        if (sending) {
          queued.add(text);
          return;
        }
        sending = true;
      }
      start(text);
    }

    private void start(String text) {
      try {
        remote.sendText(text, result -> next());
      } catch (RuntimeException e) {
        next(); // the session closed meanwhile
      }
    }

    private void next() {
      String text;
      synchronized (this) {
        text = queued.poll();
        if (text == null) {
          sending = false;
          return;
        }
      }
      start(text);
    }
  }
}
