package dev.sio4j.docs;

import dev.sio4j.annotation.Auth;
import dev.sio4j.annotation.OnConnect;
import dev.sio4j.annotation.OnDisconnect;
import dev.sio4j.annotation.OnEvent;
import dev.sio4j.annotation.SocketIoEndpoint;
import dev.sio4j.engine.CorsOptions;
import dev.sio4j.engine.EngineOptions;
import dev.sio4j.servlet.SocketIoRegistration;
import dev.sio4j.socket.ConnectionRefused;
import dev.sio4j.socket.DisconnectReason;
import dev.sio4j.socket.Socket;
import dev.sio4j.socket.SocketIoOptions;
import dev.sio4j.socket.SocketIoServer;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The example of docs/migration-from-netty-socketio.md, compiled with the tests so that it cannot rot. Each block
 * names the netty-socketio code it replaces.
 */
final class MigrationFromNettySocketIo {

  private MigrationFromNettySocketIo() {}

  /** A JSON-B bound payload (netty-socketio: the POJO class given to addEventListener). */
  public record ChatMessage(String room, String text) {}

  /** The auth payload of the CONNECT packet (netty-socketio: HandshakeData.getSingleUrlParam / AuthorizationListener). */
  public record Login(String token) {}

  // ---- 1. Annotations: netty-socketio's @OnConnect / @OnEvent / @OnDisconnect on a bean given to
  //         server.addListeners(bean). In sio4j the class is found by the container (or named in sio4j.endpoints).

  /** One class per namespace (netty-socketio: server.addNamespace("/chat").addListeners(new ChatHandler())). */
  @SocketIoEndpoint("/chat")
  public static class ChatEndpoint {

    @OnConnect
    public void connected(Socket socket, @Auth Login login) {          // @OnConnect void onConnect(SocketIOClient c)
      socket.data().put("user", login == null ? "anonymous" : login.token());
      socket.join("lobby");                                              // client.joinRoom("lobby")
    }

    @OnEvent("chat")                                                     // @OnEvent("chat") void on(c, data, ackRequest)
    public Map<String, Object> chat(Socket socket, ChatMessage msg) {
      socket.to(msg.room()).emit("chat", msg);                           // server.getRoomOperations(room).sendEvent(...)
      return Map.of("ok", true);                                         // ackRequest.sendAckData(...): the return value
    }

    @OnDisconnect
    public void left(Socket socket, DisconnectReason reason) { }         // @OnDisconnect void onDisconnect(SocketIOClient c)
  }

  // ---- 2. Programmatic: netty-socketio's Configuration + SocketIOServer + addEventListener.

  /** A WAR listener that attaches handlers to the server automatic registration made (no server.start()). */
  public static class ChatListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent e) {
      SocketIoServer io = (SocketIoServer) e.getServletContext().getAttribute(SocketIoRegistration.SOCKET_IO_ATTRIBUTE);
      attach(io);
    }
  }

  /** The handlers, on any SocketIoServer. */
  static void attach(SocketIoServer io) {
    // server.addConnectListener(client -> ...) / AuthorizationListener: a middleware may refuse the connection
    io.of("/").use((socket, next) -> {
      Object token = socket.handshake().auth().get("token");             // handshakeData.getSingleUrlParam("token")
      if (token == null) {
        next.fail(new ConnectionRefused("token required"));              // AuthorizationResult.FAILED_AUTHORIZATION
      } else {
        next.proceed();
      }
    });

    io.onConnection(socket -> {                                          // server.addConnectListener(client -> ...)
      String id = socket.id();                                           // client.getSessionId() (a String here)
      socket.join("room1");                                              // client.joinRoom("room1")

      // server.addEventListener("chat", ChatMessage.class, (client, data, ackRequest) -> ...)
      socket.on("chat", (args, ack) -> {
        io.to("room1").except(id).emit("chat", args.toArray());          // room operations, minus the sender
        if (ack != null) {                                               // ackRequest.isAckRequested()
          ack.send("ok");                                                // ackRequest.sendAckData("ok")
        }
      });

      socket.emit("welcome", Map.of("id", id));                          // client.sendEvent("welcome", data)

      // client.sendEvent("ping", new AckCallback<String>(String.class, 5) { ... })
      socket.timeout(Duration.ofSeconds(5)).emitWithAck("ping")
          .thenAccept((List<Object> reply) -> socket.data().put("pong", reply))
          .exceptionally(timeout -> null);                               // AckCallback.onTimeout

      socket.onDisconnect(reason -> socket.leave("room1"));              // server.addDisconnectListener(...)
    });

    io.emit("announcement", "hello everyone");                          // server.getBroadcastOperations().sendEvent
    io.to("room1").emit("news", 1);                                     // server.getRoomOperations("room1").sendEvent
    io.in("room1").disconnectSockets(true);                             // getRoomOperations("room1").disconnect()
  }

  // ---- 3. Configuration: netty-socketio's Configuration setters -> SocketIoOptions / EngineOptions (or init-params).

  /** The options of netty-socketio's {@code config.setPingInterval(25000)} etc., for a server you build yourself. */
  static SocketIoOptions options() {
    return SocketIoOptions.builder()
        .engine(EngineOptions.builder()
            .path("/socket.io/")                                         // config.setContext("/socket.io")
            .pingInterval(Duration.ofSeconds(25))                        // config.setPingInterval(25000)
            .pingTimeout(Duration.ofSeconds(20))                         // config.setPingTimeout(20000)
            .maxHttpBufferSize(1_000_000)                                // config.setMaxHttpContentLength / setMaxFramePayloadLength
            .cors(new CorsOptions(List.of("https://app.example.com"), true, List.of(), null))  // config.setOrigin(...)
            .build())
        .connectTimeout(Duration.ofSeconds(45))                          // (no netty-socketio equivalent)
        .build();
  }
}
