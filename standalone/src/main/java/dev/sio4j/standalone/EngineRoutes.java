package dev.sio4j.standalone;

import dev.sio4j.engine.EngineServer;
import dev.sio4j.engine.transport.ClientFiles;
import dev.sio4j.socket.SocketIoServer;
import io.netty.channel.ChannelHandler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The engines one Netty server serves, by path, and the way into an application's own Netty pipeline (engine.io's
 * {@code attach}): {@link #newHandler()} gives the handler to put right after the application's
 * {@code HttpServerCodec}. It serves the Engine.IO requests (polling, WebSocket upgrades, the browser client) and hands
 * every other message on to the next handler, unchanged.
 *
 * <pre>{@code
 * EngineRoutes routes = EngineRoutes.builder().serve(io).build();
 * bootstrap.childHandler(new ChannelInitializer<SocketChannel>() {
 *   protected void initChannel(SocketChannel ch) {
 *     ch.pipeline().addLast(new HttpServerCodec(), routes.newHandler(), new MyAppHandler());
 *   }
 * });
 * }</pre>
 *
 * <p>A request is the engine's when its path starts with the engine's path (e.g. {@code /socket.io/}), as in Node.
 * Immutable and thread safe; {@link #newHandler()} is called once per connection.
 */
public final class EngineRoutes {

  /** One served engine. */
  record Route(String path, EngineServer engine, ClientFiles clientFiles) {}

  private final List<Route> routes;

  private EngineRoutes(List<Route> routes) {
    this.routes = routes;
  }

  /** The routes for one Socket.IO server (with the browser client, if its jar is on the class path). */
  public static EngineRoutes of(SocketIoServer io) {
    return builder().serve(io).build();
  }

  /** The routes for one bare Engine.IO server. */
  public static EngineRoutes of(EngineServer engine) {
    return builder().serve(engine).build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A new handler for one connection, to be added after an {@code HttpServerCodec} (and after an {@code SslHandler}
   * for TLS). Requests outside the engines' paths go to the next handler.
   */
  public ChannelHandler newHandler() {
    return new EngineHttpHandler(this, true);
  }

  /** The standalone server's handler: requests outside the engines' paths are answered 501 (as engine.io's listen). */
  ChannelHandler newTerminalHandler() {
    return new EngineHttpHandler(this, false);
  }

  /** The route whose path starts {@code path}, longest first, or {@code null}. */
  Route find(String path) {
    for (Route r : routes) {
      if (path.startsWith(r.path())) {
        return r;
      }
    }
    return null;
  }

  List<Route> routes() {
    return routes;
  }

  /** Collects the engines. Not thread safe. */
  public static final class Builder {
    private final List<EngineServer> engines = new ArrayList<>();
    private final List<Boolean> socketIo = new ArrayList<>();
    private boolean serveClient = true;

    private Builder() {}

    /**
     * Serves a Socket.IO server at its engine's path, with the official browser client at {@code <path>socket.io.js}
     * etc. when {@code sio4j-client-dist} is on the class path and {@link #serveClient(boolean)} is on.
     */
    public Builder serve(SocketIoServer io) {
      return add(io.engine(), true);
    }

    /** Serves a bare Engine.IO server at its path. */
    public Builder serve(EngineServer engine) {
      return add(engine, false);
    }

    /** Whether Socket.IO servers serve the browser client (Node's {@code serveClient}); defaults to {@code true}. */
    public Builder serveClient(boolean serve) {
      serveClient = serve;
      return this;
    }

    private Builder add(EngineServer engine, boolean isSocketIo) {
      Objects.requireNonNull(engine, "engine");
      for (EngineServer e : engines) {
        if (e.options().path().equals(engine.options().path())) {
          throw new IllegalArgumentException("two engines at " + engine.options().path());
        }
      }
      engines.add(engine);
      socketIo.add(isSocketIo);
      return this;
    }

    /** The routes. */
    public EngineRoutes build() {
      if (engines.isEmpty()) {
        throw new IllegalStateException("no engine to serve");
      }
      ClientFiles client = serveClient && socketIo.contains(true)
          ? ClientFiles.load(EngineRoutes.class.getClassLoader()) : null;
      List<Route> resolved = new ArrayList<>();
      for (int i = 0; i < engines.size(); i++) {
        EngineServer e = engines.get(i);
        resolved.add(new Route(e.options().path(), e, socketIo.get(i) ? client : null));
      }
      // longest first, so that /a/socket.io/ is not taken for a request under /a/
      resolved.sort(Comparator.comparingInt((Route r) -> r.path().length()).reversed());
      return new EngineRoutes(List.copyOf(resolved));
    }
  }
}
