package dev.sio4j.socket.parser;

/** The default parser: {@link PacketEncoder} and {@link PacketDecoder} (Node's {@code socket.io-parser}). */
final class DefaultParser implements SocketParser {

  static final String NAME = "json";
  static final DefaultParser INSTANCE = new DefaultParser();

  private DefaultParser() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Encoder newEncoder() {
    return new PacketEncoder();
  }

  @Override
  public Decoder newDecoder(DecoderLimits limits) {
    return new PacketDecoder(limits);
  }

  @Override
  public String toString() {
    return NAME;
  }
}
