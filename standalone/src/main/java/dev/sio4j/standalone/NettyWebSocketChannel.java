package dev.sio4j.standalone;

import dev.sio4j.engine.transport.CloseReasons;
import dev.sio4j.engine.transport.WebSocketChannel;
import dev.sio4j.engine.transport.WebSocketHandler;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;

/**
 * One WebSocket connection, both ways: the last handler of its pipeline, feeding whole messages to the engine's
 * {@link WebSocketHandler}, and the {@link WebSocketChannel} the engine sends through.
 *
 * <p>Sends: a frame the engine sends while this connection's read batch is being handled (an echo, an ack) or with
 * {@code moreFollows} (a run of queued frames) is only written, and flushed once at the end of the batch or with the
 * last frame of the run; anything else is written and flushed at once. A send completes as soon as Netty took the
 * frame while the channel is writable (below its write-buffer high-water mark); when it is not (a slow consumer), it
 * completes only once the frame is on the network, so the engine's own bounded queue fills instead of Netty's.
 *
 * <p>Threading: the handler methods run on the event loop; {@code send*} and {@link #close} may be called from any
 * thread and move there. The engine keeps at most one send outstanding, so frames stay in order.
 */
final class NettyWebSocketChannel extends ChannelInboundHandlerAdapter implements WebSocketChannel {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.standalone");
  static final int GOING_AWAY = 1001;
  static final int MESSAGE_TOO_BIG = 1009;
  static final int ABNORMAL = 1006;
  /** Frames that may arrive between the 101 and {@link #attach} (a client that does not wait for the 101). */
  static final int MAX_EARLY_FRAMES = 64;

  private final WebSocketServerHandshaker handshaker;
  private ChannelHandlerContext ctx;
  private WebSocketHandler handler; // event loop
  private ArrayDeque<WebSocketFrame> early; // event loop: frames before attach
  private boolean inRead; // event loop
  private boolean flushPending; // event loop
  private boolean closeSent; // event loop
  private boolean closeReported; // event loop

  NettyWebSocketChannel(WebSocketServerHandshaker handshaker) {
    this.handshaker = handshaker;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  /** The handshake completed: the engine's handler for this connection (event loop). */
  void attach(WebSocketHandler handler) {
    this.handler = handler;
    ArrayDeque<WebSocketFrame> frames = early;
    early = null;
    if (frames != null) {
      WebSocketFrame f;
      while ((f = frames.poll()) != null) {
        deliver(f);
      }
    }
    if (!ctx.channel().isActive()) {
      reportClose(ABNORMAL, "");
    }
  }

  // ---- incoming ----

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    inRead = true;
    if (!(msg instanceof WebSocketFrame frame)) {
      ReferenceCountUtil.release(msg); // the upgrade request's empty last content
      return;
    }
    if (handler == null) {
      if (early == null) {
        early = new ArrayDeque<>(2);
      }
      if (early.size() >= MAX_EARLY_FRAMES) {
        frame.release();
        ctx.close();
        return;
      }
      early.add(frame);
      return;
    }
    deliver(frame);
  }

