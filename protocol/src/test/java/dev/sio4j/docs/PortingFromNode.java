package dev.sio4j.docs;

import dev.sio4j.socket.AckCallback;
import dev.sio4j.socket.ConnectionRefused;
import dev.sio4j.socket.ConnectionStateRecovery;
import dev.sio4j.socket.Namespace;
import dev.sio4j.socket.SocketIoOptions;
import dev.sio4j.socket.SocketIoServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The table of docs/porting-from-node.md as code, compiled and run with the tests ({@code PortingFromNodeTest}) so
 * that it cannot rot. Each line ends with the Node code it ports.
 */
final class PortingFromNode {

  private PortingFromNode() {}

  static SocketIoServer server() {
    return new SocketIoServer(SocketIoOptions.builder()                      // new Server({
        .connectionStateRecovery(ConnectionStateRecovery.defaults())        //   connectionStateRecovery: {}
        .build());                                                          // })
  }

  static void register(SocketIoServer io) {
    io.use((socket, next) -> {                                              // io.use((socket, next) => {
      if (socket.handshake().auth().get("token") == null) {                 //   if (!socket.handshake.auth.token)
        next.fail(new ConnectionRefused("unauthorized", Map.of("retry", false))); // next(err) with err.data
      } else {
        next.proceed();                                                     //   else next()
      }
    });

    io.onConnection(socket -> {                                             // io.on("connection", (socket) => {
      socket.data().put("user", socket.handshake().auth().get("token"));    //   socket.data.user = ...
      socket.join(List.of("lobby", "news"));                                //   socket.join(["lobby", "news"])
      socket.on("chat", (args, ack) -> {                                    //   socket.on("chat", (msg, ack) => {
        socket.to("lobby").emit("chat", args.get(0));                       //     socket.to("lobby").emit(...)
        if (ack != null) {                                                  //     if (typeof ack === "function")
          ack.send(Map.of("ok", true));                                     //       ack({ ok: true })
        }
      });
      socket.once("hello", (args, ack) -> socket.emit("welcome"));          //   socket.once("hello", ...)
      socket.onAny((event, args) -> { });                                   //   socket.onAny((event, ...args) => {})
      socket.onAnyOutgoing((event, args) -> { });                           //   socket.onAnyOutgoing(...)
      socket.use((event, next) -> next.proceed());                          //   socket.use(([event, ...args], next) => next())
      socket.timeout(Duration.ofSeconds(5)).emit("question", (AckCallback) (err, reply) -> { }); // .emit(ev, (err, r) => {})
      socket.timeout(Duration.ofSeconds(5)).emitWithAck("question")         //   await socket.timeout(5000)
          .whenComplete((reply, err) -> { });                               //     .emitWithAck("question")
      socket.onDisconnecting(reason -> socket.rooms());                     //   socket.on("disconnecting", ...)
      socket.onDisconnect(reason -> { });                                   //   socket.on("disconnect", (reason) => {})
      socket.onError(error -> { });                                         //   socket.on("error", ...)
      if (socket.recovered()) {                                             //   if (socket.recovered)
        socket.emit("resumed");
      }
    });

    io.emit("news", "hello");                                               // io.emit("news", "hello")
    io.to(List.of("lobby", "news")).except("banned").emit("x");             // io.to(["lobby","news"]).except("banned")
    io.volatile_().emit("tick");                                            // io.volatile.emit("tick")
    io.local().emit("only-here");                                           // io.local.emit(...)
    io.compress(false).emit("raw");                                         // io.compress(false).emit(...)
    io.send("a message");                                                   // io.send("a message")
    io.timeout(Duration.ofSeconds(2)).emitWithAck("ping")                   // await io.timeout(2000)
        .whenComplete((replies, err) -> { });                               //   .emitWithAck("ping")
    io.in("lobby").socketsJoin("lobby-2");                                  // io.in("lobby").socketsJoin("lobby-2")
    io.in("lobby-2").socketsLeave("lobby-2");                               // io.in("lobby-2").socketsLeave(...)
    io.in("lobby").fetchSockets().thenAccept(sockets ->                     // const sockets = await io.in("lobby")
        sockets.forEach(s -> s.emit("hi", s.data().get("user"))));          //   .fetchSockets()
    io.in("banned").disconnectSockets(true);                                // io.in("banned").disconnectSockets(true)
    io.onServerSideEmit("sync", (args, ack) -> { });                        // io.on("sync", (n) => {})

    io.onNewNamespace(nsp -> nsp.use((socket, next) -> next.proceed()));   // io.on("new_namespace", (nsp) => ...)
    Namespace admin = io.of("/admin");                                      // const admin = io.of("/admin")
    admin.onConnection(socket -> socket.emit("hi"));                        // admin.on("connection", ...)
    Namespace rooms = io.of(Pattern.compile("/room-\\d+"));                 // io.of(/^\/room-\d+$/)
    rooms.onConnection(socket -> socket.namespace().name());               // socket.nsp.name
    io.of((name, auth) -> auth.containsKey("tenant"))                       // io.of((name, auth, next) =>
        .onConnection(socket -> { });                                       //   next(null, !!auth.tenant))
  }

  /** Needs a cluster adapter (e.g. sio4j-redis-adapter): the in-memory one refuses it, as Node's does. */
  static void cluster(SocketIoServer io) {
    io.serverSideEmit("sync", 1);                                           // io.serverSideEmit("sync", 1)
  }
}
