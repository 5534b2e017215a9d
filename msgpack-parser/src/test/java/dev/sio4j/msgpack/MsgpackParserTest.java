package dev.sio4j.msgpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sio4j.socket.parser.DecoderLimits;
import dev.sio4j.socket.parser.EncodedPacket;
import dev.sio4j.socket.parser.PacketType;
import dev.sio4j.socket.parser.ParseException;
import dev.sio4j.socket.parser.ParseException.Kind;
import dev.sio4j.socket.parser.SocketPacket;
import dev.sio4j.socket.parser.SocketParser;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Wire bytes from npm socket.io-msgpack-parser 3.0.2 (notepack.io 2.2.0), printed by Node with
 * {@code Buffer.from(new Encoder().encode(packet)[0]).toString("hex")}.
 */
class MsgpackParserTest {

  private final SocketParser parser = SocketParser.byName("msgpack");
  private final SocketParser.Encoder encoder = parser.newEncoder();
  private final SocketParser.Decoder decoder = parser.newDecoder(DecoderLimits.defaults());

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  private static String hex(EncodedPacket p) {
    assertTrue(p.isSingleMessage());
    return HexFormat.of().formatHex(p.frame());
  }

  private SocketPacket decode(String hex) {
    return decoder.decode(ByteBuffer.wrap(hex(hex)));
  }

  @Test
  void isFoundByNameThroughServiceLoader() {
    assertInstanceOf(MsgpackParser.class, parser);
    assertInstanceOf(MsgpackParser.class, SocketParser.byName("MsgPack"));
  }

