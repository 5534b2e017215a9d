package dev.sio4j.boot.it.app;

import dev.sio4j.annotation.OnConnectGuard;
import dev.sio4j.annotation.OnEvent;
import dev.sio4j.annotation.SocketIoEndpoint;
import dev.sio4j.servlet.EnginePollingServlet;
import dev.sio4j.socket.Socket;
import java.security.Principal;
import org.springframework.security.core.Authentication;

/**
 * The namespace {@code /secure}: the guard admits only users whose handshake request was authenticated by Spring
 * Security with the role {@code CHAT}; {@code whoami} answers the principal's name.
 */
@SocketIoEndpoint("/secure")
public class SecureEndpoint {

  @OnConnectGuard(message = "role CHAT required")
  public boolean guard(Socket socket) {
    return principal(socket) instanceof Authentication auth
        && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_CHAT"));
  }

  @OnEvent("whoami")
  public String whoami(Socket socket) {
    return principal(socket).getName();
  }

  private static Principal principal(Socket socket) {
    return (Principal) socket.conn().request().attributes().get(EnginePollingServlet.ATTRIBUTE_PRINCIPAL);
  }
}
