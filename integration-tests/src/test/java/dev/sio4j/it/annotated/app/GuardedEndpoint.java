package dev.sio4j.it.annotated.app;

import dev.sio4j.annotation.Auth;
import dev.sio4j.annotation.OnConnect;
import dev.sio4j.annotation.OnConnectGuard;
import dev.sio4j.annotation.SocketIoEndpoint;
import dev.sio4j.socket.ConnectionRefused;
import dev.sio4j.socket.Socket;
import java.util.Map;

/** A connect guard refusing with {@code data}, which the client sees as {@code err.data} of {@code connect_error}. */
@SocketIoEndpoint("/guarded")
public class GuardedEndpoint {

  @OnConnectGuard
  public void guard(@Auth Credentials credentials) {
    if (credentials == null || !"secret".equals(credentials.token())) {
      throw new ConnectionRefused("forbidden", Map.of("reason", "bad token", "retry", false));
    }
  }

  @OnConnect
  public void welcome(Socket socket, @Auth Credentials credentials) {
    socket.emit("welcome", "welcome " + credentials.user());
  }
}
