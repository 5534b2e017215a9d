package dev.sio4j.bench.jmh;

import dev.sio4j.socket.BenchAccess;
import dev.sio4j.socket.SocketIoOptions;
import dev.sio4j.socket.SocketIoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code io.emit("tick", 32 x)} fanned out to N connected sockets through the Socket.IO layer (namespace,
 * in-memory adapter, encoder, per-client write) down to in-memory {@link CountingEngineSocket}s: the cost of a
 * broadcast above the engine. Divide the score by N for the cost per delivery.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BroadcastBench {

  @Param({"1000"})
  int sockets;

  private final String payload = "x".repeat(32);
  private SocketIoServer io;
  private final List<CountingEngineSocket> sessions = new ArrayList<>();

  @Setup(Level.Trial)
  public void connect() {
    io = BenchAccess.serverWithoutEngine(SocketIoOptions.defaults());
    for (int i = 0; i < sockets; i++) {
      CountingEngineSocket session = new CountingEngineSocket("s" + i);
      BenchAccess.attach(io, session);
      session.receive("0"); // Socket.IO CONNECT to the main namespace
      sessions.add(session);
    }
    if (io.of("/").sockets().size() != sockets) {
      throw new IllegalStateException("only " + io.of("/").sockets().size() + " sockets connected");
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    String last = sessions.get(sessions.size() - 1).last;
    if (last == null || !last.startsWith("2[\"tick\"")) {
      throw new IllegalStateException("the last socket got " + last);
    }
    io.close();
  }

  @Benchmark
  public void emitToAll() {
    io.emit("tick", payload);
  }
}
