package dev.sio4j.socket.parser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Wire strings from docs/socket.io-protocol/v5-current.md decode and re-encode byte for byte. */
class PacketCodecTest {

  private final PacketEncoder encoder = new PacketEncoder();

  @ParameterizedTest
  @ValueSource(strings = {
      "0",
      "0/admin,{\"token\":\"123\"}",
      "0/admin,{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}",
      "0{\"sid\":\"lv_VI97HAXpY6yYWAAAC\"}",
      "1/admin,",
      "1",
      "2[\"hello\",1]",
      "2[\"foo\"]",
      "2/admin,[\"bar\"]",
      "2/admin,456[\"project:delete\",123]",
      "212[\"foo\"]",
      "3/admin,456[]",
      "3/admin,13[\"bar\"]",
      "4{\"message\":\"Not authorized\"}",
      "4/random,{\"message\":\"Invalid namespace\"}",
      "2[\"message\",1,\"2\",{\"3\":[true]}]",
      "3456[1,\"2\",{\"3\":[false]}]",
      "2[\"n\",-5,3000000000,1.5,null,false,\"\\u00e9\\\"\"]",
  })
  void textPacketsRoundTrip(String wire) {
    SocketPacket p = new PacketDecoder().decode(wire);
    EncodedPacket enc = encoder.encode(p);
    assertEquals(wire.replace("\\u00e9", "é"), enc.text());
    assertTrue(enc.attachments().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "451-[\"hello\",{\"_placeholder\":true,\"num\":0}]",
      "51-[\"baz\",{\"_placeholder\":true,\"num\":0}]",
      "52-/admin,[\"baz\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]",
      "61-15[\"bar\",{\"_placeholder\":true,\"num\":0}]",
      "52-789[\"m\",{\"a\":{\"_placeholder\":true,\"num\":0}},[{\"_placeholder\":true,\"num\":1}]]",
  })
  void binaryPacketsRoundTrip(String wire) {
    String sio = wire.startsWith("4") ? wire.substring(1) : wire; // the first example carries the Engine.IO '4'
    PacketDecoder decoder = new PacketDecoder();
    assertNull(decoder.decode(sio));
    int n = sio.charAt(1) - '0';
    SocketPacket p = null;
    for (int i = 0; i < n; i++) {
      p = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) i, 7}));
      if (i < n - 1) {
        assertNull(p);
      }
    }
    EncodedPacket enc = encoder.encode(p);
    assertEquals(sio, enc.text());
    assertEquals(n, enc.attachments().size());
    for (int i = 0; i < n; i++) {
      assertArrayEquals(new byte[] {(byte) i, 7}, enc.attachments().get(i));
    }
  }

  @Test
  void decodedBinaryIsPutInPlace() {
    PacketDecoder d = new PacketDecoder();
    d.decode("52-[\"e\",{\"_placeholder\":true,\"num\":1},{\"_placeholder\":true,\"num\":0}]");
    d.decode(ByteBuffer.wrap(new byte[] {1}));
    SocketPacket p = d.decode(ByteBuffer.wrap(new byte[] {2}));
    assertEquals(PacketType.BINARY_EVENT, p.type());
    assertEquals("e", p.eventName());
    assertArrayEquals(new byte[] {2}, (byte[]) p.arguments().get(0));
    assertArrayEquals(new byte[] {1}, (byte[]) p.arguments().get(1));
  }

  @Test
  void encodesBinaryAnywhereAsPlaceholders() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("z", 1);
    nested.put("buf", ByteBuffer.wrap(new byte[] {9}));
    EncodedPacket enc = encoder.encode(
        SocketPacket.event("/", List.of("up", new byte[] {1, 2}, List.of(nested)), 7L));
    assertEquals("52-7[\"up\",{\"_placeholder\":true,\"num\":0},"
        + "[{\"z\":1,\"buf\":{\"_placeholder\":true,\"num\":1}}]]", enc.text());
    assertArrayEquals(new byte[] {1, 2}, enc.attachments().get(0));
    assertArrayEquals(new byte[] {9}, enc.attachments().get(1));
    assertEquals(List.of("52-7[\"up\",{\"_placeholder\":true,\"num\":0},"
        + "[{\"z\":1,\"buf\":{\"_placeholder\":true,\"num\":1}}]]"), List.of(((dev.sio4j.engine.OutboundMessage) enc.messages()[0]).content()));
  }

  @Test
  void binaryAckUsesBinaryAckType() {
    EncodedPacket enc = encoder.encode(SocketPacket.ack("/admin", 3, List.of(new byte[] {5})));
    assertEquals("61-/admin,3[{\"_placeholder\":true,\"num\":0}]", enc.text());
  }

  /** A POJO serialized by JSON-B. */
  public record Point(int x, String label) {}

  @Test
  void encodesPojosJsonValuesAndArrays() {
    List<Object> data = new ArrayList<>(Arrays.asList("e", new Point(1, "a"),
        Json.createObjectBuilder().add("k", 2).build(), new Object[] {1.0, 2.5, Double.NaN}, null));
    assertEquals("2[\"e\",{\"label\":\"a\",\"x\":1},{\"k\":2},[1,2.5,null],null]",
        encoder.encode(SocketPacket.event("/", data, null)).text());
  }

  @Test
  void numbersDecodeToIntegerLongBigDecimalOrDouble() {
    SocketPacket p = new PacketDecoder().decode("2[\"n\",1,3000000000,123456789012345678901234567890,1.5]");
    List<Object> a = p.arguments();
    assertEquals(Integer.valueOf(1), a.get(0));
    assertEquals(Long.valueOf(3000000000L), a.get(1));
    assertEquals(new java.math.BigDecimal("123456789012345678901234567890"), a.get(2));
    assertEquals(Double.valueOf(1.5), a.get(3));
  }

  @Test
  void keepsKeyOrder() {
    SocketPacket p = new PacketDecoder().decode("0{\"b\":1,\"a\":2,\"c\":3}");
    assertEquals(List.of("b", "a", "c"), new ArrayList<>(((Map<?, ?>) p.data()).keySet()));
  }
}
