package dev.sio4j.socket.parser;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Encodes {@link SocketPacket}s into Socket.IO v5 wire form (Node's {@code socket.io-parser} {@code Encoder}).
 *
 * <p>Binary values ({@code byte[]}, {@link ByteBuffer}) anywhere in the data are replaced by
 * {@code {"_placeholder":true,"num":n}} and returned as attachments; the type then becomes BINARY_EVENT/BINARY_ACK.
 * JSON is compact and keeps map key order. {@code Double}/{@code Float} values that are whole and exactly
 * representable are written without a fraction (as JavaScript does); NaN and infinities become {@code null}.
 * {@link JsonValue}s are written as they are; any other object (POJO, record...) is turned into a plain tree by the
 * {@link JsonBinding} (JSON-B by default, which writes binary inside a POJO as base64; a binding whose trees keep
 * {@code byte[]} nodes gets attachments).
 *
 * <p>Thread safe: one instance (and its one {@link Jsonb}) serves every connection.
 */
public final class PacketEncoder implements SocketParser.Encoder {

  /** Cyclic or absurdly deep data is refused rather than overflowing the stack. */
  private static final int MAX_ENCODE_DEPTH = 512;
  private static final double MAX_SAFE_INTEGER = 9007199254740991d;

  private final JsonGeneratorFactory generators = Json.createGeneratorFactory(JsonBuffers.CONFIG);
  private final JsonBinding binding;

  /** Creates an encoder that serializes POJOs with {@link JsonBinding#jsonb()}. */
  public PacketEncoder() {
    this(JsonBinding.jsonb());
  }

  /** Creates an encoder that serializes POJOs with the given {@link Jsonb} (shared, must be thread safe). */
  public PacketEncoder(Jsonb jsonb) {
    this(new JsonbBinding(jsonb));
  }

  /** Creates an encoder that turns POJOs into plain trees with {@code binding} (shared, must be thread safe). */
  public PacketEncoder(JsonBinding binding) {
    this.binding = java.util.Objects.requireNonNull(binding, "binding");
  }

  /**
   * Encodes a packet.
   *
   * @throws IllegalArgumentException when the data cannot be serialized (too deep, or JSON-B fails)
   */
  @Override
  public EncodedPacket encode(SocketPacket packet) {
    List<byte[]> attachments = new ArrayList<>(0);
    // The JSON goes straight after a header reserved in the same builder (no intermediate String); the header is only
    // known afterwards (attachments turn EVENT into BINARY_EVENT), so it is written into the reserved room then.
    StringBuilder sb = new StringBuilder(64);
    if (packet.data() != null) {
      try (JsonGenerator gen = generators.createGenerator(new BuilderWriter(sb))) {
        write(gen, packet.data(), attachments, 0);
      } catch (IllegalArgumentException e) {
        throw e;
      } catch (RuntimeException e) { // JSON-P, JSON-B or the application binding's own exception
        throw new IllegalArgumentException("cannot serialize packet data: " + e.getMessage(), e);
      }
    }
    PacketType type = packet.type();
    if (!attachments.isEmpty()) {
      type = switch (type) {
        case EVENT, BINARY_EVENT -> PacketType.BINARY_EVENT;
        case ACK, BINARY_ACK -> PacketType.BINARY_ACK;
        default -> throw new IllegalArgumentException("binary data is only allowed in events and acks: " + type);
      };
    } else if (type.isBinary()) {
      type = type == PacketType.BINARY_EVENT ? PacketType.EVENT : PacketType.ACK;
    }
    StringBuilder header = new StringBuilder(16);
    header.append(type.wireChar());
    if (type.isBinary()) {
      header.append(attachments.size()).append('-');
    }
    if (!SocketPacket.MAIN_NAMESPACE.equals(packet.namespace())) {
      header.append(packet.namespace()).append(',');
    }
    if (packet.id() != null) {
      header.append(packet.id().longValue());
    }
    sb.insert(0, header);
    return new EncodedPacket(sb.toString(), attachments);
  }

  /** An unsynchronized {@link java.io.Writer} into a {@link StringBuilder} ({@code StringWriter} locks per write). */
  private static final class BuilderWriter extends java.io.Writer {
    private final StringBuilder sb;

    BuilderWriter(StringBuilder sb) {
      this.sb = sb;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
      sb.append(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) {
      sb.append(str, off, off + len);
    }

    @Override
    public void write(int c) {
      sb.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  private void write(JsonGenerator gen, Object v, List<byte[]> attachments, int depth) {
    if (depth > MAX_ENCODE_DEPTH) {
      throw new IllegalArgumentException("data nested deeper than " + MAX_ENCODE_DEPTH + " (cyclic?)");
    }
    if (v == null) {
      gen.writeNull();
    } else if (v instanceof String s) {
      gen.write(s);
    } else if (v instanceof Boolean b) {
      gen.write(b);
    } else if (v instanceof Number n) {
      writeNumber(gen, n);
    } else if (v instanceof byte[] bytes) {
      writePlaceholder(gen, bytes, attachments);
    } else if (v instanceof ByteBuffer buf) {
      ByteBuffer copy = buf.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      writePlaceholder(gen, bytes, attachments);
    } else if (v instanceof JsonValue jv) {
      gen.write(jv);
    } else if (v instanceof Map<?, ?> map) {
      gen.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        gen.writeKey(String.valueOf(e.getKey()));
        write(gen, e.getValue(), attachments, depth + 1);
      }
      gen.writeEnd();
    } else if (v instanceof Collection<?> c) {
      gen.writeStartArray();
      for (Object o : c) {
        write(gen, o, attachments, depth + 1);
      }
      gen.writeEnd();
    } else if (v instanceof Object[] arr) {
      gen.writeStartArray();
      for (Object o : arr) {
        write(gen, o, attachments, depth + 1);
      }
      gen.writeEnd();
    } else if (v instanceof Optional<?> opt) {
      write(gen, opt.orElse(null), attachments, depth + 1);
    } else if (v instanceof Character || v instanceof Enum<?>) {
      gen.write(v instanceof Enum<?> e ? e.name() : v.toString());
    } else {
      writePojo(gen, v, attachments, depth);
    }
  }

  private void writePojo(JsonGenerator gen, Object v, List<byte[]> attachments, int depth) {
    if (binding instanceof JsonbBinding jsonb) {
      jsonb.write(v, gen);
      return;
    }
    Object tree = binding.toTree(v);
    if (tree == v) {
      throw new IllegalArgumentException(binding + " returned no tree for " + v.getClass().getName());
    }
    write(gen, tree, attachments, depth + 1);
  }

  private static void writePlaceholder(JsonGenerator gen, byte[] bytes, List<byte[]> attachments) {
    gen.writeStartObject().write("_placeholder", true).write("num", attachments.size()).writeEnd();
    attachments.add(bytes);
  }

  private static void writeNumber(JsonGenerator gen, Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      gen.write(n.longValue());
    } else if (n instanceof BigInteger bi) {
      gen.write(bi);
    } else if (n instanceof BigDecimal bd) {
      gen.write(bd);
    } else {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        gen.writeNull();
      } else if (d == Math.rint(d) && Math.abs(d) <= MAX_SAFE_INTEGER) {
        gen.write((long) d);
      } else {
        gen.write(d);
      }
    }
  }
}
