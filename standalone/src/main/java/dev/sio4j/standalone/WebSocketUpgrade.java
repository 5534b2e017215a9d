package dev.sio4j.standalone;

import dev.sio4j.engine.EngineRequest;
import dev.sio4j.engine.EngineServer;
import dev.sio4j.engine.transport.HttpResponse;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionData;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionFilter;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionFilterProvider;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionUtil;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * The upgrade of one HTTP connection to WebSocket (RFC 6455, by Netty's handshaker): the engine checks the request
 * first, so a refused one gets its real HTTP answer (400 or 403 with the Engine.IO error JSON, as Node sends; no 101
 * and close as JSR-356 must do). An accepted one gets the 101, permessage-deflate when the engine's
 * {@code perMessageDeflate} is on and the client offers it, and then this pipeline after the frame codec:
 * [deflate] → {@link Utf8FrameValidator} → {@link WebSocketFrameAggregator} (whole messages, at most
 * {@code maxHttpBufferSize} bytes) → {@link NettyWebSocketChannel}.
 *
 * <p>Runs on the channel's event loop.
 */
final class WebSocketUpgrade {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.standalone");
  /** As Node's {@code perMessageDeflate.threshold}: smaller messages are sent uncompressed. */
  static final int DEFLATE_THRESHOLD = 1024;

  private WebSocketUpgrade() {}

  static void upgrade(ChannelHandlerContext ctx, HttpRequest request, EngineServer engine) {
    EngineRequest engineRequest = NettyEngineRequests.from(request, ctx.channel());
    HttpResponse rejection = engine.checkWebSocketHandshake(engineRequest);
    if (rejection != null) {
      refuse(ctx, rejection);
      return;
    }
    int maxMessage = (int) Math.min(Integer.MAX_VALUE, engine.options().maxHttpBufferSize());
    WebSocketServerExtension deflate = engine.options().perMessageDeflate() ? deflate(request) : null;
    WebSocketDecoderConfig config = WebSocketDecoderConfig.newBuilder()
        .maxFramePayloadLength(maxMessage)
        .allowExtensions(deflate != null)
        .closeOnProtocolViolation(true)
        .build();
    String scheme = engineRequest.secure() ? "wss://" : "ws://";
    WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
        scheme + request.headers().get(HttpHeaderNames.HOST) + request.uri(), null, config).newHandshaker(request);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel())
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    HttpHeaders extra = new DefaultHttpHeaders();
    if (deflate != null) {
      extra.set(HttpHeaderNames.SEC_WEBSOCKET_EXTENSIONS, header(deflate.newReponseData()));
    }
    NettyWebSocketChannel channel = new NettyWebSocketChannel(handshaker);
    ChannelPipeline p = ctx.pipeline();
    String name = ctx.name();
    if (deflate != null) {
      p.addBefore(name, "sio4j-ws-deflate-decoder", deflate.newExtensionDecoder());
      p.addBefore(name, "sio4j-ws-deflate-encoder", deflate.newExtensionEncoder());
    }
    p.addBefore(name, "sio4j-ws-utf8", new Utf8FrameValidator(true));
    p.addBefore(name, "sio4j-ws-aggregator", new WebSocketFrameAggregator(maxMessage));
    p.replace(name, "sio4j-ws", channel);
    FullHttpRequest full = new DefaultFullHttpRequest(request.protocolVersion(), request.method(), request.uri(),
        Unpooled.EMPTY_BUFFER, request.headers(), EmptyHttpHeaders.INSTANCE);
    handshaker.handshake(ctx.channel(), full, extra, ctx.channel().newPromise()).addListener(f -> {
      if (f.isSuccess()) {
        channel.attach(engine.handleWebSocket(engineRequest, channel));
      } else {
        LOG.log(Level.DEBUG, () -> "WebSocket handshake failed on " + ctx.channel().remoteAddress() + ": " + f.cause());
        ctx.channel().close();
      }
    });
  }

  private static void refuse(ChannelHandlerContext ctx, HttpResponse rejection) {
    FullHttpResponse res = new DefaultFullHttpResponse(io.netty.handler.codec.http.HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(rejection.status()),
        Unpooled.wrappedBuffer(rejection.body()));
    rejection.headers().forEach(res.headers()::set);
    res.headers().set(HttpHeaderNames.CONTENT_LENGTH, rejection.body().length);
    res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
  }

  /** The permessage-deflate the client offers, as the server accepts it, or {@code null}. */
  private static WebSocketServerExtension deflate(HttpRequest request) {
    String offered = request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_EXTENSIONS);
    if (offered == null) {
      return null;
    }
    PerMessageDeflateServerExtensionHandshaker handshaker = new PerMessageDeflateServerExtensionHandshaker(
        6, false, PerMessageDeflateServerExtensionHandshaker.MAX_WINDOW_SIZE, false, false, SMALL_FRAMES_UNCOMPRESSED);
    for (WebSocketExtensionData data : WebSocketExtensionUtil.extractExtensions(offered)) {
      WebSocketServerExtension accepted = handshaker.handshakeExtension(data);
      if (accepted != null) {
        return accepted;
      }
    }
    return null;
  }

  private static final WebSocketExtensionFilterProvider SMALL_FRAMES_UNCOMPRESSED = new WebSocketExtensionFilterProvider() {
    private final WebSocketExtensionFilter encoder = frame -> frame.content().readableBytes() < DEFLATE_THRESHOLD;

    @Override
    public WebSocketExtensionFilter encoderFilter() {
      return encoder;
    }

    @Override
    public WebSocketExtensionFilter decoderFilter() {
      return WebSocketExtensionFilter.NEVER_SKIP;
    }
  };

  /** {@code permessage-deflate; client_max_window_bits=15} etc. */
  private static String header(WebSocketExtensionData data) {
    StringBuilder sb = new StringBuilder(data.name());
    for (Map.Entry<String, String> p : data.parameters().entrySet()) {
      sb.append("; ").append(p.getKey());
      if (p.getValue() != null) {
        sb.append('=').append(p.getValue());
      }
    }
    return sb.toString();
  }
}
