package dev.sio4j.it;

import dev.sio4j.engine.CorsOptions;
import dev.sio4j.engine.EngineOptions;
import dev.sio4j.engine.EngineServer;
import dev.sio4j.engine.EngineSocket;
import dev.sio4j.engine.EngineSocketListener;
import dev.sio4j.servlet.SocketIoRegistration;
import jakarta.servlet.ServletContext;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The servers the conformance suites talk to: {@code /engine.io/}, a bare Engine.IO server echoing every message (text
 * as text, binary as binary), and {@code /socket.io/}, a Socket.IO server (see {@link SocketIoConformance}). Both with
 * the official test suites' settings unless told otherwise: pingInterval 300 ms, pingTimeout 200 ms,
 * maxHttpBufferSize 1,000,000, CORS origin {@code *}.
 *
 * <p>In a servlet context, registered through the library's public API ({@link SocketIoRegistration#register}), so
 * the polling servlet and the WebSocket endpoint (found via the registrar SPI) share one engine per path; elsewhere
 * through a {@link Mount}.
 */
public final class ConformanceApp {

  /** Heartbeat settings. */
  public record Timing(Duration pingInterval, Duration pingTimeout) {
    /** The official test suites' settings: 300 ms / 200 ms. */
    public static final Timing SUITE = new Timing(Duration.ofMillis(300), Duration.ofMillis(200));
    /** Slow heartbeats, for tests that must not race the heartbeat on a loaded machine. */
    public static final Timing RELAXED = new Timing(Duration.ofSeconds(20), Duration.ofSeconds(20));
  }

  private final Timing timing;
  private volatile String lastRemoteAddress;
  private final List<Runnable> closers = new ArrayList<>();

  /** An app with these heartbeat settings. */
  public ConformanceApp(Timing timing) {
    this.timing = timing;
  }

  /** Options shared by both servers, at the given path. */
  public EngineOptions options(String path) {
    return EngineOptions.builder()
        .path(path)
        .pingInterval(timing.pingInterval())
        .pingTimeout(timing.pingTimeout())
        .maxHttpBufferSize(1_000_000)
        .cors(CorsOptions.allowAll())
        .build();
  }

  /** Registers both servers in {@code context} at {@code /engine.io/} and {@code /socket.io/}, during deployment. */
  public void install(ServletContext context) {
    install(Mount.of(context), "");
  }

  /** Serves both servers at {@code /engine.io/} and {@code /socket.io/} on {@code mount}. */
  public void install(Mount mount) {
    install(mount, "");
  }

  /**
   * Registers both servers in {@code context} at {@code <prefix>/engine.io/} and {@code <prefix>/socket.io/} (a
   * prefix such as {@code /relaxed} lets one context hold apps with different timings); called during deployment.
   */
  public void install(ServletContext context, String prefix) {
    install(Mount.of(context), prefix);
  }

  /** As {@link #install(ServletContext, String)}, on any {@link Mount}. */
  public void install(Mount mount, String prefix) {
    EngineServer echo = new EngineServer(options(prefix + "/engine.io/"));
    echo.onConnection(socket -> {
      lastRemoteAddress = socket.request().remoteAddress();
      echo(socket);
    });
    mount.serve(echo);
    closers.add(echo::close);
    closers.add(SocketIoConformance.install(mount, options(prefix + "/socket.io/")));
  }

  /** The remote address the engine saw for the newest {@code /engine.io/} session (tests the transports' capture). */
  public String lastRemoteAddress() {
    return lastRemoteAddress;
  }

  /** Closes the servers. */
  public void close() {
    closers.forEach(Runnable::run);
  }

  private static void echo(EngineSocket socket) {
    socket.addListener(new EngineSocketListener() {
      @Override
      public void onMessage(String text) {
        socket.send(text);
      }

      @Override
      public void onBinary(ByteBuffer data) {
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        socket.send(copy);
      }
    });
  }
}
