package dev.sio4j.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * The MessagePack codec of the Redis messages, matching {@code notepack.io} (what the Node adapter uses): maps with
 * string keys, integers in the smallest form, doubles as float64, binary as {@code bin}. Extension values (notepack's
 * {@code undefined} and dates) decode as {@code null}. Stateless; thread safe.
 */
final class MsgPack {

  private MsgPack() {}

  /** Encodes a value (anything {@link PlainValues} understands). */
  static byte[] encode(Object value) {
    try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
      write(packer, value);
      return packer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory buffer: does not happen
    }
  }

  private static void write(MessageBufferPacker p, Object v) throws IOException {
    if (v == null) {
      p.packNil();
    } else if (v instanceof String s) {
      p.packString(s);
    } else if (v instanceof Boolean b) {
      p.packBoolean(b);
    } else if (v instanceof Double || v instanceof Float || v instanceof java.math.BigDecimal) {
      double d = ((Number) v).doubleValue();
      // notepack writes integral numbers as integers; so do we, so a Node peer sees the same encoding
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 0x1p53 && !(d == 0 && 1 / d < 0)) {
        p.packLong((long) d);
      } else {
        p.packDouble(d);
      }
    } else if (v instanceof java.math.BigInteger bi) {
      p.packBigInteger(bi);
    } else if (v instanceof Number n) {
      p.packLong(n.longValue());
    } else if (v instanceof byte[] bytes) {
      p.packBinaryHeader(bytes.length);
      p.writePayload(bytes);
    } else if (v instanceof Map<?, ?> map) {
      p.packMapHeader(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        p.packString(String.valueOf(e.getKey()));
        write(p, e.getValue());
      }
    } else if (v instanceof List<?> list) {
      p.packArrayHeader(list.size());
      for (Object e : list) {
        write(p, e);
      }
    } else {
      write(p, PlainValues.plain(v));
    }
  }

  /**
   * Decodes one value.
   *
   * @throws IllegalArgumentException when malformed or nested deeper than {@code maxDepth}
   */
  static Object decode(byte[] bytes, int maxDepth) {
    try (MessageUnpacker u = MessagePack.newDefaultUnpacker(bytes)) {
      return read(u, maxDepth);
    } catch (IOException | MessagePackException e) {
      throw new IllegalArgumentException("malformed MessagePack: " + e.getMessage(), e);
    }
  }

  private static Object read(MessageUnpacker u, int depth) throws IOException {
    ValueType type = u.getNextFormat().getValueType();
    switch (type) {
      case NIL:
        u.unpackNil();
        return null;
      case BOOLEAN:
        return u.unpackBoolean();
      case INTEGER: {
        var big = u.unpackBigInteger();
        if (big.bitLength() < 32) {
          return big.intValue();
        }
        return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
      }
      case FLOAT:
        return u.unpackDouble();
      case STRING:
        return u.unpackString();
      case BINARY: {
        int n = u.unpackBinaryHeader();
        return u.readPayload(n);
      }
      case ARRAY: {
        if (depth <= 0) {
          throw new IllegalArgumentException("nested too deeply");
        }
        int n = u.unpackArrayHeader();
        List<Object> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
          out.add(read(u, depth - 1));
        }
        return out;
      }
      case MAP: {
        if (depth <= 0) {
          throw new IllegalArgumentException("nested too deeply");
        }
        int n = u.unpackMapHeader();
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          Object k = read(u, depth - 1);
          out.put(String.valueOf(k), read(u, depth - 1));
        }
        return out;
      }
      default: // EXTENSION: notepack's undefined (fixext 1, type 0) and Date
        u.skipValue();
        return null;
    }
  }
}
