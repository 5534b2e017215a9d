package dev.sio4j.admin;

import dev.sio4j.socket.ConnectionRefused;
import dev.sio4j.socket.Middleware;
import dev.sio4j.socket.Socket;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The admin namespace's middleware for basic authentication (Node's {@code initAuthenticationMiddleware} with the
 * in-memory store): a known {@code sessionId} or the right username and password let the socket in; a new session id
 * is then emitted as {@code session} (once connected: Node emits it just before the CONNECT answer). The bcrypt check runs off the connection's thread (it takes tens of
 * milliseconds by design), which {@link Middleware.Next} allows.
 */
final class BasicAuth implements Middleware {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.admin");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String username;
  private final String passwordHash;
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();
  /** Session ids granted to sockets still connecting, emitted once they are connected. */
  private final Map<String, String> granted = new ConcurrentHashMap<>();

  BasicAuth(String username, String passwordHash) {
    this.username = username;
    this.passwordHash = passwordHash;
  }

  @Override
  public void handle(Socket socket, Next next) {
    Object sessionId = socket.handshake().auth().get("sessionId");
    if (sessionId instanceof String s && sessions.contains(s)) {
      next.proceed();
      return;
    }
    Object user = socket.handshake().auth().get("username");
    Object password = socket.handshake().auth().get("password");
    if (!username.equals(user) || !(password instanceof String p)) {
      refuse(next);
      return;
    }
    CompletableFuture.supplyAsync(() -> BCrypt.checkpw(p, passwordHash)).whenComplete((ok, error) -> {
      if (Boolean.TRUE.equals(ok)) {
        String id = newSessionId();
        sessions.add(id);
        granted.put(socket.id(), id);
        next.proceed();
      } else {
        refuse(next);
      }
    });
  }

  /** Emits the session id granted to this socket by its login, if any. */
  void onConnected(Socket socket) {
    String id = granted.remove(socket.id());
    if (id != null) {
      socket.emit("session", id);
    }
  }

  private static void refuse(Next next) {
    LOG.log(System.Logger.Level.DEBUG, "admin UI: invalid credentials");
    next.fail(new ConnectionRefused("invalid credentials"));
  }

  private static String newSessionId() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
