package dev.sio4j.annotation.binding;

import dev.sio4j.socket.Ack;
import dev.sio4j.socket.DisconnectReason;
import dev.sio4j.socket.Socket;
import java.util.List;

/**
 * What one call of a handler method may draw its parameters from; fields that do not apply to the method's kind are
 * {@code null}. Immutable.
 */
record Invocation(Socket socket, String event, List<Object> args, Ack ack, DisconnectReason reason, Throwable error) {

  static Invocation connect(Socket socket) {
    return new Invocation(socket, null, List.of(), null, null, null);
  }

  static Invocation event(Socket socket, String event, List<Object> args, Ack ack) {
    return new Invocation(socket, event, args, ack, null, null);
  }

  static Invocation disconnect(Socket socket, DisconnectReason reason) {
    return new Invocation(socket, null, List.of(), null, reason, null);
  }

  static Invocation error(Socket socket, Throwable error) {
    return new Invocation(socket, null, List.of(), null, null, error);
  }
}
