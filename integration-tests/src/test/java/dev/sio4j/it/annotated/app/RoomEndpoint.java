package dev.sio4j.it.annotated.app;

import dev.sio4j.annotation.OnConnect;
import dev.sio4j.annotation.OnEvent;
import dev.sio4j.annotation.SocketIoEndpoint;
import dev.sio4j.socket.Namespace;
import dev.sio4j.socket.Socket;

/** A dynamic namespace: every {@code /room-<digits>}. */
@SocketIoEndpoint(regex = "/room-\\d+")
public class RoomEndpoint {

  @OnConnect
  public void joined(Socket socket) {
    socket.emit("joined", socket.namespace().name());
  }

  @OnEvent("where")
  public String where(Namespace namespace) {
    return namespace.name();
  }
}
