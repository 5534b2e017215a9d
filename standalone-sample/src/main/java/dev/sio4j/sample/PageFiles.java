package dev.sio4j.sample;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The chat page ({@code index.html}, {@code chat.js}, {@code chat.css}, taken from the WAR module's webapp folder at
 * build time) for the requests outside {@code /socket.io/}; 404 for anything else. One instance per connection.
 */
final class PageFiles extends SimpleChannelInboundHandler<HttpObject> {

  private static final String DIR = "dev/sio4j/sample/web/";
  private static final Map<String, String> FILES = Map.of(
      "/", "index.html", "/index.html", "index.html", "/chat.js", "chat.js", "/chat.css", "chat.css");
  private static final Map<String, String> TYPES = Map.of(
      "index.html", "text/html; charset=utf-8", "chat.js", "text/javascript; charset=utf-8",
      "chat.css", "text/css; charset=utf-8");
  private static final Map<String, byte[]> BODIES = Map.of(
      "index.html", read("index.html"), "chat.js", read("chat.js"), "chat.css", read("chat.css"));

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
    if (!(msg instanceof HttpRequest request)) {
      return; // the body of a request, not needed
    }
    String path = request.uri().replaceFirst("\\?.*", "");
    String name = request.method() == HttpMethod.GET ? FILES.get(path) : null;
    FullHttpResponse res = name == null
        ? new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.NOT_FOUND, Unpooled.EMPTY_BUFFER)
        : new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.OK,
            Unpooled.wrappedBuffer(BODIES.get(name)));
    if (name != null) {
      res.headers().set(HttpHeaderNames.CONTENT_TYPE, TYPES.get(name));
    }
    res.headers().set(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(res, keepAlive);
    ChannelFuture f = ctx.writeAndFlush(res);
    if (!keepAlive) {
      f.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static byte[] read(String name) {
    try (InputStream in = PageFiles.class.getClassLoader().getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException(DIR + name + " is not on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
