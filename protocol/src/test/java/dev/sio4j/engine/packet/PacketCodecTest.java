package dev.sio4j.engine.packet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacketCodecTest {

  @Test
  void packetTypesHaveTheSpecsDigits() {
    assertEquals('0', PacketType.OPEN.wireChar());
    assertEquals('6', PacketType.NOOP.wireChar());
    assertSame(PacketType.UPGRADE, PacketType.fromWireChar('5'));
    assertNull(PacketType.fromWireChar('7'));
    assertNull(PacketType.fromWireChar('/'));
  }

  @Test
  void encodesTextPacketsAsTypeCharThenData() {
    assertEquals("4hello", PacketEncoder.encodeText(EnginePacket.message("hello")));
    assertEquals("2", PacketEncoder.encodeText(EnginePacket.PING));
    assertEquals("3probe", PacketEncoder.encodeText(EnginePacket.PONG_PROBE));
    assertEquals("4€", PacketEncoder.encodeText(EnginePacket.message("€")));
  }

  @Test
  void encodesBinaryAsBase64WithPrefixWithoutMovingTheBuffer() {
    EnginePacket.Binary b = EnginePacket.binary(new byte[] {1, 2, 3, 4});
    assertEquals("bAQIDBA==", PacketEncoder.encodeAsText(b));
    assertEquals(4, b.data().remaining());
  }

  @Test
  void decodesTheSpecsExamples() throws Exception {
    assertEquals(EnginePacket.message("hello"), PacketDecoder.decodeText("4hello"));
    assertSame(EnginePacket.PONG, PacketDecoder.decodeText("3"));
    assertEquals(EnginePacket.PING_PROBE, PacketDecoder.decodeText("2probe"));
    assertSame(EnginePacket.UPGRADE, PacketDecoder.decodeText("5"));
    EnginePacket b = PacketDecoder.decodeText("bAQIDBA==");
    assertArrayEquals(new byte[] {1, 2, 3, 4}, ((EnginePacket.Binary) b).toByteArray());
    assertEquals(PacketType.MESSAGE, b.type());
  }

  @Test
  void decodesABinaryFrameAsAMessageOverTheSameBuffer() {
    ByteBuffer frame = ByteBuffer.wrap(new byte[] {1, 2, 3});
    assertSame(frame, PacketDecoder.decodeBinary(frame).data());
  }

  @Test
  void rejectsBadPacketsWithTheirKind() {
    assertEquals(PacketParseException.Kind.EMPTY_PACKET,
        assertThrows(PacketParseException.class, () -> PacketDecoder.decodeText("")).kind());
    assertEquals(PacketParseException.Kind.UNKNOWN_TYPE,
        assertThrows(PacketParseException.class, () -> PacketDecoder.decodeText("9x")).kind());
    assertEquals(PacketParseException.Kind.INVALID_BASE64,
        assertThrows(PacketParseException.class, () -> PacketDecoder.decodeText("b!!!")).kind());
    assertEquals(PacketParseException.Kind.INVALID_BASE64,
        assertThrows(PacketParseException.class, () -> PacketDecoder.decodeText("bé")).kind());
  }

  @Test
  void encodesAPayloadJoinedByRecordSeparators() {
    String payload = PayloadEncoder.encode(List.of(EnginePacket.message("hello"), EnginePacket.message("€"),
        EnginePacket.binary(new byte[] {1, 2, 3, 4})));
    assertEquals("4hello\u001e4€\u001ebAQIDBA==", payload);
    assertEquals("4hello\u001e2\u001e4world",
        PayloadEncoder.encode(List.of(EnginePacket.message("hello"), EnginePacket.PING, EnginePacket.message("world"))));
  }

  @Test
  void decodesAPayload() throws Exception {
    List<EnginePacket> packets = PayloadDecoder.decode("4hello\u001e4€\u001ebAQIDBA==".getBytes(StandardCharsets.UTF_8));
    assertEquals(3, packets.size());
    assertEquals(EnginePacket.message("hello"), packets.get(0));
    assertEquals(EnginePacket.message("€"), packets.get(1));
    assertInstanceOf(EnginePacket.Binary.class, packets.get(2));
    assertArrayEquals(new byte[] {1, 2, 3, 4}, ((EnginePacket.Binary) packets.get(2)).toByteArray());
    assertEquals(List.of(EnginePacket.message("hello"), EnginePacket.PING, EnginePacket.message("world")),
        PayloadDecoder.decode("4hello\u001e2\u001e4world"));
  }

  @Test
  void rejectsBadPayloads() {
    assertEquals(PacketParseException.Kind.EMPTY_PACKET,
        assertThrows(PacketParseException.class, () -> PayloadDecoder.decode("")).kind());
    assertEquals(PacketParseException.Kind.EMPTY_PACKET,
        assertThrows(PacketParseException.class, () -> PayloadDecoder.decode("4a\u001e")).kind());
    assertEquals(PacketParseException.Kind.INVALID_UTF8, assertThrows(PacketParseException.class,
        () -> PayloadDecoder.decode(new byte[] {'4', (byte) 0xc3, (byte) 0x28})).kind());
  }

  @Test
  void roundTripsAPayload() throws Exception {
    List<EnginePacket> packets = List.of(EnginePacket.message(""), EnginePacket.CLOSE, EnginePacket.NOOP,
        new EnginePacket.Text(PacketType.OPEN, "{\"sid\":\"x\"}"));
    assertEquals(packets, PayloadDecoder.decode(PayloadEncoder.encode(packets)));
  }
}
