package dev.sio4j.socket.parser;

/** The default parser: {@link PacketEncoder} and {@link PacketDecoder} (Node's {@code socket.io-parser}). */
final class DefaultParser implements SocketParser {

  static final String NAME = "json";
  static final DefaultParser INSTANCE = new DefaultParser(JsonBinding.jsonb());

  private final JsonBinding binding;

  DefaultParser(JsonBinding binding) {
    this.binding = binding;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Encoder newEncoder() {
    return new PacketEncoder(binding);
  }

  @Override
  public JsonBinding jsonBinding() {
    return binding;
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
