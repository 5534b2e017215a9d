/**
 * The Socket.IO v5 server layer (Node's {@code socket.io}) on top of {@link dev.sio4j.engine.EngineServer}:
 * {@link dev.sio4j.socket.SocketIoServer}, {@link dev.sio4j.socket.Namespace}, {@link dev.sio4j.socket.Socket},
 * {@link dev.sio4j.socket.BroadcastOperator}, middlewares and acknowledgements.
 *
 * <pre>{@code
 * SocketIoServer io = new SocketIoServer(SocketIoOptions.defaults());
 * // transports serve io.engine()
 * io.onConnection(socket -> {
 *   socket.emit("auth", socket.handshake().auth());
 *   socket.on("message", (args, ack) -> socket.emit("message-back", args.toArray()));
 *   socket.on("message-with-ack", (args, ack) -> ack.send(args.toArray()));
 *   socket.join("room");
 *   socket.onDisconnect(reason -> System.out.println(reason.text()));
 * });
 * io.to("room").except("muted").emit("news", Map.of("title", "hello"));
 * }</pre>
 *
 * <p>Beyond the basics: broadcasts with acknowledgements ({@code io.timeout(d).emitWithAck(...)}), connection state
 * recovery ({@link dev.sio4j.socket.SocketIoOptions#connectionStateRecovery()}), catch-all listeners
 * ({@code onAny}, {@code onAnyOutgoing}), {@link dev.sio4j.socket.RemoteSocket} views from {@code fetchSockets()} and
 * {@code serverSideEmit} (cluster adapters only).
 *
 * <p>Event arguments are plain Java trees (see {@link dev.sio4j.socket.parser.PacketDecoder}); emits also accept
 * {@code byte[]}/{@code ByteBuffer} anywhere (sent as binary attachments), {@code jakarta.json.JsonValue}s and POJOs
 * (JSON-B). The logger is {@code dev.sio4j.socket}.
 */
package dev.sio4j.socket;
