package dev.sio4j.bench.jmh;

import dev.sio4j.engine.packet.EnginePacket;
import dev.sio4j.engine.packet.PacketDecoder;
import dev.sio4j.engine.packet.PacketEncoder;
import dev.sio4j.engine.packet.PacketParseException;
import dev.sio4j.engine.packet.PayloadDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
 * Engine.IO packet decoding: a text message frame, a ping, a base64 binary message (polling), a binary frame, and a
 * polling payload of 10 messages (as the UTF-8 bytes of a POST body).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EnginePacketDecodeBench {

  private final String message = "42[\"echo\",\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]";
  private final String base64 = PacketEncoder.encodeAsText(EnginePacket.binary(new byte[1024]));
  private final ByteBuffer frame = ByteBuffer.wrap(new byte[1024]);
  private final byte[] payload;

  public EnginePacketDecodeBench() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      if (i > 0) {
        sb.append('\u001e');
      }
      sb.append("42").append(i).append("[\"echo\",\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]");
    }
    payload = sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public EnginePacket textMessage() throws PacketParseException {
    return PacketDecoder.decodeText(message);
  }

  @Benchmark
  public EnginePacket ping() throws PacketParseException {
    return PacketDecoder.decodeText("2");
  }

  @Benchmark
  public EnginePacket base64Message() throws PacketParseException {
    return PacketDecoder.decodeText(base64);
  }

  @Benchmark
  public EnginePacket binaryFrame() {
    return PacketDecoder.decodeBinary(frame);
  }

  @Benchmark
  public List<EnginePacket> payloadOf10() throws PacketParseException {
    return PayloadDecoder.decode(payload);
  }
}
