package dev.sio4j.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling of the standalone runtime: Netty 4.2 (epoll where it loads, NIO otherwise) speaking just enough Engine.IO
 * / Socket.IO for the load generator, by the string slicing of {@link BareEchoServer#answer}, over WebSocket (RFC 6455
 * by Netty's handshaker, UTF-8 validated) and keep-alive long-polling (as {@link BarePollingServlet}). Writes are
 * flushed once per read batch ({@code channelReadComplete}), as sio4j's standalone transport does. No heartbeat, no
 * JSON, no CORS, no limits: what is left is Netty's cost.
 *
 * <p>Threading: each connection's handler runs on its event loop; a session's queue and parked poll are guarded by the
 * session (a POST may wake a poll parked on another loop).
 */
final class BareNettyServer {

  private BareNettyServer() {}

  static RunningServer start(String host, int port) {
    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    Map<String, BareSession<ChannelHandlerContext>> sessions = new ConcurrentHashMap<>();
    Channel server = new ServerBootstrap().group(group)
        .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, BenchContainer.BACKLOG)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1_000_000), new Http(sessions));
          }
        }).bind(new InetSocketAddress(host, port)).syncUninterruptibly().channel();
    return new RunningServer() {
      @Override
      public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
      }

      @Override
      public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      }
    };
  }

  /** HTTP: polling requests, and the upgrade to {@link Ws}. */
  private static final class Http extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final Map<String, BareSession<ChannelHandlerContext>> sessions;
    private boolean inRead;

    Http(Map<String, BareSession<ChannelHandlerContext>> sessions) {
      this.sessions = sessions;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      inRead = true;
      if (req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
        upgrade(ctx, req);
        return;
      }
      List<String> sids = new QueryStringDecoder(req.uri()).parameters().get("sid");
      String sid = sids == null ? null : sids.get(0);
      if (sid == null) {
        sid = UUID.randomUUID().toString();
        sessions.put(sid, new BareSession<>());
        respond(ctx, 200, BareEchoServer.openPacket(sid), true);
        return;
      }
      BareSession<ChannelHandlerContext> session = sessions.get(sid);
      if (session == null) {
        respond(ctx, 400, "", true);
      } else if (req.method() == HttpMethod.POST) {
        post(ctx, req, session, sid);
      } else {
        String body;
        synchronized (session) {
          body = session.take();
          if (body == null) {
            session.parked = ctx;
            return;
          }
        }
        respond(ctx, 200, body, true);
      }
    }

    private void post(ChannelHandlerContext ctx, FullHttpRequest req, BareSession<ChannelHandlerContext> session,
        String sid) {
      String payload = req.content().toString(StandardCharsets.UTF_8);
      ChannelHandlerContext parked = null;
      String body = null;
      synchronized (session) {
        session.answer(payload, sid);
        if (session.parked != null && session.hasQueued()) {
          parked = session.parked;
          session.parked = null;
          body = session.take();
        }
      }
      respond(ctx, 200, "ok", true);
      if (parked != null) {
        String b = body;
        ChannelHandlerContext p = parked;
        p.executor().execute(() -> respond(p, 200, b, false));
      }
    }

    /** {@code batched}: in this connection's read batch, flushed by {@link #channelReadComplete}. */
    private void respond(ChannelHandlerContext ctx, int status, String body, boolean batched) {
      FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
          ByteBufUtil.writeUtf8(ctx.alloc(), body));
      res.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8");
      res.headers().set(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
      if (batched && inRead) {
        ctx.write(res);
      } else {
        ctx.writeAndFlush(res);
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      inRead = false;
      ctx.flush();
    }

    private static void upgrade(ChannelHandlerContext ctx, FullHttpRequest req) {
      WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
          "ws://" + req.headers().get(HttpHeaderNames.HOST) + req.uri(), null, false, 1_000_000).newHandshaker(req);
      if (handshaker == null) {
        WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel())
            .addListener(ChannelFutureListener.CLOSE);
        return;
      }
      String name = ctx.name();
      ctx.pipeline().addBefore(name, "utf8", new Utf8FrameValidator(true));
      ctx.pipeline().addBefore(name, "aggregator", new WebSocketFrameAggregator(1_000_000));
      String sid = UUID.randomUUID().toString();
      Ws ws = new Ws(sid);
      ctx.pipeline().replace(name, "ws", ws);
      handshaker.handshake(ctx.channel(), req).addListener(f -> {
        if (f.isSuccess()) {
          ctx.channel().writeAndFlush(new TextWebSocketFrame(BareEchoServer.openPacket(sid)));
        } else {
          ctx.channel().close();
        }
      });
    }
  }

  /** One WebSocket: pings and acked echoes answered, flushed once per read batch. */
  private static final class Ws extends SimpleChannelInboundHandler<Object> {
    private final String sid;

    Ws(String sid) {
      this.sid = sid;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof TextWebSocketFrame frame) {
        String m = frame.text();
        if (m.startsWith("2")) {
          ctx.write(new TextWebSocketFrame("3" + m.substring(1)));
        } else {
          String answer = BareEchoServer.answer(m, sid);
          if (answer != null) {
            ctx.write(new TextWebSocketFrame(true, 0, ByteBufUtil.writeUtf8(ctx.alloc(), answer)));
          }
        }
      } else if (msg instanceof WebSocketFrame frame && frame.isFinalFragment()
          && frame instanceof io.netty.handler.codec.http.websocketx.CloseWebSocketFrame) {
        ctx.writeAndFlush(frame.retainedDuplicate()).addListener(ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }
  }
}
