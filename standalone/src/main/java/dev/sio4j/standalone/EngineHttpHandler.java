package dev.sio4j.standalone;

import dev.sio4j.engine.EngineServer;
import dev.sio4j.engine.transport.HttpResponse;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * One HTTP connection: routes each request to its engine (polling exchange, WebSocket upgrade, browser client file)
 * and keeps the connection alive between polls. Requests are served one at a time, in order: a request pipelined
 * behind one still unanswered (a parked long poll) waits in {@link #backlog}, and reading pauses until the answer is
 * written, so responses can never overtake each other. Writes made while a read batch is being handled are flushed
 * once, in {@link #channelReadComplete}.
 *
 * <p>Requests outside the engines' paths are handed on ({@code attached}: the application's own handlers follow) or
 * answered {@code 501 Not Implemented}, as engine.io's {@code listen} does.
 *
 * <p>Threading: every method runs on the channel's event loop, except {@link #respond}, which may be called from any
 * thread and moves there.
 */
final class EngineHttpHandler extends ChannelInboundHandlerAdapter {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.standalone");
  private static final byte[] NOT_IMPLEMENTED = "Not Implemented".getBytes(StandardCharsets.US_ASCII);

  private enum Target { EXCHANGE, PASS, DISCARD }

  private final EngineRoutes routes;
  private final boolean attached;

  private ChannelHandlerContext ctx;
  private final ArrayDeque<Object> backlog = new ArrayDeque<>(0);
  /** The exchange of the request being served, until it is answered and its body read; else null. */
  private NettyPollingExchange current;
  private Target target = Target.DISCARD;
  /** The current request's body is still arriving. */
  private boolean receiving;
  /** The current request is not answered yet. */
  private boolean awaitingResponse;
  private boolean keepAlive;
  private HttpVersion version = HttpVersion.HTTP_1_1;
  /** The connection closes once the response being written is out: nothing more is read. */
  private boolean closing;
  private boolean replaying;
  private boolean inRead;
  private boolean flushPending;

  EngineHttpHandler(EngineRoutes routes, boolean attached) {
    this.routes = routes;
    this.attached = attached;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    inRead = true;
    if (closing) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (!backlog.isEmpty() || (awaitingResponse && msg instanceof HttpRequest)) {
      backlog.add(msg); // pipelined behind an unanswered request: wait, and read no more meanwhile
      ctx.channel().config().setAutoRead(false);
      return;
    }
    dispatch(msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    inRead = false;
    if (flushPending) {
      flushPending = false;
      ctx.flush();
    }
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    NettyPollingExchange ex = current;
    current = null;
    if (ex != null) {
      ex.abort(); // a parked long poll whose client went away: the engine hears of it at once
    }
    releaseBacklog();
    ctx.fireChannelInactive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent && current == null) {
      // nothing read or written for idleTimeout and no poll parked here: a connection nobody uses
      LOG.log(Level.DEBUG, () -> "idle connection " + ctx.channel().remoteAddress() + " closed");
      ctx.close();
      return;
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      LOG.log(Level.DEBUG, () -> "connection " + ctx.channel().remoteAddress() + " failed: " + cause);
    } else {
      LOG.log(Level.WARNING, "error on connection " + ctx.channel().remoteAddress(), cause);
    }
    ctx.close();
  }

  private void dispatch(Object msg) {
    if (msg instanceof HttpRequest request) {
      Target t = onRequest(request);
      target = t;
      receiving = !(msg instanceof LastHttpContent);
      if (t == Target.PASS) {
        ctx.fireChannelRead(msg);
        return;
      }
      if (!(msg instanceof HttpContent)) {
        return;
      }
    }
    if (msg instanceof HttpContent content) {
      boolean last = content instanceof LastHttpContent;
      if (last) {
        receiving = false; // before the exchange sees the end: the engine may answer from inside content()
      }
      switch (target) {
        case PASS -> ctx.fireChannelRead(msg);
        case EXCHANGE -> {
          NettyPollingExchange ex = current;
          try {
            if (ex != null) {
              ex.content(content.content(), last, ctx.alloc());
            }
          } finally {
            content.release();
          }
        }
        case DISCARD -> content.release();
      }
      if (last && target != Target.PASS) {
        maybeFinish();
      }
      return;
    }
    ctx.fireChannelRead(msg); // not HTTP: not ours
  }

  private Target onRequest(HttpRequest request) {
    keepAlive = HttpUtil.isKeepAlive(request);
    version = request.protocolVersion();
    if (request.decoderResult().isFailure()) {
      LOG.log(Level.DEBUG, () -> "bad HTTP request from " + ctx.channel().remoteAddress() + ": "
          + request.decoderResult().cause());
      keepAlive = false;
      writeDirect(new HttpResponse(400, Map.of(), null));
      return Target.DISCARD;
    }
    String path = NettyEngineRequests.path(request.uri());
    EngineRoutes.Route route = routes.find(path);
    if (route == null) {
      if (attached) {
        return Target.PASS;
      }
      boolean upgrade = request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
      keepAlive &= !upgrade;
      writeDirect(new HttpResponse(501, Map.of(), NOT_IMPLEMENTED));
      return Target.DISCARD;
    }
    if (route.clientFiles() != null) {
      HttpResponse file = route.clientFiles().answer(request.method().name(),
          path.substring(route.path().length() - 1), request.headers().get(HttpHeaderNames.IF_NONE_MATCH));
      if (file != null) {
        writeDirect(file);
        return Target.DISCARD;
      }
    }
    EngineServer engine = route.engine();
    if (request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
      WebSocketUpgrade.upgrade(ctx, request, engine);
      return Target.DISCARD;
    }
    NettyPollingExchange ex = new NettyPollingExchange(this, ctx.channel().eventLoop(),
        NettyEngineRequests.from(request, ctx.channel()), HttpUtil.getContentLength(request, -1L),
        engine.options().maxHttpBufferSize());
    current = ex;
    awaitingResponse = true;
    engine.handlePolling(ex);
    return Target.EXCHANGE;
  }

  /** The engine's answer to {@code exchange}; any thread. */
  void respond(NettyPollingExchange exchange, HttpResponse response) {
    if (ctx.executor().inEventLoop()) {
      write(exchange, response);
    } else {
      ctx.executor().execute(() -> write(exchange, response));
    }
  }

  private void write(NettyPollingExchange exchange, HttpResponse response) {
    if (exchange != current || exchange.aborted() || !awaitingResponse) {
      return; // the connection closed meanwhile
    }
    if (exchange.closeAfterResponse()) {
      keepAlive = false; // the rest of an oversized body is not worth reading
    }
    writeDirect(response);
    maybeFinish();
  }

  /** Writes a response to the current request (flushed now, or at the end of the read batch). */
  private void writeDirect(HttpResponse response) {
    FullHttpResponse res = new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(response.status()),
        Unpooled.wrappedBuffer(response.body()));
    HttpHeaders h = res.headers();
    for (Map.Entry<String, String> e : response.headers().entrySet()) {
      h.set(e.getKey(), e.getValue());
    }
    h.set(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
    if (!keepAlive) {
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (version == HttpVersion.HTTP_1_0) {
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    awaitingResponse = false;
    ChannelFuture f;
    if (inRead) {
      f = ctx.write(res);
      flushPending = true;
    } else {
      f = ctx.writeAndFlush(res);
    }
    if (!keepAlive) {
      closing = true;
      f.addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** Once the current request is answered and read: serve what was pipelined behind it, then read on. */
  private void maybeFinish() {
    if (awaitingResponse || receiving) {
      return;
    }
    current = null;
    if (closing) {
      releaseBacklog();
      return;
    }
    if (replaying) {
      return;
    }
    replaying = true;
    try {
      while (!backlog.isEmpty() && !awaitingResponse && !closing && ctx.pipeline().get(EngineHttpHandler.class) == this) {
        dispatch(backlog.poll());
      }
    } finally {
      replaying = false;
    }
    if (backlog.isEmpty() && !closing) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  private void releaseBacklog() {
    Object m;
    while ((m = backlog.poll()) != null) {
      ReferenceCountUtil.release(m);
    }
  }
}
