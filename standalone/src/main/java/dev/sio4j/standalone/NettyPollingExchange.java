package dev.sio4j.standalone;

import dev.sio4j.engine.EngineRequest;
import dev.sio4j.engine.transport.HttpResponse;
import dev.sio4j.engine.transport.PollingExchange;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.EventLoop;
import java.lang.System.Logger.Level;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One polling request of a keep-alive connection, as the engine sees it. The body is collected from the request's
 * {@code HttpContent} parts as the codec delivers them (bounded: past the limit nothing more is kept), and handed to the
 * engine's callback once complete; the response goes back to the connection's {@link EngineHttpHandler}, which writes
 * it in request order.
 *
 * <p>Threading: {@link #respond} and {@link #onAbort} may be called from any thread; everything else runs on the
 * channel's event loop (the engine calls {@link #readBody} from {@code handlePolling}, which the handler calls there;
 * a call from elsewhere is moved there).
 */
final class NettyPollingExchange implements PollingExchange {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.standalone");

  private final EngineHttpHandler connection;
  private final EventLoop eventLoop;
  private final EngineRequest request;
  private final long declaredLength;
  /** What is kept of a body before {@link #readBody} says its own limit: the engine's maxHttpBufferSize. */
  private final long bufferLimit;

  // event-loop state
  private ByteBuf body;
  private boolean complete;
  private boolean tooLarge;
  private long maxBytes = -1;
  private BodyCallback callback;
  /** The response must close the connection: the rest of an oversized body is not worth reading. */
  private boolean closeAfterResponse;

  private final AtomicBoolean responded = new AtomicBoolean();
  private final AtomicBoolean abortReported = new AtomicBoolean();
  private volatile boolean aborted;
  private volatile Runnable abortCallback;

  NettyPollingExchange(EngineHttpHandler connection, EventLoop eventLoop, EngineRequest request, long declaredLength,
      long bufferLimit) {
    this.connection = connection;
    this.eventLoop = eventLoop;
    this.request = request;
    this.declaredLength = declaredLength;
    this.bufferLimit = bufferLimit;
  }

  @Override
  public EngineRequest request() {
    return request;
  }

  @Override
  public void readBody(long maxBytes, BodyCallback callback) {
    if (!eventLoop.inEventLoop()) {
      eventLoop.execute(() -> readBody(maxBytes, callback));
      return;
    }
    if (declaredLength > maxBytes) {
      closeAfterResponse = true;
      callback.onTooLarge(); // known before reading a byte
      return;
    }
    this.maxBytes = maxBytes;
    this.callback = callback;
    deliverIfReady();
  }

  /** A part of the request body arrived ({@code last}: the whole body has). The buffer is only read. */
  void content(ByteBuf part, boolean last, io.netty.buffer.ByteBufAllocator alloc) {
    int n = part.readableBytes();
    if (n > 0 && !tooLarge) {
      long limit = maxBytes >= 0 ? maxBytes : bufferLimit;
      long have = body == null ? 0 : body.readableBytes();
      if (have + n > limit) {
        tooLarge = true; // drop what was kept, keep nothing more
        releaseBody();
      } else {
        if (body == null) {
          body = alloc.heapBuffer((int) Math.min(limit, declaredLength > 0 ? declaredLength : Math.max(n, 256)));
        }
        body.writeBytes(part, part.readerIndex(), n);
      }
    }
    if (last) {
      complete = true;
    }
    deliverIfReady();
  }

  private void deliverIfReady() {
    BodyCallback cb = callback;
    if (cb == null) {
      return;
    }
    if (tooLarge) {
      callback = null;
      closeAfterResponse = !complete;
      cb.onTooLarge();
    } else if (complete) {
      callback = null;
      byte[] bytes = body == null ? new byte[0] : ByteBufUtil.getBytes(body);
      releaseBody();
      cb.onBody(bytes);
    }
  }

  @Override
  public void respond(HttpResponse response) {
    if (!responded.compareAndSet(false, true) || aborted) {
      return;
    }
    connection.respond(this, response);
  }

  @Override
  public void onAbort(Runnable callback) {
    abortCallback = callback;
    if (aborted) {
      fireAbort();
    }
  }

  boolean closeAfterResponse() {
    return closeAfterResponse;
  }

  boolean aborted() {
    return aborted;
  }

  /** The connection closed before the response was written (event loop). */
  void abort() {
    if (aborted) {
      return;
    }
    aborted = true;
    releaseBody();
    BodyCallback cb = callback;
    callback = null;
    if (cb != null) {
      cb.onError(new ClosedChannelException());
    }
    if (!responded.get()) {
      fireAbort();
    }
  }

  private void fireAbort() {
    Runnable cb = abortCallback;
    if (cb != null && abortReported.compareAndSet(false, true)) {
      try {
        cb.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "abort callback failed", e);
      }
    }
  }

  private void releaseBody() {
    if (body != null) {
      body.release();
      body = null;
    }
  }
}
