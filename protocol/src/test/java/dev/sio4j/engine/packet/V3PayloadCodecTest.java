package dev.sio4j.engine.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Engine.IO v3 codec, on the forms Node's parser-v3 writes (expected values taken from its encoder's rules). */
class V3PayloadCodecTest {

  private static final byte[] BYTES = {1, 2, 3, 4};

  @Test
  void aTextPayloadIsLengthColonPacketWithJsLengths() throws PacketParseException {
    List<EnginePacket> packets = List.of(EnginePacket.message("héllo€"), EnginePacket.PING, EnginePacket.binary(BYTES));
    String payload = V3PayloadEncoder.encodeText(packets);
    assertEquals("7:4héllo€1:210:b4AQIDBA==", payload); // lengths in UTF-16 units, binary as b4<base64>
    List<EnginePacket> back = V3PayloadDecoder.decodeText(payload);
    assertEquals(EnginePacket.message("héllo€"), back.get(0));
    assertEquals(EnginePacket.PING, back.get(1));
    assertArrayEquals(BYTES, ((EnginePacket.Binary) back.get(2)).toByteArray());
  }

  @Test
  void aSurrogatePairCountsTwo() throws PacketParseException {
    assertEquals("3:4\uD83D\uDE00", V3PayloadEncoder.encodeText(List.of(EnginePacket.message("\uD83D\uDE00"))));
    assertEquals(List.of(EnginePacket.message("\uD83D\uDE00")), V3PayloadDecoder.decodeText("3:4\uD83D\uDE00"));
  }

  @Test
  void anEmptyListIsZeroColon() {
    assertEquals("0:", V3PayloadEncoder.encodeText(List.of()));
  }

  @Test
  void aBinaryPayloadHasKindDigitsAndTypeByte() throws PacketParseException {
    byte[] payload = V3PayloadEncoder.encodeBinary(List.of(EnginePacket.message("é"), EnginePacket.binary(BYTES)));
    // text: 0, length 3 (UTF-8 bytes of "4é") as the digit 3, 255, then "4é"; binary: 1, digit 5, 255, 4, data
    byte[] expected = {0, 3, (byte) 255, '4', (byte) 0xc3, (byte) 0xa9, 1, 5, (byte) 255, 4, 1, 2, 3, 4};
    assertArrayEquals(expected, payload);
    List<EnginePacket> back = V3PayloadDecoder.decodeBinary(payload);
    assertEquals(EnginePacket.message("é"), back.get(0));
    assertArrayEquals(BYTES, ((EnginePacket.Binary) back.get(1)).toByteArray());
  }

  @Test
  void aBinaryFrameStartsWithTheMessageType() throws PacketParseException {
    byte[] frame = V3PayloadEncoder.binaryFrame(ByteBuffer.wrap(BYTES));
    assertArrayEquals(new byte[] {4, 1, 2, 3, 4}, frame);
    assertArrayEquals(BYTES, V3PayloadDecoder.decodeFrame(ByteBuffer.wrap(frame)).toByteArray());
    assertThrows(PacketParseException.class, () -> V3PayloadDecoder.decodeFrame(ByteBuffer.wrap(new byte[] {2, 1})));
  }

  @Test
  void malformedPayloadsFail() {
    for (String bad : new String[] {"", "4hello", "9:4hi", "x:4", "2:4"}) {
      assertThrows(PacketParseException.class, () -> V3PayloadDecoder.decodeText(bad), bad);
    }
    assertThrows(PacketParseException.class, () -> V3PayloadDecoder.decodeBinary(new byte[] {0, 9, (byte) 255, '4'}));
    assertThrows(PacketParseException.class, () -> V3PayloadDecoder.decodeBinary(new byte[] {2, 1, (byte) 255, 4}));
  }
}
