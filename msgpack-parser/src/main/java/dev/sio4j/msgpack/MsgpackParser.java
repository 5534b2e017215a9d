package dev.sio4j.msgpack;

import dev.sio4j.socket.parser.DecoderLimits;
import dev.sio4j.socket.parser.SocketParser;

/**
 * The msgpack parser, byte-compatible with npm {@code socket.io-msgpack-parser} 3.0.2 (notepack.io 2.2): each packet
 * is one msgpack map {@code {type, data, id?, nsp}} sent as one binary message (one WebSocket binary frame, one binary
 * packet of a polling payload); binary values are msgpack {@code bin} at any depth, with no attachments. Found by the
 * name {@code msgpack} ({@link SocketParser#byName}, init-param {@code sio4j.parser=msgpack}) through
 * {@link java.util.ServiceLoader}.
 *
 * <p>Thread safe.
 */
public final class MsgpackParser implements SocketParser {

  /** The name of this parser. */
  public static final String NAME = "msgpack";

  /** Creates the parser (public for {@link java.util.ServiceLoader}). */
  public MsgpackParser() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Encoder newEncoder() {
    return new MsgpackEncoder();
  }

  @Override
  public Decoder newDecoder(DecoderLimits limits) {
    return new MsgpackDecoder(limits);
  }

  @Override
  public String toString() {
    return NAME;
  }
}