  private void deliver(WebSocketFrame frame) {
    try {
      if (frame instanceof TextWebSocketFrame text) {
        handler.onText(text.text());
      } else if (frame instanceof BinaryWebSocketFrame binary) {
        handler.onBinary(binary.content().nioBuffer());
      } else if (frame instanceof PingWebSocketFrame) {
        ctx.write(new PongWebSocketFrame(frame.content().retain()));
        flushPending = true;
      } else if (frame instanceof CloseWebSocketFrame close) {
        int code = close.statusCode() < 0 ? 1005 : close.statusCode();
        String reason = close.reasonText();
        if (!closeSent) {
          closeSent = true;
          handshaker.close(ctx.channel(), close.retain()); // echo the close, then close the connection
        }
        reportClose(code, reason);
      }
    } finally {
      frame.release();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    inRead = false;
    if (flushPending) {
      flushPending = false;
      ctx.flush();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (early != null) {
      early.forEach(ReferenceCountUtil::release);
      early = null;
    }
    if (handler != null) {
      reportClose(ABNORMAL, "");
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongFrameException || cause instanceof CorruptedFrameException) {
      // bad input: an oversized message (1009), invalid UTF-8 (1007), a protocol violation (1002)
      LOG.log(Level.DEBUG, () -> "WebSocket " + ctx.channel().remoteAddress() + " closed: " + cause.getMessage());
      if (cause instanceof TooLongFrameException) {
        close(MESSAGE_TOO_BIG, "Max payload size exceeded");
      } else {
        ctx.close();
      }
    } else if (cause instanceof IOException) {
      LOG.log(Level.DEBUG, () -> "WebSocket " + ctx.channel().remoteAddress() + " failed: " + cause);
      ctx.close();
    } else {
      LOG.log(Level.WARNING, "error on WebSocket " + ctx.channel().remoteAddress(), cause);
      ctx.close();
    }
    if (handler != null && !closeReported) {
      closeReported = true;
      handler.onError(cause);
    }
  }

  private void reportClose(int code, String reason) {
    if (!closeReported && handler != null) {
      closeReported = true;
      handler.onClose(code, reason);
    }
  }

  // ---- outgoing ----

  @Override
  public void sendText(String text, SendCallback callback) {
    sendText(text, false, callback);
  }

  @Override
  public void sendBinary(ByteBuffer data, SendCallback callback) {
    sendBinary(data, false, callback);
  }

  @Override
  public void sendText(String text, boolean moreFollows, SendCallback callback) {
    if (ctx.executor().inEventLoop()) {
      write(new TextWebSocketFrame(true, 0, ByteBufUtil.writeUtf8(ctx.alloc(), text)), moreFollows, callback);
    } else {
      ctx.executor().execute(() -> sendText(text, moreFollows, callback));
    }
  }

  @Override
  public void sendBinary(ByteBuffer data, boolean moreFollows, SendCallback callback) {
    ByteBuffer view = data.duplicate(); // shared with other connections: never moved
    if (ctx.executor().inEventLoop()) {
      write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(view)), moreFollows, callback);
    } else {
      ctx.executor().execute(() -> write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(view)), moreFollows,
          callback));
    }
  }

  private void write(WebSocketFrame frame, boolean moreFollows, SendCallback callback) {
    if (closeSent || !ctx.channel().isActive()) {
      frame.release();
      callback.onFailure(new ClosedChannelException());
      return;
    }
    boolean hold = moreFollows || inRead;
    if (ctx.channel().isWritable()) {
      if (hold) {
        ctx.write(frame, ctx.voidPromise());
        flushPending |= inRead;
      } else {
        ctx.writeAndFlush(frame, ctx.voidPromise());
      }
      callback.onSuccess();
      return;
    }
    ChannelFuture f = hold ? ctx.write(frame) : ctx.writeAndFlush(frame);
    if (hold && inRead) {
      flushPending = true;
    }
    f.addListener(done -> {
      if (done.isSuccess()) {
        callback.onSuccess();
      } else {
        callback.onFailure(done.cause());
      }
    });
    if (hold && !inRead) {
      ctx.flush(); // a held frame that waits for its completion must be flushed, or it would wait for ever
    }
  }

  @Override
  public void close(int code, String reason) {
    if (!ctx.executor().inEventLoop()) {
      ctx.executor().execute(() -> close(code, reason));
      return;
    }
    if (closeSent) {
      return;
    }
    closeSent = true;
    if (!ctx.channel().isWritable()) {
      ctx.close(); // a slow consumer: the close frame would wait behind what it does not read
      return;
    }
    ctx.writeAndFlush(new CloseWebSocketFrame(code, CloseReasons.truncate(reason)))
        .addListener(ChannelFutureListener.CLOSE);
  }
}
