package dev.sio4j.msgpack;

import dev.sio4j.socket.parser.DecoderLimits;
import dev.sio4j.socket.parser.PacketRules;
import dev.sio4j.socket.parser.PacketType;
import dev.sio4j.socket.parser.ParseException;
import dev.sio4j.socket.parser.ParseException.Kind;
import dev.sio4j.socket.parser.SocketPacket;
import dev.sio4j.socket.parser.SocketParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * Decodes the binary messages of one connection, each one packet (notepack.io's {@code decode}, then
 * socket.io-msgpack-parser's {@code checkPacket}, then the rules the JSON parser applies: {@link PacketRules}).
 *
 * <p>The data tree is the JSON parser's: {@code LinkedHashMap<String,Object>}, {@code ArrayList<Object>},
 * {@code String}, {@code Boolean}, {@code null}, {@code byte[]} (msgpack {@code bin}, and notepack's extension type 0
 * with which a browser sends an {@code ArrayBuffer}), {@code Integer}/{@code Long} (a {@code BigDecimal} beyond
 * {@code Long.MAX_VALUE}) and {@code Double}. notepack's {@code undefined} (fixext 1, type 0) leaves its map key out
 * and is {@code null} in an array, as {@code JSON.stringify} does; its {@code Date} (fixext 8, type 0) becomes the ISO
 * string {@code Date.toJSON} gives. Other extension types are refused.
 *
 * <p>Bounded as the JSON parser is: the message size, the nesting depth, the number of binary values (its attachment
 * bound), the namespace length; every length prefix is checked against the bytes left before anything is allocated.
 * Fails only with {@link ParseException}. Not thread safe: one instance per connection.
 */
final class MsgpackDecoder implements SocketParser.Decoder {

  private static final Object UNDEFINED = new Object();
  private static final DateTimeFormatter JS_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final DecoderLimits limits;

  MsgpackDecoder(DecoderLimits limits) {
    this.limits = limits;
  }

  @Override
  public SocketPacket decode(String text) {
    throw new ParseException(Kind.INVALID_ENCODING, "text message; the msgpack parser expects binary messages");
  }

  @Override
  public SocketPacket decode(ByteBuffer data) {
    int length = data.remaining();
    if (length == 0) {
      throw new ParseException(Kind.EMPTY, "empty packet");
    }
    if (length > limits.maxPacketSize()) {
      throw new ParseException(Kind.TOO_LARGE, length + " bytes");
    }
    // msgpack-core reads a direct buffer (Jetty hands those) through sun.nio.ch, which the JDK does not export: it
    // would fail with IllegalAccessError. A heap copy costs one arraycopy, as the JSON decoder's attachments do.
    byte[] bytes;
    int offset;
    if (data.hasArray()) {
      bytes = data.array();
      offset = data.arrayOffset() + data.position();
    } else {
      bytes = new byte[length];
      data.duplicate().get(bytes);
      offset = 0;
    }
    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(bytes, offset, length)) {
      Object root = new Reader(in, length).value(-1); // -1: data nests as deep as with JSON
      if (in.hasNext()) {
        throw new ParseException(Kind.INVALID_ENCODING, "trailing bytes after the packet");
      }
      return packet(root);
    } catch (ParseException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // truncated input, a reserved byte (0xc1), an integer beyond its type... (MessagePackException); any other
      // runtime failure of msgpack-core is a refusal of this input too, never an exception escaping to the engine
      throw new ParseException(Kind.INVALID_ENCODING, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  @Override
  public void reset() {
    // every message is a whole packet: nothing is ever pending
  }

  private SocketPacket packet(Object root) {
    if (!(root instanceof Map<?, ?> map)) {
      throw new ParseException(Kind.INVALID_PAYLOAD, "the packet is not a msgpack map");
    }
    if (!(map.get("type") instanceof Integer t) || t < 0 || t > PacketType.CONNECT_ERROR.ordinal()) {
      throw new ParseException(Kind.UNKNOWN_TYPE, "type " + map.get("type"));
    }
    PacketType type = PacketType.values()[t];
    if (!(map.get("nsp") instanceof String nsp) || !nsp.startsWith("/")) {
      throw new ParseException(Kind.INVALID_NAMESPACE, "nsp " + map.get("nsp"));
    }
    if (nsp.length() > limits.maxNamespaceLength()) {
      throw new ParseException(Kind.INVALID_NAMESPACE, "namespace longer than " + limits.maxNamespaceLength());
    }
    Object rawId = map.get("id");
    Long id;
    if (rawId == null) {
      id = null;
    } else if (rawId instanceof Integer || rawId instanceof Long) {
      id = ((Number) rawId).longValue();
      if (id < 0) {
        throw new ParseException(Kind.INVALID_ACK_ID, "negative ack id");
      }
    } else {
      throw new ParseException(Kind.INVALID_ACK_ID, "ack id " + rawId);
    }
    PacketRules.checkId(type, id);
    Object data = map.get("data");
    PacketRules.checkPayload(type, data);
    return new SocketPacket(type, nsp, data, id);
  }

  /** Reads one message's values, counting binary values and checking lengths against the bytes left. */
  private final class Reader {
    private final MessageUnpacker in;
    private final long length;
    private int binaries;

    Reader(MessageUnpacker in, long length) {
      this.in = in;
      this.length = length;
    }

    Object value(int depth) throws IOException {
      MessageFormat format = in.getNextFormat();
      switch (format.getValueType()) {
        case NIL:
          in.unpackNil();
          return null;
        case BOOLEAN:
          return in.unpackBoolean();
        case INTEGER:
          return integer(format);
        case FLOAT:
          return in.unpackDouble();
        case STRING:
          return new String(payload(in.unpackRawStringHeader()), StandardCharsets.UTF_8);
        case BINARY:
          return binary(in.unpackBinaryHeader());
        case ARRAY: {
          checkDepth(depth);
          int n = checkCount(in.unpackArrayHeader(), 1);
          List<Object> list = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            Object v = value(depth + 1);
            list.add(v == UNDEFINED ? null : v);
          }
          return list;
        }
        case MAP: {
          checkDepth(depth);
          int n = checkCount(in.unpackMapHeader(), 2);
          Map<String, Object> map = new LinkedHashMap<>();
          for (int i = 0; i < n; i++) {
            String key = key(value(depth + 1));
            Object v = value(depth + 1);
            if (v == UNDEFINED) {
              map.remove(key);
            } else {
              map.put(key, v);
            }
          }
          return map;
        }
        case EXTENSION:
          return extension(format, in.unpackExtensionTypeHeader());
        default:
          throw new ParseException(Kind.INVALID_ENCODING, "unexpected " + format);
      }
    }

    private Object integer(MessageFormat format) throws IOException {
      if (format == MessageFormat.UINT64) {
        BigInteger big = in.unpackBigInteger();
        return big.bitLength() < 64 ? narrow(big.longValue()) : new BigDecimal(big);
      }
      return narrow(in.unpackLong());
    }

    private Object extension(MessageFormat format, ExtensionTypeHeader header) throws IOException {
      int len = header.getLength();
      if (header.getType() == 0) {
        if (format == MessageFormat.FIXEXT1) {
          payload(len);
          return UNDEFINED;
        }
        if (format == MessageFormat.FIXEXT8) {
          ByteBuffer b = ByteBuffer.wrap(payload(len));
          long millis = b.getInt() * 0x1_0000_0000L + (b.getInt() & 0xffff_ffffL);
          return JS_DATE.format(Instant.ofEpochMilli(millis));
        }
        if (format == MessageFormat.EXT8 || format == MessageFormat.EXT16 || format == MessageFormat.EXT32) {
          return binary(len); // a browser's ArrayBuffer
        }
      }
      throw new ParseException(Kind.INVALID_ENCODING,
          "unsupported msgpack extension type " + header.getType() + " (" + format + ")");
    }

    private byte[] binary(int len) throws IOException {
      if (++binaries > limits.maxAttachments()) {
        throw new ParseException(Kind.INVALID_ATTACHMENTS, "more than " + limits.maxAttachments() + " binary values");
      }
      return payload(len);
    }

    private byte[] payload(int len) throws IOException {
      checkCount(len, 1);
      return in.readPayload(len);
    }

    /** A declared element count or length that cannot fit in the bytes left is refused before any allocation. */
    private int checkCount(int n, int minBytesEach) {
      long left = length - in.getTotalReadBytes();
      if (n < 0 || (long) n * minBytesEach > left) {
        throw new ParseException(Kind.INVALID_ENCODING, "declared length " + n + " exceeds the " + left
            + " bytes left");
      }
      return n;
    }

    private void checkDepth(int depth) {
      if (depth >= limits.maxDepth()) {
        throw new ParseException(Kind.TOO_DEEP, "msgpack nested deeper than " + limits.maxDepth());
      }
    }
  }

  /** A map key as JavaScript sees it: strings as they are, numbers and booleans as their string form. */
  private static String key(Object k) {
    if (k instanceof String s) {
      return s;
    }
    if (k instanceof Number || k instanceof Boolean || k == null) {
      return String.valueOf(k);
    }
    throw new ParseException(Kind.INVALID_ENCODING, "map key of type " + k.getClass().getSimpleName());
  }

  private static Object narrow(long l) {
    return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
  }
}
