/**
 * sio4j without a container: Engine.IO polling and WebSocket served directly on Netty 4.2.
 *
 * <p>{@link dev.sio4j.standalone.StandaloneServer} listens on a port of its own (engine.io's {@code listen});
 * {@link dev.sio4j.standalone.EngineRoutes} plugs the same handling into a Netty pipeline the application already runs
 * (engine.io's {@code attach}). Both feed the container-neutral {@code dev.sio4j.engine} through its transport SPI,
 * like the servlet and JSR-356 modules: this package holds no protocol logic.
 *
 * <pre>{@code
 * SocketIoServer io = new SocketIoServer();
 * io.onConnection(socket -> socket.on("ping", (args, ack) -> ack.send("pong")));
 * StandaloneServer server = StandaloneServer.listen(io, 3000);
 * }</pre>
 *
 * <p>Logs through {@code System.Logger} {@code dev.sio4j.standalone}.
 */
package dev.sio4j.standalone;
