package dev.sio4j.socket.parser;

import dev.sio4j.engine.OutboundMessage;
import java.util.List;
import java.util.Objects;

/**
 * A packet on the wire: one text message, then its binary attachments (one binary message each, in order), as the
 * default parser writes it; or one binary message and nothing else ({@link #binaryFrame}), as a binary parser such as
 * msgpack writes it. The same
 * instance may be handed to many sessions: a broadcast is encoded once, and the engine messages built from it
 * ({@link #textMessage()}, {@link #messages()}) are built once too and shared by every recipient.
 *
 * <p>Immutable and thread safe (the engine messages are created lazily; creating them twice in a race is harmless);
 * the attachments must not be modified.
 */
public final class EncodedPacket {

  private final String text;
  private final byte[] frame;
  private final List<byte[]> attachments;
  private OutboundMessage textMessage; // lazily cached
  private Object[] messages; // lazily cached
  private Object[] uncompressedMessages; // lazily cached, for compress(false)

  /**
   * @param text the text message (header and JSON)
   * @param attachments the binary attachments, empty for non-binary packets
   */
  public EncodedPacket(String text, List<byte[]> attachments) {
    this.text = Objects.requireNonNull(text, "text");
    this.frame = null;
    this.attachments = List.copyOf(attachments);
  }

  private EncodedPacket(byte[] frame) {
    this.text = null;
    this.frame = Objects.requireNonNull(frame, "frame");
    this.attachments = List.of();
  }

  /**
   * A packet that is one binary message (a binary parser's frame: one WebSocket binary frame, one polling binary
   * packet). The array must not be modified afterwards: it is shared by every recipient.
   */
  public static EncodedPacket binaryFrame(byte[] frame) {
    return new EncodedPacket(frame);
  }

  /** The text message (header and JSON), or {@code null} for a {@link #binaryFrame}. */
  public String text() {
    return text;
  }

  /** The single binary message of a {@link #binaryFrame}, or {@code null} for a text packet. Must not be modified. */
  public byte[] frame() {
    return frame;
  }

  /** Whether the packet is exactly one engine message (no attachments), so it may be sent volatile or flushed. */
  public boolean isSingleMessage() {
    return attachments.isEmpty();
  }

  /** The binary attachments, empty for non-binary packets. */
  public List<byte[]> attachments() {
    return attachments;
  }

  /** The weight of the packet for buffering bounds: characters of the text (or bytes of the frame) plus attachments. */
  public long size() {
    long size = text != null ? text.length() : frame.length;
    for (byte[] a : attachments) {
      size += a.length;
    }
    return size;
  }

  /** Whether there are attachments. */
  public boolean isBinary() {
    return !attachments.isEmpty();
  }

  /**
   * The text (or the frame of a {@link #binaryFrame}) as an engine message whose wire form is encoded once for all
   * recipients.
   */
  public OutboundMessage textMessage() {
    OutboundMessage m = textMessage;
    if (m == null) {
      m = text != null ? OutboundMessage.text(text) : OutboundMessage.binary(frame);
      textMessage = m;
    }
    return m;
  }

  /**
   * The messages in order, for {@code EngineSocket.sendAll}: the text, then each attachment, as engine messages shared
   * by every recipient. The array must not be modified.
   */
  public Object[] messages() {
    Object[] all = messages;
    if (all == null) {
      all = new Object[1 + attachments.size()];
      all[0] = textMessage();
      for (int i = 0; i < attachments.size(); i++) {
        all[i + 1] = OutboundMessage.binary(attachments.get(i));
      }
      messages = all;
    }
    return all;
  }

  /** {@link #textMessage()}, or the same message with Node's {@code compress: false} when not {@code compress}. */
  public OutboundMessage textMessage(boolean compress) {
    return compress ? textMessage() : (OutboundMessage) messages(false)[0];
  }

  /** {@link #messages()}, or the same messages with Node's {@code compress: false} when not {@code compress}. */
  public Object[] messages(boolean compress) {
    if (compress) {
      return messages();
    }
    Object[] all = uncompressedMessages;
    if (all == null) {
      Object[] plain = messages();
      all = new Object[plain.length];
      for (int i = 0; i < plain.length; i++) {
        all[i] = ((OutboundMessage) plain[i]).uncompressed();
      }
      uncompressedMessages = all;
    }
    return all;
  }

  @Override
  public String toString() {
    if (frame != null) {
      return "EncodedPacket[" + frame.length + " binary bytes]";
    }
    return "EncodedPacket[" + text + (attachments.isEmpty() ? "" : " + " + attachments.size() + " attachments") + "]";
  }
}
