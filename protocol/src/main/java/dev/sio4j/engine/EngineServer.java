package dev.sio4j.engine;

import dev.sio4j.engine.transport.HttpResponse;
import dev.sio4j.engine.transport.PollingExchange;
import dev.sio4j.engine.transport.WebSocketChannel;
import dev.sio4j.engine.transport.WebSocketHandler;
import java.util.function.Consumer;

/**
 * The Engine.IO v4 server (Node's {@code engine.io} {@code Server}): handshakes, the session registry, heartbeats and
 * upgrades, independent of any container. Transports (the servlet and JSR-356 modules) feed it requests.
 *
 * <pre>{@code
 * EngineServer engine = new EngineServer(EngineOptions.defaults());
 * engine.onConnection(socket -> socket.addListener(new EngineSocketListener() {
 *   public void onMessage(String text) { socket.send(text); } // echo
 * }));
 * }</pre>
 *
 * <p>Thread safe. No method blocks.
 */
public final class EngineServer {

  private final EngineOptions options;

  /** Creates a server with its own shared heartbeat scheduler (one daemon thread). */
  public EngineServer(EngineOptions options) {
    this.options = options;
  }

  /** The options this server runs with. */
  public EngineOptions options() {
    return options;
  }

  /** Sets the {@code connection} callback, run for each new session before its first message is delivered. */
  public void onConnection(Consumer<EngineSocket> listener) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** The number of open sessions ({@code clientsCount}). */
  public int clientsCount() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * Serves one polling-transport HTTP request: CORS preflight, handshake, long-poll GET or data POST. Completes the
   * exchange now or later; never blocks.
   */
  public void handlePolling(PollingExchange exchange) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * Checks a WebSocket handshake before the container upgrades: returns {@code null} to accept, or the HTTP error
   * response Node would send (400 with the Engine.IO error JSON for a bad EIO/transport/sid, 403 for a refused
   * Origin or {@code allowRequest}).
   */
  public HttpResponse checkWebSocketHandshake(EngineRequest request) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * Attaches an accepted WebSocket connection: a new session (no {@code sid}) or the upgrade of a polling session
   * ({@code sid} in the query, probe handshake follows). Returns the handler the transport feeds incoming frames to.
   */
  public WebSocketHandler handleWebSocket(EngineRequest request, WebSocketChannel channel) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Closes every session with {@code server shutting down} and stops the scheduler. Idempotent. */
  public void close() {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
