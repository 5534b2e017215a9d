package dev.sio4j.sample;

import dev.sio4j.servlet.SocketIoRegistration;
import dev.sio4j.socket.Ack;
import dev.sio4j.socket.ConnectionRefused;
import dev.sio4j.socket.Middleware;
import dev.sio4j.socket.Namespace;
import dev.sio4j.socket.Socket;
import dev.sio4j.socket.SocketIoServer;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.List;
import java.util.Map;

/**
 * The server side of the sample chat ({@code chat.js}): several rooms, a nickname per connection, messages with an
 * acknowledgement, a typing indicator and the list of people online in each room.
 *
 * <p>Socket.IO itself is registered by sio4j's automatic registration (no {@code web.xml}); this listener only takes
 * the {@link SocketIoServer} from the servlet-context attribute and installs the handlers:
 *
 * <ul>
 *   <li>connection middleware: {@code auth.nickname} is required, 1 to {@value #MAX_NAME} characters after trimming,
 *       else CONNECT_ERROR with a message saying so;
 *   <li>{@code join {room}} → ack {@code {online:[names]}}; leaves the previous room (which gets {@code left} and
 *       {@code online}); the room gets {@code joined {name}} (others) and {@code online [names]} (everyone);
 *   <li>{@code message {text}} → ack {@code {time}}; the others in the room get {@code message {from,text,time}}
 *       (the sender shows its own message);
 *   <li>{@code typing} → volatile {@code typing {name}} to the others in the room;
 *   <li>disconnect → the room gets {@code left {name}} and {@code online [names]}.
 * </ul>
 *
 * <p>Thread safety: handlers of one connection never run concurrently (sio4j delivers its events in order); all shared
 * state lives in the server's rooms and each socket's {@link Socket#data()}.
 */
@WebListener
public class ChatEndpoint implements ServletContextListener {

  /** Longest nickname or room name, in characters. */
  static final int MAX_NAME = 32;

  /** Longest message, in characters (the page's input has the same limit). */
  static final int MAX_TEXT = 500;

  private static final String NAME = "name";
  private static final String ROOM = "room";

  @Override
  public void contextInitialized(ServletContextEvent event) {
    SocketIoServer io =
        (SocketIoServer) event.getServletContext().getAttribute(SocketIoRegistration.SOCKET_IO_ATTRIBUTE);
    if (io == null) {
      throw new IllegalStateException("no SocketIoServer in the servlet context: is sio4j.enabled=false?");
    }
    install(io.of("/"));
  }

  /** Installs the chat on a namespace. */
  static void install(Namespace chat) {
    chat.use(ChatEndpoint::authenticate);
    chat.onConnection(socket -> {
      socket.on("join", (args, ack) -> join(chat, socket, text(args, ROOM), ack));
      socket.on("message", (args, ack) -> message(socket, text(args, "text"), ack));
      socket.on("typing", (args, ack) -> typing(socket));
      socket.onDisconnect(reason -> leave(chat, socket));
    });
  }

  /** The connection middleware: lets a socket in only with a valid nickname, which it keeps in the socket's data. */
  static void authenticate(Socket socket, Middleware.Next next) {
    String error = checkName("nickname", socket.handshake().auth().get("nickname"));
    if (error != null) {
      next.fail(new ConnectionRefused(error));
      return;
    }
    socket.data().put(NAME, ((String) socket.handshake().auth().get("nickname")).trim());
    next.proceed();
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

  private static void join(Namespace chat, Socket socket, String room, Ack ack) {
    String error = checkName("room", room);
    if (error != null) {
      reply(ack, Map.of("error", error));
      return;
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
    reply(ack, Map.of("online", online));
    chat.to(room).emit("online", online);
  }

  private static void message(Socket socket, String text, Ack ack) {
    String room = (String) socket.data().get(ROOM);
    if (room == null || text == null || text.isBlank() || text.length() > MAX_TEXT) {
      reply(ack, Map.of("error", room == null ? "join a room first" : "text must be 1 to " + MAX_TEXT + " characters"));
      return;
    }
    long time = System.currentTimeMillis();
    socket.to(room).emit("message", Map.of("from", name(socket), "text", text, "time", time));
    reply(ack, Map.of("time", time));
  }

  private static void typing(Socket socket) {
    String room = (String) socket.data().get(ROOM);
    if (room != null) {
      socket.to(room).volatile_().emit("typing", Map.of(NAME, name(socket)));
    }
  }

  private static void leave(Namespace chat, Socket socket) {
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

  /** The string field {@code key} of the event's first argument (an object), or {@code null}. */
  private static String text(List<Object> args, String key) {
    return !args.isEmpty() && args.get(0) instanceof Map<?, ?> m && m.get(key) instanceof String s ? s : null;
  }

  private static void reply(Ack ack, Object value) {
    if (ack != null) {
      ack.send(value);
    }
  }
}
