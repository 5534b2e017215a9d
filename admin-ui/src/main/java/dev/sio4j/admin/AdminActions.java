package dev.sio4j.admin;

import dev.sio4j.socket.BroadcastOperator;
import dev.sio4j.socket.Namespace;
import dev.sio4j.socket.Socket;
import dev.sio4j.socket.SocketIoServer;
import java.util.List;

/**
 * The UI's actions on an admin socket (Node's {@code registerFeatureHandlers}, Socket.IO v4 branch): {@code emit},
 * {@code join}, {@code leave} and {@code _disconnect} on every socket of a namespace, or only those in the room given
 * as filter (the UI passes a socket's id to act on that socket). Not registered when the UI is read-only.
 */
final class AdminActions {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.admin");

  private final SocketIoServer io;

  AdminActions(SocketIoServer io) {
    this.io = io;
  }

  void register(Socket socket) {
    socket.on("emit", (args, ack) -> {
      if (args.size() >= 3 && args.get(2) instanceof String event) {
        target(args, 1).emit(event, args.subList(3, args.size()).toArray());
      }
    });
    socket.on("join", (args, ack) -> {
      if (args.size() >= 2 && args.get(1) instanceof String room) {
        target(args, 2).socketsJoin(room);
      }
    });
    socket.on("leave", (args, ack) -> {
      if (args.size() >= 2 && args.get(1) instanceof String room) {
        target(args, 2).socketsLeave(room);
      }
    });
    socket.on("_disconnect", (args, ack) -> {
      if (args.size() >= 2) {
        target(args, 2).disconnectSockets(Boolean.TRUE.equals(args.get(1)));
      }
    });
  }

  /** {@code io.of(nsp).in(filter)}, or the whole namespace without a filter. */
  private BroadcastOperator target(List<Object> args, int filterIndex) {
    Namespace nsp = io.of(String.valueOf(args.get(0)));
    Object filter = args.size() > filterIndex ? args.get(filterIndex) : null;
    LOG.log(System.Logger.Level.DEBUG, () -> "admin UI action on " + nsp.name() + " filter " + filter);
    return filter instanceof String room && !room.isEmpty() ? nsp.in(room) : nsp.except();
  }
}
