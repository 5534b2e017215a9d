package dev.sio4j.socket.parser;

import dev.sio4j.engine.OutboundMessage;
import java.util.List;
import java.util.Objects;

/**
 * A packet on the wire: one text message, then its binary attachments (one binary message each, in order). The same
 * instance may be handed to many sessions: a broadcast is encoded once, and the engine messages built from it
 * ({@link #textMessage()}, {@link #messages()}) are built once too and shared by every recipient.
 *
 * <p>Immutable and thread safe (the engine messages are created lazily; creating them twice in a race is harmless);
 * the attachments must not be modified.
 */
public final class EncodedPacket {

  private final String text;
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
    this.attachments = List.copyOf(attachments);
  }

  /** The text message (header and JSON). */
  public String text() {
    return text;
  }

  /** The binary attachments, empty for non-binary packets. */
  public List<byte[]> attachments() {
    return attachments;
  }

  /** Whether there are attachments. */
  public boolean isBinary() {
    return !attachments.isEmpty();
  }

  /** The text as an engine message whose wire form is encoded once for all recipients. */
  public OutboundMessage textMessage() {
    OutboundMessage m = textMessage;
    if (m == null) {
      m = OutboundMessage.text(text);
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
    return "EncodedPacket[" + text + (attachments.isEmpty() ? "" : " + " + attachments.size() + " attachments") + "]";
  }
}
