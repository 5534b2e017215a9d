package dev.sio4j.socket;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.sio4j.engine.transport.WebSocketChannel;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A recording {@link WebSocketChannel}: keeps every frame the engine sends (String or byte[]). Thread safe. */
final class RecordingWebSocketChannel implements WebSocketChannel {

  private final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();

  @Override
  public void sendText(String text, SendCallback callback) {
    frames.add(text);
    callback.onSuccess();
  }

  @Override
  public void sendBinary(ByteBuffer data, SendCallback callback) {
    ByteBuffer copy = data.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    frames.add(bytes);
    callback.onSuccess();
  }

  @Override
  public void close(int code, String reason) {
    closed.complete(code);
  }

  /** The next frame, waiting up to 10 s. */
  Object next() {
    try {
      Object frame = frames.poll(10, TimeUnit.SECONDS);
      assertNotNull(frame, "expected a frame from the server");
      return frame;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** The next frame that is not a ping ({@code "2"}), as text. */
  String nextText() {
    Object frame = next();
    while ("2".equals(frame)) {
      frame = next();
    }
    return (String) frame;
  }
}
