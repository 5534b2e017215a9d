package dev.sio4j.it.annotated.app;

import dev.sio4j.annotation.OnDisconnect;
import dev.sio4j.annotation.SocketIoEndpoint;
import dev.sio4j.socket.Namespace;
import dev.sio4j.socket.Socket;

/** Reports every disconnection, with the reason the server saw, to the sockets still in the namespace. */
@SocketIoEndpoint("/observed")
public class ObservedEndpoint {

  @OnDisconnect
  public void left(Socket socket, String reason, Namespace namespace) {
    namespace.emit("left", socket.id(), reason);
  }
}
