package dev.sio4j.spring.boot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sio4j.socket.parser.EncodedPacket;
import dev.sio4j.socket.parser.JsonBinding;
import dev.sio4j.socket.parser.PacketDecoder;
import dev.sio4j.socket.parser.PacketEncoder;
import dev.sio4j.socket.parser.SocketPacket;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The codec with {@link JacksonJsonBinding} (Jackson's default {@code ObjectMapper} settings) writes the same wire bytes
 * as with the default JSON-B binding, and reads them back into the same values. Record components are declared in
 * alphabetical order and are not null: JSON-B sorts properties and leaves out null ones, Jackson by default does
 * neither (the application's {@code ObjectMapper} settings decide).
 */
class JsonBindingParityTest {

  /** Alphabetical components, numbers of every kind, unicode text. */
  public record Item(double price, long qty, String title) {}

  public record Order(Map<String, Integer> counts, List<Item> items, BigDecimal total, String who) {}

  private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
  private final PacketEncoder jackson = new PacketEncoder(new JacksonJsonBinding(mapper));
  private final PacketEncoder jsonb = new PacketEncoder(JsonBinding.jsonb());

  private static List<Object> values() {
    Map<String, Object> plain = new LinkedHashMap<>();
    plain.put("n", null);
    plain.put("deep", List.of(1, 2.5, "é€😀"));
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("b", 2);
    counts.put("a", 1);
    Order order = new Order(counts, List.of(new Item(9.99, 3, "Kaffee ☕"), new Item(0.5, 1L << 40, "\"quoted\"\n")),
        new BigDecimal("1234.125"), "Zoë");
    return Arrays.asList("order", order, List.of(new Item(1.25, -7, "x")), plain, null, 42, 1L << 53, 3.14, "日本");
  }

  @Test
  void jacksonAndJsonbWriteTheSameBytes() {
    SocketPacket packet = SocketPacket.event("/", values(), 7L);
    EncodedPacket a = jackson.encode(packet);
    EncodedPacket b = jsonb.encode(packet);
    assertEquals(b.text(), a.text());
    assertEquals(0, a.attachments().size());
  }

  @Test
  void binaryStaysAnAttachmentWithEitherBinding() {
    byte[] bytes = {1, 2, (byte) 0xff};
    SocketPacket packet = SocketPacket.event("/", Arrays.asList("file", bytes, Map.of("data", bytes),
        new Item(2.5, 1, "t")), null);
    EncodedPacket a = jackson.encode(packet);
    EncodedPacket b = jsonb.encode(packet);
    assertEquals(b.text(), a.text());
    assertEquals(2, a.attachments().size());
    assertArrayEquals(bytes, a.attachments().get(0));
    assertEquals('5', a.text().charAt(0), a.text()); // BINARY_EVENT, no base64 text
  }

  @Test
  void bothBindingsReadTheWireIntoTheSameValues() throws Exception {
    EncodedPacket wire = jsonb.encode(SocketPacket.event("/", values(), null));
    List<?> decoded = (List<?>) new PacketDecoder().decode(wire.text()).data();
    Object order = decoded.get(1);
    assertEquals(JsonBinding.jsonb().fromTree(order, Order.class), new JacksonJsonBinding(mapper).fromTree(order,
        Order.class));
    assertEquals(values().get(1), new JacksonJsonBinding(mapper).fromTree(order, Order.class));
  }
}
