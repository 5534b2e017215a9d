package dev.sio4j.bench.jmh;

import dev.sio4j.socket.parser.EncodedPacket;
import dev.sio4j.socket.parser.PacketEncoder;
import dev.sio4j.socket.parser.SocketPacket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Socket.IO packet encoding: a small text event, an ack, and an event with a binary attachment. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SocketPacketEncodeBench {

  private final PacketEncoder encoder = new PacketEncoder();
  /** The packets, shared with {@link MsgpackPacketBench} so both parsers encode the same ones. */
  static final SocketPacket TEXT = SocketPacket.event("/", List.of("tick", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), null);
  static final SocketPacket OBJECT =
      SocketPacket.event("/", List.of("message", Map.of("from", "ada", "text", "hello there", "n", 42)), 7L);
  static final SocketPacket BINARY = SocketPacket.event("/", List.of("file", new byte[1024]), null);
  private final SocketPacket text = TEXT;
  private final SocketPacket object = OBJECT;
  private final SocketPacket ack = SocketPacket.ack("/", 12, List.of("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
  private final SocketPacket binary = BINARY;

  @Benchmark
  public EncodedPacket textEvent() {
    return encoder.encode(text);
  }

  @Benchmark
  public EncodedPacket objectEvent() {
    return encoder.encode(object);
  }

  @Benchmark
  public EncodedPacket ackPacket() {
    return encoder.encode(ack);
  }

  @Benchmark
  public EncodedPacket binaryEvent() {
    return encoder.encode(binary);
  }
}
