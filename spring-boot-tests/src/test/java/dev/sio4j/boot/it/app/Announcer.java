package dev.sio4j.boot.it.app;

import dev.sio4j.socket.SocketIoServer;
import org.springframework.stereotype.Service;

/** The programmatic API from a service: the {@code SocketIoServer} bean broadcasts to a room. */
@Service
public class Announcer {

  private final SocketIoServer io;

  public Announcer(SocketIoServer io) {
    this.io = io;
  }

  public void announce(String room, String text) {
    io.to(room).emit("announcement", text);
  }
}
