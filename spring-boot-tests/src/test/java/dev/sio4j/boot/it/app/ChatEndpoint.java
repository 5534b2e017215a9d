package dev.sio4j.boot.it.app;

import dev.sio4j.annotation.Auth;
import dev.sio4j.annotation.OnConnectGuard;
import dev.sio4j.annotation.OnEvent;
import dev.sio4j.annotation.SocketIoEndpoint;
import dev.sio4j.socket.Socket;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The endpoint bean, found by component scanning: a connect guard on {@code auth.token}, an ack computed by the
 * injected {@link Greeter}, rooms, a broadcast to a room from the socket and one from {@link Announcer}.
 */
@SocketIoEndpoint("/")
public class ChatEndpoint {

  /** The CONNECT payload. */
  public record Login(String token, String name) {}

  /** {@code shout}'s argument. */
  public record Shout(String room, String text) {}

  private final Greeter greeter;
  private final Announcer announcer;
  private final ObjectProvider<HandlerAudit> audit;

  public ChatEndpoint(Greeter greeter, Announcer announcer, ObjectProvider<HandlerAudit> audit) {
    this.greeter = greeter;
    this.announcer = announcer;
    this.audit = audit;
  }

  @OnConnectGuard(message = "invalid token")
  public boolean guard(@Auth Login login) {
    return login != null && "secret".equals(login.token());
  }

  @OnEvent("greet")
  public String greet(String name) {
    return greeter.greet(name);
  }

  @OnEvent("join")
  public String join(Socket socket, String room) {
    socket.join(room);
    return "joined " + room;
  }

  @OnEvent("shout")
  public void shout(Socket socket, Shout shout) {
    socket.to(shout.room()).emit("shouted", shout.text());
  }

  @OnEvent("announce")
  public String announce(Shout shout) {
    announcer.announce(shout.room(), shout.text());
    return "announced";
  }

  /** How many handler calls went through the proxy so far (this one included). */
  @OnEvent("audit")
  public int audit() {
    return audit.getObject().calls();
  }
}