  @Test
  void encodesAnEventAsNodeDoes() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("a", List.of(1, 2));
    List<Object> data = new java.util.ArrayList<>(List.of("hello", 1, 1.5, -3, "é"));
    data.add(null);
    data.add(true);
    data.add(a);
    assertEquals("83a47479706502a46461746198a568656c6c6f01cb3ff8000000000000fda2c3a9c0c381a161920102a36e7370a12f",
        hex(encoder.encode(SocketPacket.event("/", data, null))));
  }

  @Test
  void encodesBinaryAsBinInsideAnAck() {
    EncodedPacket p = encoder.encode(SocketPacket.ack("/admin", 7, List.of(new byte[] {1, 2, 3})));
    assertEquals("84a47479706503a46461746191c403010203a2696407a36e7370a62f61646d696e", hex(p));
    assertTrue(p.attachments().isEmpty());
  }

  @Test
  void encodesAckIdsAndLargeIntegersAsNodeDoes() {
    assertEquals("84a47479706502a46461746192a178cf0000000100000000a26964cd012ca36e7370a12f",
        hex(encoder.encode(SocketPacket.event("/", List.of("x", 4294967296L), 300L))));
    assertEquals("84a47479706502a46461746192a178cf0000000100000000a26964cd012ca36e7370a12f",
        hex(encoder.encode(SocketPacket.event("/", List.of("x", 4294967296.0), 300L))));
  }

  @Test
  void encodesConnectAndDisconnectAsNodeDoes() {
    assertEquals("83a47479706500a46461746181a3736964a3616263a36e7370a12f",
        hex(encoder.encode(SocketPacket.connect("/", Map.of("sid", "abc")))));
    assertEquals("82a47479706501a36e7370a12f", hex(encoder.encode(SocketPacket.disconnect("/"))));
  }

  @Test
  void encodesRecordsThroughJsonb() {
    SocketPacket back = decoder.decode(ByteBuffer.wrap(
        encoder.encode(SocketPacket.event("/", List.of("p", new Point(3, "a")), null)).frame()));
    assertEquals(List.of("p", Map.of("label", "a", "x", 3)), back.data());
  }

  @Test
  void decodesWhatNodeEncodes() {
    SocketPacket p = decode("84a47479706503a46461746191c403010203a2696407a36e7370a62f61646d696e");
    assertEquals(PacketType.ACK, p.type());
    assertEquals("/admin", p.namespace());
    assertEquals(7L, p.id());
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) ((List<?>) p.data()).get(0));
    SocketPacket e = decode("83a47479706502a46461746198a568656c6c6f01cb3ff8000000000000fda2c3a9c0c381a161920102a36e7370a12f");
    List<?> d = (List<?>) e.data();
    assertEquals(List.of("hello", 1, 1.5, -3, "é"), d.subList(0, 5));
    assertNull(d.get(5));
    assertEquals(Map.of("a", List.of(1, 2)), d.get(7));
  }

  @Test
  void decodesFromDirectAndSlicedBuffers() {
    // Jetty hands WebSocket messages in direct buffers; msgpack-core cannot read those without sun.nio.ch
    byte[] frame = hex("84a47479706503a46461746191c403010203a2696407a36e7370a62f61646d696e");
    ByteBuffer direct = ByteBuffer.allocateDirect(frame.length + 2);
    direct.put((byte) 0).put(frame).put((byte) 0).flip().position(1).limit(1 + frame.length);
    assertEquals(7L, decoder.decode(direct).id());
    ByteBuffer sliced = ByteBuffer.wrap(new byte[frame.length + 3], 3, frame.length).slice();
    sliced.duplicate().put(frame);
    assertEquals("/admin", decoder.decode(sliced).namespace());
  }

  @Test
  void decodesABrowsersArrayBufferAndIgnoresTheClientsOptions() {
    // socket.io-client sends {type, data, options: {compress}, nsp}; an ArrayBuffer is notepack's ext type 0
    SocketPacket p = decode("84a47479706502a46461746192a178c702000908a76f7074696f6e7381a8636f6d7072657373c3a36e7370a12f");
    assertEquals("x", p.eventName());
    assertArrayEquals(new byte[] {9, 8}, (byte[]) p.arguments().get(0));
  }

  @Test
  void decodesUndefinedAsAbsentAndDatesAsTheirJsonForm() {
    SocketPacket connect = decode("83a47479706500a464617461d40000a36e7370a12f");
    assertNull(connect.data());
    SocketPacket date = decode("83a47479706502a46461746192a164d7000000018bcfe5687ba36e7370a12f");
    assertEquals("2023-11-14T22:13:20.123Z", date.arguments().get(0));
  }

  @Test
  void refusesWhatSocketIoMsgpackParserRefuses() {
    assertKind(Kind.UNKNOWN_TYPE, "82a47479706505a36e7370a12f"); // type 5: no BINARY_* types in msgpack
    assertKind(Kind.INVALID_NAMESPACE, "81a47479706501"); // no nsp
    assertKind(Kind.INVALID_PAYLOAD, "83a47479706502a46461746190a36e7370a12f"); // event with []
    assertKind(Kind.INVALID_PAYLOAD, "83a47479706501a46461746190a36e7370a12f"); // disconnect with data
    assertKind(Kind.INVALID_ACK_ID, "84a47479706502a46461746191a178a26964a178a36e7370a12f"); // id "x"
    assertKind(Kind.INVALID_PAYLOAD, "93010203"); // not a map
  }

  @Test
  void refusesHostileMsgpackWithItsOwnException() {
    assertKind(Kind.INVALID_ENCODING, "83a47479706502a4646174"); // truncated
    assertKind(Kind.INVALID_ENCODING, "83a47479706502a464617461dbffffffff"); // 4 GiB string announced
    assertKind(Kind.INVALID_ENCODING, "83a47479706502a464617461ddffffffff"); // 4 billion elements announced
    assertKind(Kind.INVALID_ENCODING, "83a47479706502a464617461c6ffffff00"); // 4 GiB bin announced
    assertKind(Kind.INVALID_ENCODING, "83a47479706502a464617461d50501"); // extension type 5
    assertKind(Kind.INVALID_ENCODING, "c1"); // the reserved byte
    assertKind(Kind.INVALID_ENCODING, "82a47479706501a36e7370a12fc0"); // trailing bytes
    assertKind(Kind.EMPTY, "");
    ParseException text = assertThrows(ParseException.class, () -> decoder.decode("2[\"x\"]"));
    assertEquals(Kind.INVALID_ENCODING, text.kind());
  }

  @Test
  void appliesTheJsonParsersLimits() {
    SocketParser.Decoder strict = parser.newDecoder(new DecoderLimits(1, 3, 8, 64));
    // data ["x",[[["y"]]]] is 4 deep, as "2[\"x\",[[[\"y\"]]]]" is for the JSON parser
    byte[] deep = encoder.encode(SocketPacket.event("/", List.of("x", List.of(List.of(List.of("y")))), null)).frame();
    assertEquals(Kind.TOO_DEEP, assertThrows(ParseException.class, () -> strict.decode(ByteBuffer.wrap(deep))).kind());
    byte[] ok = encoder.encode(SocketPacket.event("/", List.of("x", List.of(List.of("y"))), null)).frame();
    assertEquals("x", strict.decode(ByteBuffer.wrap(ok)).eventName());
    byte[] two = encoder.encode(SocketPacket.event("/", List.of("x", new byte[1], new byte[1]), null)).frame();
    assertEquals(Kind.INVALID_ATTACHMENTS,
        assertThrows(ParseException.class, () -> strict.decode(ByteBuffer.wrap(two))).kind());
    byte[] big = encoder.encode(SocketPacket.event("/", List.of("x", "y".repeat(64)), null)).frame();
    assertEquals(Kind.TOO_LARGE, assertThrows(ParseException.class, () -> strict.decode(ByteBuffer.wrap(big))).kind());
    byte[] nsp = encoder.encode(SocketPacket.disconnect("/012345678")).frame();
    assertEquals(Kind.INVALID_NAMESPACE,
        assertThrows(ParseException.class, () -> strict.decode(ByteBuffer.wrap(nsp))).kind());
  }

  @Test
  void refusesReservedEventNames() {
    byte[] frame = encoder.encode(SocketPacket.event("/", List.of("disconnect"), null)).frame();
    assertEquals(Kind.RESERVED_EVENT,
        assertThrows(ParseException.class, () -> decoder.decode(ByteBuffer.wrap(frame))).kind());
  }

  /** A record as an application would emit. */
  public record Point(int x, String label) {}

  private void assertKind(Kind kind, String hex) {
    ParseException e = assertThrows(ParseException.class, () -> decode(hex));
    assertEquals(kind, e.kind(), e.getMessage());
  }
}
