/**
 * The Engine.IO v4 server core, independent of any container: {@link dev.sio4j.engine.EngineServer} (handshake,
 * session registry, heartbeat, upgrade), {@link dev.sio4j.engine.EngineSocket} (one session),
 * {@link dev.sio4j.engine.EngineOptions} (Node's defaults) and {@link dev.sio4j.engine.OutboundMessage} (a message
 * encoded once for many sessions). Transports feed it through the SPI in {@link dev.sio4j.engine.transport}.
 *
 * <pre>{@code
 * EngineServer engine = new EngineServer(EngineOptions.defaults());
 * engine.onConnection(socket -> socket.addListener(new EngineSocketListener() {
 *   public void onMessage(String text) { socket.send(text); } // echo
 *   public void onClose(DisconnectReason reason, String description) { log(reason); }
 * }));
 * // servlet transport:   engine.handlePolling(exchange);
 * // JSR-356 transport:   engine.checkWebSocketHandshake(request); engine.handleWebSocket(request, channel);
 * }</pre>
 *
 * <p>Logging goes to the {@code System.Logger} named {@code dev.sio4j.engine}; every session state change is logged
 * at DEBUG.
 */
package dev.sio4j.engine;
