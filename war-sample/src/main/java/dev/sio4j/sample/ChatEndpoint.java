package dev.sio4j.sample;

import dev.sio4j.annotation.OnConnectGuard;
import dev.sio4j.annotation.OnDisconnect;
import dev.sio4j.annotation.OnEvent;
import dev.sio4j.annotation.SocketIoEndpoint;
import dev.sio4j.socket.ConnectionRefused;
import dev.sio4j.socket.Namespace;
import dev.sio4j.socket.Socket;
import java.util.List;
import java.util.Map;

/**
 * The server side of the sample chat ({@code chat.js}): several rooms, a nickname per connection, messages with an
 * acknowledgement, a typing indicator and the list of people online in each room.
 *
 * <p>An annotated endpoint: sio4j's automatic registration finds it in the WAR (no {@code web.xml}, no listener) and
 * binds each event's arguments to the records below with JSON-B; a method's return value is the acknowledgement.
 *
 * <ul>
 *   <li>connect guard: {@code auth.nickname} is required, 1 to {@value #MAX_NAME} characters after trimming, else
 *       CONNECT_ERROR with a message saying so;
 *   <li>{@code join {room}} → ack {@code {online:[names]}}; leaves the previous room (which gets {@code left} and
 *       {@code online}); the room gets {@code joined {name}} (others) and {@code online [names]} (everyone);
 *   <li>{@code message {text}} → ack {@code {time}}; the others in the room get {@code message {from,text,time}}
 *       (the sender shows its own message);
 *   <li>{@code typing} → volatile {@code typing {name}} to the others in the room;
 *   <li>disconnect → the room gets {@code left {name}} and {@code online [names]}.
 * </ul>
 *
 * <p>Stateless, so one instance serves every connection: shared state lives in the server's rooms and each socket's
 * {@link Socket#data()}. Handlers of one connection never run concurrently (sio4j delivers its events in order).
 */
@SocketIoEndpoint("/")
public class ChatEndpoint {

  /** Longest nickname or room name, in characters. */
  static final int MAX_NAME = 32;

  /** Longest message, in characters (the page's input has the same limit). */
  static final int MAX_TEXT = 500;

  private static final String NAME = "name";
  private static final String ROOM = "room";

  /** {@code join}'s argument. */
  public record JoinRequest(String room) {}

  /** {@code message}'s argument. */
  public record ChatMessage(String text) {}

  /** Lets a socket in only with a valid nickname, which it keeps in the socket's data. */
  @OnConnectGuard
  public void authenticate(Socket socket, Map<String, Object> auth) {
    Object nickname = auth.get("nickname");
    String error = checkName("nickname", nickname);
    if (error != null) {
      throw new ConnectionRefused(error);
    }
    socket.data().put(NAME, ((String) nickname).trim());
  }

  /** Why a nickname or room name is not acceptable, or {@code null} when it is. */
  static String checkName(String what, Object value) {
    if (!(value instanceof String s) || s.isBlank()) {
      return what + " required";
    }
    if (s.trim().length() > MAX_NAME) {
      return what + " too long (at most " + MAX_NAME + " characters)";
    }
    return null;
  }

  @OnEvent("join")
  public Map<String, Object> join(Socket socket, Namespace chat, JoinRequest request) {
    String room = request == null ? null : request.room();
    String error = checkName("room", room);
    if (error != null) {
      return Map.of("error", error);
    }
    room = room.trim();
    String previous = (String) socket.data().get(ROOM);
    if (!room.equals(previous)) {
      if (previous != null) {
        socket.leave(previous);
        announceLeft(chat, socket, previous);
      }
      socket.data().put(ROOM, room);
      socket.join(room);
      socket.to(room).emit("joined", Map.of(NAME, name(socket)));
    }
    List<String> online = online(chat, room);
    chat.to(room).emit("online", online);
    return Map.of("online", online);
  }

  @OnEvent("message")
  public Map<String, Object> message(Socket socket, ChatMessage message) {
    String room = (String) socket.data().get(ROOM);
    String text = message == null ? null : message.text();
    if (room == null || text == null || text.isBlank() || text.length() > MAX_TEXT) {
      return Map.of("error", room == null ? "join a room first" : "text must be 1 to " + MAX_TEXT + " characters");
    }
    long time = System.currentTimeMillis();
    socket.to(room).emit("message", Map.of("from", name(socket), "text", text, "time", time));
    return Map.of("time", time);
  }

  @OnEvent("typing")
  public void typing(Socket socket) {
    String room = (String) socket.data().get(ROOM);
    if (room != null) {
      socket.to(room).volatile_().emit("typing", Map.of(NAME, name(socket)));
    }
  }

  @OnDisconnect
  public void leave(Socket socket, Namespace chat) {
    String room = (String) socket.data().get(ROOM);
    if (room != null) {
      announceLeft(chat, socket, room);
    }
  }

  private static void announceLeft(Namespace chat, Socket socket, String room) {
    chat.to(room).emit("left", Map.of(NAME, name(socket)));
    chat.to(room).emit("online", online(chat, room));
  }

  /** The sorted nicknames of the sockets in a room (on this node). */
  private static List<String> online(Namespace chat, String room) {
    return chat.in(room).allSockets().stream()
        .map(chat.sockets()::get)
        .filter(s -> s != null && s.connected())
        .map(ChatEndpoint::name)
        .sorted(String.CASE_INSENSITIVE_ORDER)
        .toList();
  }

  private static String name(Socket socket) {
    return (String) socket.data().get(NAME);
  }
}
