package dev.sio4j.websocket;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.nio.ByteBuffer;
import org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketRemoteEndpoint;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * Jetty 12 only: sends frames through Jetty's own {@code sendFrame(frame, callback, batch)}, so a frame with more
 * queued behind it is aggregated into Jetty's batch buffer (its callback completes at once) and written together with
 * the next non-batched frame, in one {@code writev}, without JSR-356's blocking {@code flushBatch()}.
 *
 * <p>Loaded only when the container's {@link RemoteEndpoint.Async} is Jetty's (see {@link #of}); a class of the
 * transport, not of the API, so other containers never link it. Thread safety: as {@link JakartaWebSocketChannel},
 * which calls it with at most one send outstanding.
 */
final class JettyFrameSender {

  private static final SendResult OK = new SendResult();

  private final JakartaWebSocketRemoteEndpoint remote;
  private final Callback callback;

  private JettyFrameSender(JakartaWebSocketRemoteEndpoint remote, SendHandler handler) {
    this.remote = remote;
    this.callback = new Callback() {
      @Override
      public void succeeded() {
        handler.onResult(OK);
      }

      @Override
      public void failed(Throwable x) {
        handler.onResult(new SendResult(x));
      }
    };
  }

  /** A sender over Jetty's endpoint, or {@code null} on any other container (or if Jetty's classes are hidden). */
  static JettyFrameSender of(RemoteEndpoint.Async remote, SendHandler handler) {
    if (!remote.getClass().getName().startsWith("org.eclipse.jetty.")) {
      return null;
    }
    try {
      return remote instanceof JakartaWebSocketRemoteEndpoint jetty ? new JettyFrameSender(jetty, handler) : null;
    } catch (LinkageError e) {
      return null; // e.g. a web app class loader that hides Jetty's implementation classes
    }
  }

  void sendText(String text, boolean batch) {
    remote.sendFrame(new Frame(OpCode.TEXT).setPayload(text), callback, batch);
  }

  void sendBinary(ByteBuffer data, boolean batch) {
    remote.sendFrame(new Frame(OpCode.BINARY).setPayload(data), callback, batch);
  }
}
