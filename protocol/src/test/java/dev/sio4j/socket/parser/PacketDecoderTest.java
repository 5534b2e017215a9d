package dev.sio4j.socket.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sio4j.socket.parser.ParseException.Kind;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every class of malformed input is refused with its own {@link Kind}. */
class PacketDecoderTest {

  private static Kind kindOf(String text) {
    return assertThrows(ParseException.class, () -> new PacketDecoder().decode(text)).kind();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "``|EMPTY",
      "abc|UNKNOWN_TYPE",
      "7[\"a\"]|UNKNOWN_TYPE",
      "-1|UNKNOWN_TYPE",
      "5[\"a\"]|INVALID_ATTACHMENTS",
      "5x-[\"a\"]|INVALID_ATTACHMENTS",
      "511-[\"a\"]|INVALID_ATTACHMENTS",
      "52-[\"a\",{\"_placeholder\":true,\"num\":0}]|INVALID_ATTACHMENTS",
      "2admin,[\"a\"]|INVALID_JSON",
      "2abc[\"message-with-ack\",1]|INVALID_JSON",
      "299999999999999999999[\"a\"]|INVALID_ACK_ID",
      "29223372036854775808[\"a\"]|INVALID_ACK_ID",
      "3[]|INVALID_ACK_ID",
      "01{}|INVALID_ACK_ID",
      "11|INVALID_ACK_ID",
      "2{}|INVALID_PAYLOAD",
      "2[]|INVALID_PAYLOAD",
      "2[1]|INVALID_PAYLOAD",
      "2\"a\"|INVALID_PAYLOAD",
      "0[]|INVALID_PAYLOAD",
      "0\"x\"|INVALID_PAYLOAD",
      "1{}|INVALID_PAYLOAD",
      "3/a,1{}|INVALID_PAYLOAD",
      "4|INVALID_PAYLOAD",
      "2[\"connect\"]|RESERVED_EVENT",
      "2[\"connect_error\"]|RESERVED_EVENT",
      "2[\"disconnect\"]|RESERVED_EVENT",
      "2[\"disconnecting\"]|RESERVED_EVENT",
      "2[\"newListener\"]|RESERVED_EVENT",
      "2[\"removeListener\"]|RESERVED_EVENT",
      "2[\"a\"|INVALID_JSON",
      "2[\"a\"]x|INVALID_JSON",
      "2[\"a\"][]|INVALID_JSON",
      "51-[\"a\",{\"_placeholder\":true,\"num\":1}]|INVALID_PLACEHOLDER",
      "51-[\"a\",{\"_placeholder\":true,\"num\":-1}]|INVALID_PLACEHOLDER",
      "51-[\"a\",{\"_placeholder\":true,\"num\":\"0\"}]|INVALID_PLACEHOLDER",
      "51-[\"a\",{\"_placeholder\":true,\"num\":0.5}]|INVALID_PLACEHOLDER",
  })
  void rejects(String text, Kind kind) {
    assertEquals(kind, kindOf(text));
  }

  @Test
  void aPlaceholderInAPlainEventIsTheApplicationsData() {
    // Node's socket.io-parser reconstructs placeholders only in BINARY_EVENT / BINARY_ACK
    SocketPacket p = new PacketDecoder().decode("2[\"a\",{\"_placeholder\":true,\"num\":0}]");
    assertEquals(PacketType.EVENT, p.type());
    assertEquals(java.util.List.of("a", java.util.Map.of("_placeholder", true, "num", 0)), p.data());
  }

  @Test
  void rejectsTooDeepJson() {
    assertEquals(Kind.TOO_DEEP, kindOf("2[\"a\"," + "[".repeat(40) + "]".repeat(40) + "]"));
    assertNotNull(new PacketDecoder().decode("2[\"a\"," + "[".repeat(30) + "]".repeat(30) + "]"));
  }

  @Test
  void rejectsLongNamespace() {
    assertEquals(Kind.INVALID_NAMESPACE, kindOf("0/" + "a".repeat(300) + ","));
  }

  @Test
  void rejectsOversizedPacket() {
    PacketDecoder d = new PacketDecoder(new DecoderLimits(10, 32, 256, 100));
    assertEquals(Kind.TOO_LARGE,
        assertThrows(ParseException.class, () -> d.decode("2[\"" + "a".repeat(200) + "\"]")).kind());
    assertNull(d.decode("51-[\"a\",{\"_placeholder\":true,\"num\":0}]"));
    assertEquals(Kind.TOO_LARGE,
        assertThrows(ParseException.class, () -> d.decode(ByteBuffer.allocate(100))).kind());
    assertNotNull(d.decode("2[\"ok\"]"), "decoder is usable after an error");
  }

  @Test
  void attachmentBoundIsConfigurable() {
    PacketDecoder d = new PacketDecoder(DecoderLimits.defaults().withMaxAttachments(1));
    assertEquals(Kind.INVALID_ATTACHMENTS, assertThrows(ParseException.class,
        () -> d.decode("52-[\"a\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]")).kind());
  }

  @Test
  void rejectsBinaryWithoutHeaderAndTextBeforeAttachments() {
    PacketDecoder d = new PacketDecoder();
    assertEquals(Kind.UNEXPECTED_BINARY,
        assertThrows(ParseException.class, () -> d.decode(ByteBuffer.wrap(new byte[] {1}))).kind());
    assertNull(d.decode("51-[\"a\",{\"_placeholder\":true,\"num\":0}]"));
    assertEquals(Kind.MISSING_ATTACHMENTS, assertThrows(ParseException.class, () -> d.decode("2[\"a\"]")).kind());
  }

  @Test
  void acceptsNamespaceWithoutTrailingComma() {
    SocketPacket p = new PacketDecoder().decode("0/random");
    assertEquals("/random", p.namespace());
    assertEquals(PacketType.CONNECT, p.type());
  }

  @Test
  void acceptsLargestAckId() {
    assertEquals(Long.MAX_VALUE, new PacketDecoder().decode("29223372036854775807[\"a\"]").id());
  }
}
