package dev.sio4j.it.transport;

import dev.sio4j.engine.EngineOptions;
import dev.sio4j.engine.EngineServer;
import dev.sio4j.engine.EngineSocket;
import dev.sio4j.engine.EngineSocketListener;
import dev.sio4j.it.Mount;
import dev.sio4j.socket.SocketIoOptions;
import dev.sio4j.socket.SocketIoServer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The servers of this package, all in one context (or on one standalone server), mounted with {@link Mount}:
 *
 * <ul>
 *   <li>{@code /engine.io/}: Engine.IO echo (text as text, binary as binary); {@code /socket.io/}: Socket.IO echo
 *       ({@code message} → {@code message-back}, {@code message-with-ack} acknowledged with its arguments). Relaxed
 *       heartbeats (20 s / 20 s) so load never closes a session.
 *   <li>{@code /hb/engine.io/} and {@code /hb/socket.io/}: the same echoes with short heartbeats
 *       ({@value #HB_PING_INTERVAL_MS} / {@value #HB_PING_TIMEOUT_MS} ms), plus a {@code block} command (an Engine.IO
 *       message / a Socket.IO event) that answers {@code blocked} from the server's one timer thread and then parks that
 *       thread until {@link #releaseHeartbeats()}: the pings stop while the connection stays open.
 *   <li>{@code /deflate/engine.io/}: Engine.IO echo with {@code perMessageDeflate} on.
 * </ul>
 *
 * <p>Thread safe.
 */
final class TransportApp {

  static final int HB_PING_INTERVAL_MS = 300;
  /** Longer than the suites' 200 ms, so a loaded machine does not make the client time out before the block. */
  static final int HB_PING_TIMEOUT_MS = 2000;

  private static final Duration RELAXED = Duration.ofSeconds(20);

  private final List<Runnable> closers = new ArrayList<>();
  private volatile CountDownLatch heartbeatGate = new CountDownLatch(1);

  /** Mounts every server, during deployment. */
  void install(Mount mount) {
    engineEcho(mount, options("/engine.io/", RELAXED, RELAXED).build(), false);
    socketIoEcho(mount, options("/socket.io/", RELAXED, RELAXED).build(), false);
    Duration interval = Duration.ofMillis(HB_PING_INTERVAL_MS);
    Duration timeout = Duration.ofMillis(HB_PING_TIMEOUT_MS);
    engineEcho(mount, options("/hb/engine.io/", interval, timeout).build(), true);
    socketIoEcho(mount, options("/hb/socket.io/", interval, timeout).build(), true);
    engineEcho(mount, options("/deflate/engine.io/", RELAXED, RELAXED).perMessageDeflate(true).build(), false);
  }

  /** Lets the timer threads parked by {@code block} go (and parks the next ones anew). */
  void releaseHeartbeats() {
    CountDownLatch gate = heartbeatGate;
    heartbeatGate = new CountDownLatch(1);
    gate.countDown();
  }

  void close() {
    releaseHeartbeats();
    closers.forEach(Runnable::run);
  }

  private static EngineOptions.Builder options(String path, Duration pingInterval, Duration pingTimeout) {
    return EngineOptions.builder().path(path).pingInterval(pingInterval).pingTimeout(pingTimeout)
        .maxHttpBufferSize(1_000_000);
  }

  private void engineEcho(Mount mount, EngineOptions options, boolean blockable) {
    EngineServer engine = new EngineServer(options);
    engine.onConnection(socket -> socket.addListener(new EngineSocketListener() {
      @Override
      public void onMessage(String text) {
        if (blockable && text.equals("block")) {
          block(engine, () -> socket.send("blocked"));
        } else {
          socket.send(text);
        }
      }

      @Override
      public void onBinary(ByteBuffer data) {
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        socket.send(copy);
      }
    }));
    mount.serve(engine);
    closers.add(engine::close);
  }

  private void socketIoEcho(Mount mount, EngineOptions options, boolean blockable) {
    SocketIoServer io = new SocketIoServer(SocketIoOptions.builder().engine(options).build());
    io.onConnection(socket -> {
      socket.on("message", (args, ack) -> socket.emit("message-back", args.toArray()));
      socket.on("message-with-ack", (args, ack) -> {
        if (ack != null) {
          ack.send(args.toArray());
        }
      });
      if (blockable) {
        socket.on("block", (args, ack) -> block(io.engine(), () -> socket.emit("blocked")));
      }
    });
    mount.serve(io);
    closers.add(io::close);
  }

  /** Runs {@code then} on the engine's timer thread and parks that thread until released (or a minute passed). */
  private void block(EngineServer engine, Runnable then) {
    CountDownLatch gate = heartbeatGate;
    engine.scheduler().execute(() -> {
      then.run();
      try {
        gate.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the server is closing
      }
    });
  }
}
