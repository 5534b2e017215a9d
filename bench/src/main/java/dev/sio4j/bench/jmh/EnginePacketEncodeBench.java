package dev.sio4j.bench.jmh;

import dev.sio4j.engine.packet.EnginePacket;
import dev.sio4j.engine.packet.PacketEncoder;
import dev.sio4j.engine.packet.PayloadEncoder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
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
 * Engine.IO packet encoding: one text message (a WebSocket frame), a 1 KiB binary message as base64 (polling), and
 * a polling payload of 10 text messages.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EnginePacketEncodeBench {

  private final EnginePacket.Text message = EnginePacket.message("2[\"tick\",\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]");
  private final EnginePacket binary = EnginePacket.binary(new byte[1024]);
  private final List<EnginePacket> batch = new ArrayList<>();
  private final ByteBuffer bytes = ByteBuffer.wrap(new byte[1024]);

  public EnginePacketEncodeBench() {
    for (int i = 0; i < 10; i++) {
      batch.add(EnginePacket.message("2" + i + "[\"echo\",\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]"));
    }
  }

  @Benchmark
  public String textMessage() {
    return PacketEncoder.encodeText(message);
  }

  @Benchmark
  public String binaryAsBase64() {
    return PacketEncoder.encodeAsText(binary);
  }

  @Benchmark
  public String base64Only() {
    return PacketEncoder.encodeBase64(bytes);
  }

  @Benchmark
  public String payloadOf10() {
    return PayloadEncoder.encode(batch);
  }
}
