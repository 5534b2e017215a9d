package dev.sio4j.bench.jmh;

import dev.sio4j.socket.parser.PacketDecoder;
import dev.sio4j.socket.parser.SocketPacket;
import java.nio.ByteBuffer;
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

/** Socket.IO packet decoding: the echo scenario's acked event, an object event, and a binary event. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SocketPacketDecodeBench {

  private final PacketDecoder decoder = new PacketDecoder();
  private final ByteBuffer attachment = ByteBuffer.wrap(new byte[1024]);

  @Benchmark
  public SocketPacket echoEvent() {
    return decoder.decode("2123[\"echo\",\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]");
  }

  @Benchmark
  public SocketPacket objectEvent() {
    return decoder.decode("2[\"message\",{\"from\":\"ada\",\"text\":\"hello there\",\"n\":42,\"tags\":[\"a\",\"b\"]}]");
  }

  @Benchmark
  public SocketPacket binaryEvent() {
    decoder.decode("51-[\"file\",{\"_placeholder\":true,\"num\":0}]");
    return decoder.decode(attachment.duplicate());
  }
}
