package dev.sio4j.standalone;

import dev.sio4j.annotation.binding.AnnotatedEndpoints;
import dev.sio4j.annotation.binding.EndpointInstanceFactory;
import dev.sio4j.engine.EngineServer;
import dev.sio4j.socket.SocketIoServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Socket.IO (or bare Engine.IO) server on its own port, with no servlet container: Engine.IO polling (keep-alive
 * connections) and WebSocket served directly on Netty, epoll where it loads, NIO otherwise. Every other HTTP request is
 * answered {@code 501 Not Implemented}, as engine.io's {@code listen} does. The options (CORS, cookie, compression,
 * limits...) are those of the served server, exactly as in a container.
 *
 * <pre>{@code
 * SocketIoServer io = new SocketIoServer();
 * io.onConnection(socket -> socket.on("chat", (args, ack) -> io.emit("chat", args.toArray())));
 * try (StandaloneServer server = StandaloneServer.listen(io, 3000)) {
 *   ...                                   // server.port() is the bound port (useful with port 0)
 * }
 * }</pre>
 *
 * <p>{@link #close()} is graceful: the listening socket closes first, then the served servers close every session (a
 * WebSocket gets a close frame, a parked poll its answer), so clients see a transport close and reconnect, to another
 * node if the port is gone; then the connections and (if owned) the event loops stop. To serve Engine.IO from a Netty
 * server the application already runs, use {@link EngineRoutes#newHandler()} instead.
 *
 * <p>Thread safe.
 */
public final class StandaloneServer implements AutoCloseable {

  /** {@link dev.sio4j.engine.EngineRequest#attributes()} key of the Netty {@code Channel} a request came on. */
  public static final String ATTRIBUTE_CHANNEL = "dev.sio4j.standalone.channel";

  private static final System.Logger LOG = System.getLogger("dev.sio4j.standalone");
  /** Node's {@code server.headersTimeout}. */
  static final java.time.Duration DEFAULT_IDLE_TIMEOUT = java.time.Duration.ofSeconds(60);
  /** Node's {@code server.maxHeaderSize} (16 KiB), for the request line and for the headers. */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  private final Channel serverChannel;
  private final ChannelGroup connections;
  private final EventLoopGroup ownGroup;
  private final List<Runnable> closers;
  private final boolean nativeTransport;
  private final AtomicBoolean closed = new AtomicBoolean();

  private StandaloneServer(Channel serverChannel, ChannelGroup connections, EventLoopGroup ownGroup,
      List<Runnable> closers, boolean nativeTransport) {
    this.serverChannel = serverChannel;
    this.connections = connections;
    this.ownGroup = ownGroup;
    this.closers = closers;
    this.nativeTransport = nativeTransport;
  }

  /** Serves {@code io} on {@code port} of every interface (0: a free port, see {@link #port()}). */
  public static StandaloneServer listen(SocketIoServer io, int port) {
    return builder().serve(io).port(port).start();
  }

  /** Serves {@code io} on {@code address} (port 0: a free port). */
  public static StandaloneServer listen(SocketIoServer io, InetSocketAddress address) {
    return builder().serve(io).address(address).start();
  }

  /** Serves a bare Engine.IO server on {@code port} of every interface. */
  public static StandaloneServer listen(EngineServer engine, int port) {
    return builder().serve(engine).port(port).start();
  }

  /** Serves a bare Engine.IO server on {@code address}. */
  public static StandaloneServer listen(EngineServer engine, InetSocketAddress address) {
    return builder().serve(engine).address(address).start();
  }

  /** A builder, for several servers on one port, TLS, annotated endpoints or a shared event loop group. */
  public static Builder builder() {
    return new Builder();
  }

  /** The port bound. */
  public int port() {
    return address().getPort();
  }

  /** The address bound. */
  public InetSocketAddress address() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  /** Whether the native (epoll) transport serves the connections; {@code false}: NIO. */
  public boolean nativeTransport() {
    return nativeTransport;
  }

  /** Stops accepting, closes the served servers (clients get a close), then the connections. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    serverChannel.close().syncUninterruptibly();
    for (Runnable c : closers) {
      try {
        c.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "closing a served server failed", e);
      }
    }
    // queued behind the sessions' close frames and last poll answers on each event loop, so those go out first
    connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    if (ownGroup != null) {
      ownGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
    LOG.log(Level.INFO, () -> "sio4j standalone server on " + serverChannel.localAddress() + " closed");
  }

  /** Builds and starts a {@link StandaloneServer}. Not thread safe. */
  public static final class Builder {
    private final EngineRoutes.Builder routes = EngineRoutes.builder();
    private final List<Runnable> closers = new ArrayList<>();
    private final List<SocketIoServer> socketIoServers = new ArrayList<>();
    private final List<Class<?>> endpoints = new ArrayList<>();
    private EndpointInstanceFactory endpointFactory = EndpointInstanceFactory.cdi();
    private String host;
    private int port;
    private SslContext ssl;
    private EventLoopGroup group;
    private int ioThreads;
    private boolean preferNative = true;
    private java.time.Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private boolean any;
    private java.util.function.Supplier<? extends io.netty.channel.ChannelHandler> otherRequests;

    private Builder() {}

    /** Serves a Socket.IO server at its path (and the browser client, see {@link #serveClient}). */
    public Builder serve(SocketIoServer io) {
      routes.serve(io);
      socketIoServers.add(io);
      closers.add(io::close);
      any = true;
      return this;
    }

    /** Serves a bare Engine.IO server at its path. */
    public Builder serve(EngineServer engine) {
      routes.serve(engine);
      closers.add(engine::close);
      any = true;
      return this;
    }

    /**
     * Registers {@code @SocketIoEndpoint} classes, as a WAR does, on the first Socket.IO server served (one with the
     * defaults is created if there is none). Every class is checked before any is registered.
     */
    public Builder endpoints(Class<?>... endpointClasses) {
      endpoints.addAll(Arrays.asList(endpointClasses));
      return this;
    }

    /** Creates the endpoint instances; defaults to CDI when present, else the no-argument constructor (as in a WAR). */
    public Builder endpointFactory(EndpointInstanceFactory factory) {
      endpointFactory = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /** Whether Socket.IO servers serve the official browser client when its jar is present; defaults to {@code true}. */
    public Builder serveClient(boolean serve) {
      routes.serveClient(serve);
      return this;
    }

    /** The interface to bind, by name or address; defaults to every interface. */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** The port; defaults to 0 (a free port). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0-65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** Interface and port. */
    public Builder address(InetSocketAddress address) {
      this.host = address.getHostString();
      return port(address.getPort());
    }

    /** Serves HTTPS / WSS with this context. */
    public Builder ssl(SslContext context) {
      this.ssl = Objects.requireNonNull(context, "context");
      return this;
    }

    /** Serves HTTPS / WSS with the key in a PKCS#12 or JKS key store (the key's password is the store's). */
    public Builder keyStore(Path keyStore, char[] password) {
      return ssl(TlsContexts.fromKeyStore(keyStore, password));
    }

    /** Serves HTTPS / WSS with a PEM certificate chain and its unencrypted PKCS#8 PEM private key. */
    public Builder pem(Path certificateChain, Path privateKey) {
      return ssl(TlsContexts.fromPem(certificateChain, privateKey, null));
    }

    /**
     * Runs on the application's event loop group (not shut down by {@link StandaloneServer#close()}); its I/O type
     * (epoll or NIO) chooses the transport. Defaults to a group of this server's own.
     */
    public Builder eventLoopGroup(EventLoopGroup group) {
      this.group = Objects.requireNonNull(group, "group");
      return this;
    }

    /** Threads of the server's own event loop group; defaults to 0, Netty's default (twice the cores). */
    public Builder ioThreads(int threads) {
      if (threads < 0) {
        throw new IllegalArgumentException("ioThreads must be >= 0, was " + threads);
      }
      this.ioThreads = threads;
      return this;
    }

    /**
     * Hands the HTTP requests outside the engines' paths to a handler of the application (one from {@code handlers}
     * per connection, placed after the engines' handler; it receives the codec's {@code HttpRequest} and
     * {@code HttpContent} messages), instead of answering them {@code 501}: e.g. the pages of the application.
     */
    public Builder otherRequests(java.util.function.Supplier<? extends io.netty.channel.ChannelHandler> handlers) {
      this.otherRequests = Objects.requireNonNull(handlers, "handlers");
      return this;
    }

    /**
     * How long a connection may stay without reading or writing anything before it is closed (a parked poll and an
     * open WebSocket are kept: the engine's heartbeat bounds those); defaults to 60 s, Node's {@code headersTimeout}.
     * Bounds what idle TCP connections (opened and never used) can hold.
     */
    public Builder idleTimeout(java.time.Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("idleTimeout must be > 0, was " + timeout);
      }
      this.idleTimeout = timeout;
      return this;
    }

    /** {@code false} uses NIO even where epoll loads; defaults to {@code true}. */
    public Builder nativeTransport(boolean preferNative) {
      this.preferNative = preferNative;
      return this;
    }

    /** Binds and starts serving. */
    public StandaloneServer start() {
      if (!endpoints.isEmpty()) {
        if (socketIoServers.isEmpty()) {
          serve(new SocketIoServer());
        }
        AnnotatedEndpoints.register(socketIoServers.get(0), endpoints, endpointFactory);
      }
      if (!any) {
        throw new IllegalStateException("nothing to serve: call serve(...)");
      }
      EngineRoutes built = routes.build();
      boolean epoll;
      EventLoopGroup own = null;
      EventLoopGroup loops = group;
      if (loops == null) {
        epoll = preferNative && Epoll.isAvailable();
        own = new MultiThreadIoEventLoopGroup(ioThreads,
            epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        loops = own;
      } else {
        epoll = loops instanceof IoEventLoopGroup io && io.isIoType(EpollIoHandler.class);
      }
      Class<? extends ServerChannel> channelType =
          epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
      ChannelGroup connections = new DefaultChannelGroup("sio4j", GlobalEventExecutor.INSTANCE);
      SslContext tls = ssl;
      long idleMillis = idleTimeout.toMillis();
      java.util.function.Supplier<? extends io.netty.channel.ChannelHandler> others = otherRequests;
      ServerBootstrap bootstrap = new ServerBootstrap()
          .group(loops)
          .channel(channelType)
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
              connections.add(ch);
              ChannelPipeline p = ch.pipeline();
              if (tls != null) {
                p.addLast("ssl", tls.newHandler(ch.alloc()));
              }
              p.addLast("idle", new io.netty.handler.timeout.IdleStateHandler(0, 0, idleMillis,
                  TimeUnit.MILLISECONDS));
              p.addLast("http", new HttpServerCodec(MAX_HEADER_BYTES, MAX_HEADER_BYTES, 8192));
              p.addLast("continue", new HttpServerExpectContinueHandler());
              if (others == null) {
                p.addLast("sio4j", built.newTerminalHandler());
              } else {
                p.addLast("sio4j", built.newHandler());
                p.addLast("app", others.get());
              }
            }
          });
      InetSocketAddress address = host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
      Channel server;
      try {
        server = bootstrap.bind(address).syncUninterruptibly().channel();
      } catch (RuntimeException e) {
        if (own != null) {
          own.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        throw new IllegalStateException("cannot listen on " + address + ": " + e.getMessage(), e);
      }
      boolean isNative = epoll;
      LOG.log(Level.INFO, () -> "sio4j standalone server listening on " + server.localAddress()
          + (tls != null ? " (TLS)" : "") + " with " + (isNative ? "epoll" : "NIO") + ", serving "
          + built.routes().stream().map(EngineRoutes.Route::path).toList());
      return new StandaloneServer(server, connections, own, List.copyOf(closers), epoll);
    }
  }
}
