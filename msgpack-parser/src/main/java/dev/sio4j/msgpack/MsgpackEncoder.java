package dev.sio4j.msgpack;

import dev.sio4j.socket.parser.EncodedPacket;
import dev.sio4j.socket.parser.PacketType;
import dev.sio4j.socket.parser.SocketPacket;
import dev.sio4j.socket.parser.SocketParser;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * Encodes a packet as notepack.io does Node's packet object: a map {@code type, data, id, nsp} (absent keys left out,
 * in the order Node's server builds the object), integers in their smallest msgpack form, other numbers as float64,
 * {@code byte[]}/{@link ByteBuffer} as {@code bin}. Accepts the data {@link SocketPacket} documents: {@link JsonValue}s
 * are written as msgpack, POJOs and records through JSON-B first.
 *
 * <p>Thread safe: one instance (and its {@link Jsonb}) serves every connection of a server.
 */
final class MsgpackEncoder implements SocketParser.Encoder {

  /** Cyclic or absurdly deep data is refused rather than overflowing the stack (as the JSON encoder does). */
  private static final int MAX_ENCODE_DEPTH = 512;
  private static final double MAX_SAFE_INTEGER = 9007199254740991d;
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /** Most packets are small: start at 256 bytes instead of msgpack-core's 8 KiB per encode (it grows as needed). */
  private static final MessagePack.PackerConfig PACKER = new MessagePack.PackerConfig().withBufferSize(256);

  private final Jsonb jsonb = JsonbBuilder.create();

  @Override
  public EncodedPacket encode(SocketPacket packet) {
    MessageBufferPacker pk = PACKER.newBufferPacker();
    try {
      pk.packMapHeader(2 + (packet.data() != null ? 1 : 0) + (packet.id() != null ? 1 : 0));
      pk.packString("type").packInt(wireType(packet.type()));
      if (packet.data() != null) {
        pk.packString("data");
        write(pk, packet.data(), 0);
      }
      if (packet.id() != null) {
        pk.packString("id").packLong(packet.id());
      }
      pk.packString("nsp").packString(packet.namespace());
      pk.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a buffer packer does not fail
    } catch (JsonbException e) {
      throw new IllegalArgumentException("cannot serialize packet data: " + e.getMessage(), e);
    }
    return EncodedPacket.binaryFrame(pk.toByteArray());
  }

  /** The msgpack parser knows no BINARY_* types: binary travels inside EVENT/ACK. */
  static int wireType(PacketType type) {
    return switch (type) {
      case BINARY_EVENT -> PacketType.EVENT.ordinal();
      case BINARY_ACK -> PacketType.ACK.ordinal();
      default -> type.ordinal();
    };
  }

  private void write(MessagePacker pk, Object v, int depth) throws IOException {
    if (depth > MAX_ENCODE_DEPTH) {
      throw new IllegalArgumentException("data nested deeper than " + MAX_ENCODE_DEPTH + " (cyclic?)");
    }
    if (v == null) {
      pk.packNil();
    } else if (v instanceof String s) {
      pk.packString(s);
    } else if (v instanceof Boolean b) {
      pk.packBoolean(b);
    } else if (v instanceof Number n) {
      writeNumber(pk, n);
    } else if (v instanceof byte[] bytes) {
      pk.packBinaryHeader(bytes.length).writePayload(bytes);
    } else if (v instanceof ByteBuffer buf) {
      ByteBuffer copy = buf.duplicate();
      pk.packBinaryHeader(copy.remaining());
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      pk.writePayload(bytes);
    } else if (v instanceof JsonValue jv) {
      writeJson(pk, jv, depth);
    } else if (v instanceof Map<?, ?> map) {
      pk.packMapHeader(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        pk.packString(String.valueOf(e.getKey()));
        write(pk, e.getValue(), depth + 1);
      }
    } else if (v instanceof Collection<?> c) {
      pk.packArrayHeader(c.size());
      for (Object o : c) {
        write(pk, o, depth + 1);
      }
    } else if (v instanceof Object[] arr) {
      pk.packArrayHeader(arr.length);
      for (Object o : arr) {
        write(pk, o, depth + 1);
      }
    } else if (v instanceof Optional<?> opt) {
      write(pk, opt.orElse(null), depth + 1);
    } else if (v instanceof Character || v instanceof Enum<?>) {
      pk.packString(v instanceof Enum<?> e ? e.name() : v.toString());
    } else {
      // POJOs and records: JSON-B decides their shape, as with the JSON parser
      try (JsonReader reader = Json.createReader(new StringReader(jsonb.toJson(v)))) {
        writeJson(pk, reader.readValue(), depth);
      }
    }
  }

  private void writeJson(MessagePacker pk, JsonValue jv, int depth) throws IOException {
    if (depth > MAX_ENCODE_DEPTH) {
      throw new IllegalArgumentException("data nested deeper than " + MAX_ENCODE_DEPTH);
    }
    switch (jv.getValueType()) {
      case NULL -> pk.packNil();
      case TRUE -> pk.packBoolean(true);
      case FALSE -> pk.packBoolean(false);
      case STRING -> pk.packString(((JsonString) jv).getString());
      case NUMBER -> writeNumber(pk, ((JsonNumber) jv).bigDecimalValue());
      case ARRAY -> {
        pk.packArrayHeader(jv.asJsonArray().size());
        for (JsonValue e : jv.asJsonArray()) {
          writeJson(pk, e, depth + 1);
        }
      }
      case OBJECT -> {
        pk.packMapHeader(jv.asJsonObject().size());
        for (Map.Entry<String, JsonValue> e : jv.asJsonObject().entrySet()) {
          pk.packString(e.getKey());
          writeJson(pk, e.getValue(), depth + 1);
        }
      }
    }
  }

  /** Numbers as notepack.io writes a JavaScript number: whole ones as the smallest integer, others as float64. */
  private static void writeNumber(MessagePacker pk, Number n) throws IOException {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      pk.packLong(n.longValue());
      return;
    }
    if (n instanceof BigInteger bi) {
      if (bi.bitLength() < 64) {
        pk.packLong(bi.longValue());
      } else if (bi.signum() > 0 && bi.compareTo(UINT64_MAX) <= 0) {
        pk.packBigInteger(bi);
      } else {
        pk.packDouble(bi.doubleValue());
      }
      return;
    }
    if (n instanceof BigDecimal bd) {
      BigDecimal stripped = bd.stripTrailingZeros();
      // at most 19 integer digits before toBigInteger: 1e999999999 must not be expanded
      boolean whole = stripped.signum() == 0 || stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 19;
      if (whole && stripped.toBigInteger().bitLength() < 64) {
        pk.packLong(stripped.longValue());
      } else {
        pk.packDouble(bd.doubleValue());
      }
      return;
    }
    double d = n.doubleValue();
    if (d == Math.rint(d) && Math.abs(d) <= MAX_SAFE_INTEGER) {
      pk.packLong((long) d);
    } else {
      pk.packDouble(d);
    }
  }
}
