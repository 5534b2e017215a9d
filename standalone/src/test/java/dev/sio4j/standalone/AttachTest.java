package dev.sio4j.standalone;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.engine.EngineOptions;
import dev.sio4j.engine.EngineServer;
import dev.sio4j.engine.EngineSocketListener;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** engine.io's {@code attach}: the engine's handler inside an application's own Netty pipeline, beside its routes. */
class AttachTest {

  @Test
  void servesEngineIoBesideTheApplicationsOwnHandlers() throws Exception {
    EngineServer engine = new EngineServer(EngineOptions.builder().path("/engine.io/").build());
    engine.onConnection(socket -> socket.addListener(new EngineSocketListener() {
      @Override
      public void onMessage(String text) {
        socket.send(text);
      }
    }));
    EngineRoutes routes = EngineRoutes.of(engine);
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(new HttpServerCodec(), routes.newHandler(), new HttpObjectAggregator(65536),
                  new Hello());
            }
          }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
      int port = ((InetSocketAddress) server.localAddress()).getPort();
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<String> hello = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals("hello from the application", hello.body());

      HttpResponse<String> open = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/engine.io/?EIO=4&transport=polling")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertTrue(open.body().startsWith("0{\"sid\":"), open.body());

      WebSocketRecorder rec = new WebSocketRecorder();
      WebSocket ws = http.newWebSocketBuilder().buildAsync(
          URI.create("ws://127.0.0.1:" + port + "/engine.io/?EIO=4&transport=websocket"), rec).get(10, TimeUnit.SECONDS);
      rec.next();
      ws.sendText("4attached", true);
      assertEquals("4attached", rec.next());
      ws.sendClose(1000, "");
      server.close().sync();
    } finally {
      engine.close();
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }

  /** The application's own route. */
  private static final class Hello extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
          Unpooled.copiedBuffer("hello from the application", UTF_8));
      res.headers().set(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
      ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }
  }
}
