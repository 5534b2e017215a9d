/**
 * Annotations for Socket.IO endpoint classes: {@link dev.sio4j.annotation.SocketIoEndpoint} on the class,
 * {@link dev.sio4j.annotation.OnConnectGuard}, {@link dev.sio4j.annotation.OnConnect},
 * {@link dev.sio4j.annotation.OnEvent}, {@link dev.sio4j.annotation.OnAnyEvent},
 * {@link dev.sio4j.annotation.OnDisconnecting}, {@link dev.sio4j.annotation.OnDisconnect} and
 * {@link dev.sio4j.annotation.OnError} on methods, {@link dev.sio4j.annotation.Auth} and
 * {@link dev.sio4j.annotation.EventName} on parameters. Register classes with
 * {@link dev.sio4j.annotation.binding.AnnotatedEndpoints}.
 *
 * <pre>{@code
 * @SocketIoEndpoint("/chat")
 * public class ChatEndpoint {
 *   @OnConnectGuard
 *   public boolean allowed(@Auth Credentials credentials) { return tokens.valid(credentials.token()); }
 *
 *   @OnConnect
 *   public void joined(Socket socket) { socket.join("lobby"); }
 *
 *   @OnEvent("message")
 *   public Receipt message(Socket socket, ChatMessage message) {     // returned value = the ack answer
 *     socket.to("lobby").emit("message", message);
 *     return new Receipt(message.id());
 *   }
 *
 *   @OnDisconnect
 *   public void left(Socket socket, DisconnectReason reason) { ... }
 * }
 * }</pre>
 *
 * <p>One instance serves every socket of the namespace, so endpoint classes must be thread safe (handlers of one
 * connection never run concurrently; those of different connections do).
 */
package dev.sio4j.annotation;
