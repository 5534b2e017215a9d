package dev.sio4j.bench.jmh;

import dev.sio4j.socket.parser.DecoderLimits;
import dev.sio4j.socket.parser.EncodedPacket;
import dev.sio4j.socket.parser.SocketPacket;
import dev.sio4j.socket.parser.SocketParser;
import java.nio.ByteBuffer;
import java.util.List;
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

/**
 * The msgpack parser (sio4j-msgpack-parser) on the packets of {@link SocketPacketEncodeBench} and
 * {@link SocketPacketDecodeBench}: encode a text event, an object event with an ack id, an event with 1 KiB of
 * binary; decode the same frames. Compare with the JSON parser's scores of those benches.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MsgpackPacketBench {

  private final SocketParser parser = SocketParser.byName("msgpack");
  private final SocketParser.Encoder encoder = parser.newEncoder();
  private final SocketParser.Decoder decoder = parser.newDecoder(DecoderLimits.defaults());
  private final ByteBuffer echoFrame = frame(SocketPacket.event("/", List.of("echo",
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), 123L));
  private final ByteBuffer objectFrame = frame(SocketPacketEncodeBench.OBJECT);
  private final ByteBuffer binaryFrame = frame(SocketPacketEncodeBench.BINARY);

  private ByteBuffer frame(SocketPacket p) {
    return ByteBuffer.wrap(encoder.encode(p).frame());
  }

  @Benchmark
  public EncodedPacket encodeTextEvent() {
    return encoder.encode(SocketPacketEncodeBench.TEXT);
  }

  @Benchmark
  public EncodedPacket encodeObjectEvent() {
    return encoder.encode(SocketPacketEncodeBench.OBJECT);
  }

  @Benchmark
  public EncodedPacket encodeBinaryEvent() {
    return encoder.encode(SocketPacketEncodeBench.BINARY);
  }

  @Benchmark
  public SocketPacket decodeEchoEvent() {
    return decoder.decode(echoFrame.duplicate());
  }

  @Benchmark
  public SocketPacket decodeObjectEvent() {
    return decoder.decode(objectFrame.duplicate());
  }

  @Benchmark
  public SocketPacket decodeBinaryEvent() {
    return decoder.decode(binaryFrame.duplicate());
  }
}
