package dev.sio4j.websocket;

import dev.sio4j.engine.EngineRequest;
import dev.sio4j.engine.EngineServer;
import dev.sio4j.engine.transport.HttpResponse;
import dev.sio4j.engine.transport.WebSocketHandler;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The Engine.IO WebSocket transport as a programmatic JSR-356 endpoint: one instance per connection, feeding the
 * connection's whole messages to {@link EngineServer#handleWebSocket} and sending through a
 * {@link JakartaWebSocketChannel}. Register it with {@link #register(ServerContainer, EngineServer)}.
 *
 * <p>Handshake behaviour (JSR-356 limits, documented):
 *
 * <ul>
 *   <li>an {@code Origin} not allowed by the engine's {@code cors} option is refused with HTTP 403 before the upgrade;
 *   <li>a request {@link EngineServer#checkWebSocketHandshake} rejects (bad EIO, unknown sid, {@code allowRequest}...)
 *       cannot get its HTTP 400/403 (JSR-356 always answers 101); the connection is closed right after opening with
 *       close code {@value #REJECTED_CLOSE_CODE} (policy violation) and the Engine.IO error JSON (e.g.
 *       {@code {"code":3,"message":"Bad request"}}) as reason;
 *   <li>a message longer than {@code maxHttpBufferSize} bytes closes the connection with 1009 (message too big);
 *   <li>the container's idle timeout is switched off: the engine's heartbeat detects dead peers.
 * </ul>
 *
 * <p>Request data: {@link EngineRequest#attributes()} carries the principal under {@value #ATTRIBUTE_PRINCIPAL} and
 * the existing HTTP session (never created) under {@value #ATTRIBUTE_HTTP_SESSION}; the remote address comes from
 * {@link RemoteAddresses}.
 *
 * <p>Threading: JSR-356 calls one connection's methods one at a time, which is what the engine's
 * {@link WebSocketHandler} requires.
 */
public final class EngineWebSocketEndpoint extends Endpoint {

  /** {@link EngineRequest#attributes()} key of the handshake's {@link java.security.Principal}. */
  public static final String ATTRIBUTE_PRINCIPAL = "dev.sio4j.principal";
  /** {@link EngineRequest#attributes()} key of the handshake's existing {@code HttpSession}. */
  public static final String ATTRIBUTE_HTTP_SESSION = "dev.sio4j.httpSession";
  /** The close code of a handshake the engine rejected: 1008, policy violation. */
  public static final int REJECTED_CLOSE_CODE = 1008;

  /**
   * Jetty's endpoint-config property for a session's input buffer size, which its message sinks use as the initial
   * capacity of the buffer every incoming text message is decoded into, allocated anew per message (default 4 KiB).
   * The connection's network buffer is sized before the endpoint opens and is not affected. Other containers ignore
   * the property (a user property like any other).
   */
  static final String JETTY_INPUT_BUFFER_SIZE = "org.eclipse.jetty.websocket.inputBufferSize";
  /**
   * The initial capacity of that per-message buffer: most Engine.IO messages fit (an event with a short payload),
   * larger ones grow it. With Jetty's 4 KiB, that buffer was 60 % of all the bytes allocated by a small-message echo.
   */
  static final int TEXT_MESSAGE_INITIAL_BUFFER = 256;

  static final String REQUEST_PROPERTY = "dev.sio4j.websocket.request";
  static final String REJECTION_PROPERTY = "dev.sio4j.websocket.rejection";

  private static final System.Logger LOG = System.getLogger("dev.sio4j.websocket");

  private final EngineServer engine;
  private WebSocketHandler handler;
  /** Set when this endpoint closed the connection for an oversized message (read by the container's onClose). */
  private volatile boolean closedTooBig;

  EngineWebSocketEndpoint(EngineServer engine) {
    this.engine = engine;
  }

  /**
   * Adds the endpoint for {@code engine} at {@code engine.options().path()} (e.g. {@code /socket.io/}, relative to the
   * context). The polling servlet may be mapped to the same path: containers hand upgrade requests to the endpoint.
   * Call during deployment.
   */
  public static void register(ServerContainer container, EngineServer engine) throws DeploymentException {
    ServerEndpointConfig config = ServerEndpointConfig.Builder.create(EngineWebSocketEndpoint.class,
        engine.options().path()).configurator(new EngineEndpointConfigurator(engine)).build();
    config.getUserProperties().put(JETTY_INPUT_BUFFER_SIZE, TEXT_MESSAGE_INITIAL_BUFFER);
    container.addEndpoint(config);
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    EngineRequest handshake = (EngineRequest) config.getUserProperties().get(REQUEST_PROPERTY);
    HttpResponse rejection = (HttpResponse) config.getUserProperties().get(REJECTION_PROPERTY);
    JakartaWebSocketChannel channel = new JakartaWebSocketChannel(session);
    if (handshake == null) {
      LOG.log(Level.ERROR, "no handshake data: was the endpoint registered with EngineWebSocketEndpoint.register?");
      channel.close(CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "no handshake data");
      return;
    }
    if (rejection != null) {
      String reason = new String(rejection.body(), StandardCharsets.UTF_8);
      LOG.log(Level.DEBUG, () -> "handshake rejected (" + rejection.status() + " " + reason + "): " + handshake.path());
      channel.close(REJECTED_CLOSE_CODE, reason);
      return;
    }
    EngineRequest request =
        HandshakeRequests.withRemoteAddress(handshake, RemoteAddresses.of(session, handshake.remoteAddress()));
    session.setMaxIdleTimeout(0);
    handler = engine.handleWebSocket(request, channel);
    MessageAssembler assembler = new MessageAssembler(handler, engine.options().maxHttpBufferSize(),
        () -> tooBig(session, channel));
    session.addMessageHandler(String.class, assembler.textHandler());
    session.addMessageHandler(ByteBuffer.class, assembler.binaryHandler());
  }

  /**
   * Closes with 1009. The container reports that close to {@link #onClose} (synchronously in Jetty and Tomcat), which
   * tells the engine it was an error, so the session ends with {@code transport error} as Node's does (its {@code ws}
   * reports an oversized message as an error), not as a normal {@code transport close}.
   */
  private void tooBig(Session session, JakartaWebSocketChannel channel) {
    LOG.log(Level.DEBUG, () -> "message over maxHttpBufferSize on " + session.getId() + ", closing with 1009");
    closedTooBig = true;
    channel.close(CloseReason.CloseCodes.TOO_BIG.getCode(), "message too big");
  }

  /** An incoming message over {@code maxHttpBufferSize}; no stack trace, it is routine bad input. */
  private static final class MessageTooBig extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    MessageTooBig() {
      super("message too large");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  @Override
  public void onClose(Session session, CloseReason closeReason) {
    if (handler != null && closedTooBig) {
      handler.onError(new MessageTooBig());
    } else if (handler != null) {
      handler.onClose(closeReason.getCloseCode().getCode(), closeReason.getReasonPhrase());
    }
  }

  @Override
  public void onError(Session session, Throwable error) {
    LOG.log(Level.DEBUG, () -> "error on " + session.getId() + ": " + error);
    if (handler != null) {
      handler.onError(error);
    }
  }
}
