package dev.sio4j.socket.parser;

/**
 * Bounds a {@link PacketDecoder} enforces on untrusted input. Immutable.
 *
 * @param maxAttachments most binary attachments in one packet; defaults to 10
 * @param maxDepth deepest JSON nesting (arrays/objects) accepted; defaults to 32
 * @param maxNamespaceLength longest namespace name; defaults to 256
 * @param maxPacketSize most characters of a text packet plus bytes of its attachments; defaults to 1,000,000
 */
public record DecoderLimits(int maxAttachments, int maxDepth, int maxNamespaceLength, long maxPacketSize) {

  /** Validates the limits. */
  public DecoderLimits {
    if (maxAttachments < 0 || maxDepth < 1 || maxNamespaceLength < 1 || maxPacketSize < 1) {
      throw new IllegalArgumentException("invalid decoder limits: " + maxAttachments + ", " + maxDepth + ", "
          + maxNamespaceLength + ", " + maxPacketSize);
    }
  }

  /** The defaults. */
  public static DecoderLimits defaults() {
    return new DecoderLimits(10, 32, 256, 1_000_000);
  }

  /** These limits with another attachment bound. */
  public DecoderLimits withMaxAttachments(int n) {
    return new DecoderLimits(n, maxDepth, maxNamespaceLength, maxPacketSize);
  }
}
