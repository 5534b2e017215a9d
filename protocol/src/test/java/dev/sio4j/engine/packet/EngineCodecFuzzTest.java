package dev.sio4j.engine.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzz targets for the Engine.IO codec. Under plain {@code mvn verify} each target runs once per file
 * in {@code src/test/resources/dev/sio4j/engine/packet/EngineCodecFuzzTestInputs/<method>/} (regression mode); see
 * {@code protocol/FUZZING.md} for a fuzzing run. Only {@link PacketParseException} may escape the decoders, and a
 * decoded value is never larger than its input.
 */
class EngineCodecFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void packet(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    EnginePacket packet;
    try {
      packet = PacketDecoder.decodeText(text);
    } catch (PacketParseException expected) {
      return;
    }
    assertBounded(packet, text.length());
    // What we decoded encodes back to something that decodes to the same packet.
    assertEquals(packet, decodeQuietly(PacketEncoder.encodeAsText(packet)));
  }

  @FuzzTest(maxDuration = "60s")
  void payload(byte[] input) {
    List<EnginePacket> packets;
    try {
      packets = PayloadDecoder.decode(input);
    } catch (PacketParseException expected) {
      return;
    }
    assertTrue(!packets.isEmpty() && packets.size() <= input.length, "packet count " + packets.size());
    for (EnginePacket p : packets) {
      assertBounded(p, input.length);
    }
  }

  private static void assertBounded(EnginePacket packet, int inputLength) {
    int size = packet instanceof EnginePacket.Text t ? t.data().length() : ((EnginePacket.Binary) packet).data().remaining();
    assertTrue(size <= inputLength, "decoded " + size + " from " + inputLength);
  }

  private static EnginePacket decodeQuietly(String encoded) {
    try {
      return PacketDecoder.decodeText(encoded);
    } catch (PacketParseException e) {
      throw new AssertionError("re-encoded packet does not decode: " + e.getMessage(), e);
    }
  }
}
