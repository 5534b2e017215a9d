package dev.sio4j.socket.parser;

import java.util.List;

/**
 * A packet on the wire: one text message, then its binary attachments (one binary message each, in order). The same
 * instance may be handed to many sessions (a broadcast is encoded once). Immutable; the attachments must not be
 * modified.
 *
 * @param text the text message (header and JSON)
 * @param attachments the binary attachments, empty for non-binary packets
 */
public record EncodedPacket(String text, List<byte[]> attachments) {

  /** Copies the attachment list. */
  public EncodedPacket {
    attachments = List.copyOf(attachments);
  }

  /** Whether there are attachments. */
  public boolean isBinary() {
    return !attachments.isEmpty();
  }

  /** The messages in order, for {@code EngineSocket.sendAll}: the text, then each {@code byte[]}. */
  public Object[] messages() {
    Object[] all = new Object[1 + attachments.size()];
    all[0] = text;
    for (int i = 0; i < attachments.size(); i++) {
      all[i + 1] = attachments.get(i);
    }
    return all;
  }
}
