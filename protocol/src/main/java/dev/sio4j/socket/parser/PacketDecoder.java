package dev.sio4j.socket.parser;

import dev.sio4j.socket.parser.ParseException.Kind;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Decodes Socket.IO v5 packets from one connection (Node's {@code socket.io-parser} {@code Decoder}): a text message
 * is a complete packet, or the header of a BINARY_* packet followed by exactly N binary messages.
 *
 * <p>Decoded data is a plain tree: {@code LinkedHashMap<String,Object>} (key order kept), {@code ArrayList<Object>},
 * {@code String}, {@code Boolean}, {@code null}, {@code byte[]} (attachments) and numbers: {@code Integer} or
 * {@code Long} for integral values in range, {@code BigDecimal} for larger integral values, {@code Double} otherwise.
 *
 * <p>Validation is strict (see {@link ParseException.Kind}); after a {@link ParseException} the decoder is reset and
 * the connection should be closed. Not thread safe: one instance per connection, fed in arrival order.
 */
public final class PacketDecoder implements SocketParser.Decoder {

  /** Event names a client may not use. */
  public static final Set<String> RESERVED_EVENTS = PacketRules.RESERVED_EVENTS;

  private static final JsonParserFactory PARSERS = Json.createParserFactory(JsonBuffers.CONFIG);
  private static final int MAX_ID_DIGITS = 19;

  private final DecoderLimits limits;

  /** The BINARY_* packet waiting for attachments, or null. */
  private SocketPacket pending;
  private List<Slot> pendingSlots;
  private byte[][] received;
  private int receivedCount;
  private long pendingSize;

  /** Creates a decoder with the given bounds. */
  public PacketDecoder(DecoderLimits limits) {
    this.limits = limits;
  }

  /** Creates a decoder with {@link DecoderLimits#defaults()}. */
  public PacketDecoder() {
    this(DecoderLimits.defaults());
  }

  /**
   * Decodes a text message.
   *
   * @return the packet, or {@code null} when it is a binary packet header still waiting for its attachments
   * @throws ParseException when the message breaks the protocol
   */
  @Override
  public SocketPacket decode(String text) {
    if (pending != null) {
      reset();
      throw new ParseException(Kind.MISSING_ATTACHMENTS, "text packet while waiting for binary attachments");
    }
    if (text.isEmpty()) {
      throw new ParseException(Kind.EMPTY, "empty packet");
    }
    if (text.length() > limits.maxPacketSize()) {
      throw new ParseException(Kind.TOO_LARGE, text.length() + " characters");
    }
    int pos = 0;
    PacketType type = PacketType.fromWireChar(text.charAt(pos++));
    if (type == null) {
      throw new ParseException(Kind.UNKNOWN_TYPE, "type '" + text.charAt(0) + "'");
    }
    int attachments = 0;
    if (type.isBinary()) {
      int start = pos;
      while (pos < text.length() && isDigit(text.charAt(pos))) {
        pos++;
      }
      if (pos == start || pos >= text.length() || text.charAt(pos) != '-' || pos - start > 9) {
        throw new ParseException(Kind.INVALID_ATTACHMENTS, "malformed attachment count");
      }
      attachments = Integer.parseInt(text, start, pos, 10);
      pos++;
      if (attachments > limits.maxAttachments()) {
        throw new ParseException(Kind.INVALID_ATTACHMENTS,
            attachments + " attachments, at most " + limits.maxAttachments());
      }
    }
    String namespace = SocketPacket.MAIN_NAMESPACE;
    if (pos < text.length() && text.charAt(pos) == '/') {
      int start = pos;
      while (pos < text.length() && text.charAt(pos) != ',') {
        if (pos - start >= limits.maxNamespaceLength()) {
          throw new ParseException(Kind.INVALID_NAMESPACE, "namespace longer than " + limits.maxNamespaceLength());
        }
        pos++;
      }
      namespace = text.substring(start, pos);
      if (pos < text.length()) {
        pos++; // the ','
      }
    }
    Long id = null;
    if (pos < text.length() && isDigit(text.charAt(pos))) {
      int start = pos;
      while (pos < text.length() && isDigit(text.charAt(pos))) {
        pos++;
      }
      if (pos - start > MAX_ID_DIGITS) {
        throw new ParseException(Kind.INVALID_ACK_ID, "ack id too long");
      }
      try {
        id = Long.parseLong(text, start, pos, 10);
      } catch (NumberFormatException e) {
        throw new ParseException(Kind.INVALID_ACK_ID, "ack id out of range");
      }
    }
    PacketRules.checkId(type, id);
    List<Slot> slots = type.isBinary() ? new ArrayList<>(attachments) : null;
    Object data = pos < text.length() ? parseJson(text, pos, slots, attachments) : null;
    PacketRules.checkPayload(type, data);
    SocketPacket packet = new SocketPacket(type, namespace, data, id);
    if (!type.isBinary()) {
      return packet;
    }
    BitSet used = new BitSet(attachments);
    slots.forEach(s -> used.set(s.num));
    if (used.cardinality() != attachments) {
      throw new ParseException(Kind.INVALID_ATTACHMENTS,
          attachments + " attachments announced, " + used.cardinality() + " referenced");
    }
    if (attachments == 0) {
      return packet;
    }
    pending = packet;
    pendingSlots = slots;
    received = new byte[attachments][];
    receivedCount = 0;
    pendingSize = text.length();
    return null;
  }

  /**
   * Decodes a binary message: the next attachment of the pending binary packet.
   *
   * @return the completed packet after its last attachment, else {@code null}
   * @throws ParseException when no binary packet is waiting, or the attachments are too large
   */
  @Override
  public SocketPacket decode(ByteBuffer data) {
    if (pending == null) {
      throw new ParseException(Kind.UNEXPECTED_BINARY, "binary message without a binary packet header");
    }
    pendingSize += data.remaining();
    if (pendingSize > limits.maxPacketSize()) {
      reset();
      throw new ParseException(Kind.TOO_LARGE, "attachments exceed " + limits.maxPacketSize() + " bytes");
    }
    byte[] bytes = new byte[data.remaining()];
    data.duplicate().get(bytes);
    received[receivedCount++] = bytes;
    if (receivedCount < received.length) {
      return null;
    }
    for (Slot slot : pendingSlots) {
      slot.fill(received[slot.num]);
    }
    SocketPacket done = pending;
    reset();
    return done;
  }

  /** Whether a binary packet is waiting for attachments. */
  public boolean isAwaitingAttachments() {
    return pending != null;
  }

  /** Drops a partly received packet (Node's {@code destroy}). */
  @Override
  public void reset() {
    pending = null;
    pendingSlots = null;
    received = null;
    receivedCount = 0;
    pendingSize = 0;
  }

  private Object parseJson(String text, int from, List<Slot> slots, int attachments) {
    StringReader reader = new StringReader(text);
    try {
      reader.skip(from);
    } catch (IOException e) {
      throw new IllegalStateException(e); // a StringReader does not fail
    }
    try (JsonParser parser = PARSERS.createParser(reader)) {
      if (!parser.hasNext()) {
        throw new ParseException(Kind.INVALID_JSON, "no JSON value");
      }
      Object value = readValue(parser, parser.next(), 0, slots, attachments);
      if (parser.hasNext()) {
        throw new ParseException(Kind.INVALID_JSON, "trailing data after JSON value");
      }
      return value;
    } catch (JsonException | NoSuchElementException | IllegalStateException | NumberFormatException e) {
      // NumberFormatException: Parsson builds a BigDecimal, which rejects an exponent beyond the int range (1e99999999999)
      throw new ParseException(Kind.INVALID_JSON, String.valueOf(e.getMessage()));
    }
  }

  private Object readValue(JsonParser p, JsonParser.Event ev, int depth, List<Slot> slots, int attachments) {
    switch (ev) {
      case VALUE_STRING:
        return p.getString();
      case VALUE_NUMBER:
        return number(p.getBigDecimal());
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      case START_ARRAY: {
        checkDepth(depth);
        List<Object> list = new ArrayList<>();
        for (JsonParser.Event e = p.next(); e != JsonParser.Event.END_ARRAY; e = p.next()) {
          Object v = readValue(p, e, depth + 1, slots, attachments);
          if (v instanceof Placeholder ph) {
            slots.add(new Slot(list, list.size(), null, ph.num));
          }
          list.add(v);
        }
        return list;
      }
      case START_OBJECT: {
        checkDepth(depth);
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonParser.Event e = p.next(); e != JsonParser.Event.END_OBJECT; e = p.next()) {
          String key = p.getString();
          Object v = readValue(p, p.next(), depth + 1, slots, attachments);
          if (v instanceof Placeholder ph) {
            slots.add(new Slot(map, -1, key, ph.num));
          }
          map.put(key, v);
        }
        if (slots != null && Boolean.TRUE.equals(map.get("_placeholder"))) {
          // only BINARY_EVENT / BINARY_ACK have attachments; elsewhere, as in Node, this is the application's data
          return placeholder(map, attachments);
        }
        return map;
      }
      default:
        throw new ParseException(Kind.INVALID_JSON, "unexpected " + ev);
    }
  }

  private Placeholder placeholder(Map<String, Object> map, int attachments) {
    if (!(map.get("num") instanceof Integer num) || num < 0 || num >= attachments) {
      throw new ParseException(Kind.INVALID_PLACEHOLDER, "placeholder num out of range: " + map.get("num"));
    }
    return new Placeholder(num);
  }

  private void checkDepth(int depth) {
    if (depth >= limits.maxDepth()) {
      throw new ParseException(Kind.TOO_DEEP, "JSON nested deeper than " + limits.maxDepth());
    }
  }

  private static Number number(BigDecimal bd) {
    if (bd.scale() <= 0) {
      try {
        long l = bd.longValueExact();
        return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Number) (int) l : (Number) l;
      } catch (ArithmeticException e) {
        return bd;
      }
    }
    return bd.doubleValue();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A placeholder found in the JSON, replaced by its attachment once all have arrived. */
  private record Placeholder(int num) {}

  /** Where a placeholder sits: a list index or a map key. */
  private static final class Slot {
    private final Object container;
    private final int index;
    private final String key;
    private final int num;

    Slot(Object container, int index, String key, int num) {
      this.container = container;
      this.index = index;
      this.key = key;
      this.num = num;
    }

    @SuppressWarnings("unchecked")
    void fill(byte[] bytes) {
      if (key == null) {
        ((List<Object>) container).set(index, bytes);
      } else {
        ((Map<String, Object>) container).put(key, bytes);
      }
    }
  }
}
