package dev.sio4j.engine;

import dev.sio4j.engine.packet.EnginePacket;
import dev.sio4j.engine.packet.PacketEncoder;
import dev.sio4j.engine.packet.PacketType;
import dev.sio4j.engine.packet.V3PayloadEncoder;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A message prepared for sending, which caches its encoded wire forms: send the same instance to many sessions (a
 * broadcast) and it is encoded once, not once per session.
 *
 * <pre>{@code
 * OutboundMessage msg = OutboundMessage.text("42[\"news\",1]");
 * for (EngineSocket s : sockets) {
 *   s.sendAll(msg);        // or s.sendVolatile(msg)
 * }
 * }</pre>
 *
 * <p>Immutable and thread safe (the encoded forms are computed lazily; computing one twice in a race is harmless).
 * The bytes of a binary message must not be modified after creation.
 */
public final class OutboundMessage {

  static final OutboundMessage PING = control(EnginePacket.PING);
  static final OutboundMessage NOOP = control(EnginePacket.NOOP);
  static final OutboundMessage CLOSE = control(EnginePacket.CLOSE);
  static final OutboundMessage PONG_PROBE = control(EnginePacket.PONG_PROBE);
  static final OutboundMessage PONG = control(EnginePacket.PONG);

  private final EnginePacket packet;
  /** Whether a polling response carrying this message may be HTTP-compressed (Node's {@code compress} option). */
  private final boolean compress;
  private String textForm; // "<type><data>" or "b<base64>"; lazily cached (String is safely published)
  private volatile String v3TextForm; // Engine.IO v3: "b4<base64>" for binary, lazily cached
  private volatile byte[] v3BinaryFrame; // Engine.IO v3: type byte 4 + data, lazily cached

  private OutboundMessage(EnginePacket packet, boolean compress) {
    this.packet = packet;
    this.compress = compress;
  }

  private OutboundMessage(EnginePacket packet) {
    this(packet, true);
  }

  /** A text {@code message}. */
  public static OutboundMessage text(String text) {
    return new OutboundMessage(EnginePacket.message(Objects.requireNonNull(text, "text")));
  }

  /** A binary {@code message} over these bytes (not copied: do not modify them afterwards). */
  public static OutboundMessage binary(byte[] data) {
    return new OutboundMessage(EnginePacket.binary(Objects.requireNonNull(data, "data")));
  }

  /** A binary {@code message} over the buffer's remaining bytes (not copied, position not moved). */
  public static OutboundMessage binary(ByteBuffer data) {
    return new OutboundMessage(new EnginePacket.Binary(data.slice()));
  }

  /** Wraps what {@link EngineSocket#sendAll} accepts: a String, byte[], ByteBuffer or OutboundMessage. */
  static OutboundMessage of(Object message) {
    if (message instanceof OutboundMessage m) {
      return m;
    } else if (message instanceof String s) {
      return text(s);
    } else if (message instanceof byte[] b) {
      return binary(b);
    } else if (message instanceof ByteBuffer b) {
      return binary(b);
    }
    throw new IllegalArgumentException("cannot send a " + (message == null ? "null" : message.getClass().getName())
        + ": use String, byte[], ByteBuffer or OutboundMessage");
  }

  static OutboundMessage control(EnginePacket.Text packet) {
    return new OutboundMessage(packet, false); // as in Node: control packets carry no compress option
  }

  /**
   * This message with Node's {@code compress: false}: a polling response made only of such messages is not
   * HTTP-compressed, however large (over WebSocket, JSR-356 gives no per-message control of permessage-deflate).
   */
  public OutboundMessage uncompressed() {
    return compress ? new OutboundMessage(packet, false) : this;
  }

  /** Whether a polling response carrying this message may be compressed (see {@link #uncompressed()}). */
  public boolean compress() {
    return compress;
  }

  /** Whether this is a binary message. */
  public boolean isBinary() {
    return packet instanceof EnginePacket.Binary;
  }

  /**
   * What this message carries: the text ({@link String}) of a text message, or the bytes ({@code byte[]}) of a binary
   * one — the very array it was created from when there is one, else a copy.
   */
  public Object content() {
    if (packet instanceof EnginePacket.Binary b) {
      ByteBuffer data = b.data();
      if (data.hasArray() && data.arrayOffset() == 0 && data.position() == 0 && data.remaining() == data.array().length) {
        return data.array();
      }
      byte[] copy = new byte[data.remaining()];
      data.duplicate().get(copy);
      return copy;
    }
    return ((EnginePacket.Text) packet).data();
  }

  /** The packet this message sends. */
  EnginePacket packet() {
    return packet;
  }

  /** The text form: a WebSocket text frame, or one element of a polling payload ({@code b<base64>} if binary). */
  String textForm() {
    String s = textForm;
    if (s == null) {
      s = PacketEncoder.encodeAsText(packet);
      textForm = s;
    }
    return s;
  }

  /** The text form for an Engine.IO v3 session (binary as {@code b4<base64>}), computed once per message. */
  String textForm(int protocol) {
    if (protocol != 3 || !isBinary()) {
      return textForm();
    }
    String s = v3TextForm;
    if (s == null) {
      s = V3PayloadEncoder.encodeAsText(packet);
      v3TextForm = s;
    }
    return s;
  }

  /** The binary frame for an Engine.IO v3 session (type byte 4 first), computed once per message; a fresh view. */
  ByteBuffer binaryFrame(int protocol) {
    if (protocol != 3) {
      return binaryFrame();
    }
    byte[] b = v3BinaryFrame;
    if (b == null) {
      b = V3PayloadEncoder.binaryFrame(((EnginePacket.Binary) packet).data());
      v3BinaryFrame = b;
    }
    return ByteBuffer.wrap(b);
  }

  /** A WebSocket binary frame: a fresh view of the shared bytes (the channel may read it). */
  ByteBuffer binaryFrame() {
    return ((EnginePacket.Binary) packet).data().duplicate();
  }

  /** Bytes counted against {@link EngineOptions#maxBufferedBytes()}: the data size (UTF-16 units for text). */
  long weight() {
    if (packet instanceof EnginePacket.Binary b) {
      return b.data().remaining();
    }
    return ((EnginePacket.Text) packet).data().length() + 1L;
  }

  /** Whether this is the given control packet type (used by the writers to spot a close). */
  boolean is(PacketType type) {
    return packet.type() == type;
  }

  @Override
  public String toString() {
    return isBinary() ? "binary(" + weight() + " bytes)" : textForm();
  }
}
