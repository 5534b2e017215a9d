package dev.sio4j.socket.parser;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * A Socket.IO packet codec (Node's {@code parser} server option): one {@link Encoder} per server, one {@link Decoder}
 * per connection. The default is {@link #json()} (Node's {@code socket.io-parser}: a text message, binary as
 * attachments); {@code sio4j-msgpack-parser} adds {@code msgpack} (npm {@code socket.io-msgpack-parser}). A client
 * must use the same parser as the server.
 *
 * <p>Implementations are found by name with {@link #byName(String)}: {@code json} is built in, others are
 * {@link ServiceLoader} providers of this interface. Implementations are thread safe.
 *
 * <pre>{@code
 * SocketIoOptions options = SocketIoOptions.builder().parser(SocketParser.byName("msgpack")).build();
 * }</pre>
 */
public interface SocketParser {

  /** The name used by init-params and {@link #byName(String)}, e.g. {@code json} or {@code msgpack}. */
  String name();

  /** A new encoder, shared by every connection of one server. */
  Encoder newEncoder();

  /** A new decoder for one connection, enforcing {@code limits}. */
  Decoder newDecoder(DecoderLimits limits);

  /** The default parser (Node's {@code socket.io-parser}). */
  static SocketParser json() {
    return DefaultParser.INSTANCE;
  }

  /**
   * The default parser with application types bound by {@code binding} (e.g. the application's Jackson
   * {@code ObjectMapper}) instead of JSON-B; the wire format is the same.
   */
  static SocketParser json(JsonBinding binding) {
    return new DefaultParser(java.util.Objects.requireNonNull(binding, "binding"));
  }

  /**
   * How annotated endpoints convert event arguments to parameter types; {@link JsonBinding#jsonb()} unless the parser
   * says otherwise.
   */
  default JsonBinding jsonBinding() {
    return JsonBinding.jsonb();
  }

  /**
   * The parser of that name: {@code json}, or a {@link ServiceLoader} provider (from this interface's class loader,
   * then the thread's context class loader) whose {@link #name()} matches, ignoring case.
   *
   * @throws IllegalArgumentException when none has that name (the message names the jar to add)
   */
  static SocketParser byName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    if (wanted.equals(DefaultParser.NAME)) {
      return json();
    }
    for (ClassLoader loader : new ClassLoader[] {SocketParser.class.getClassLoader(),
        Thread.currentThread().getContextClassLoader()}) {
      for (SocketParser p : ServiceLoader.load(SocketParser.class, loader)) {
        if (p.name().equalsIgnoreCase(wanted)) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException("no Socket.IO parser named '" + name + "' (json is built in; msgpack needs "
        + "sio4j-msgpack-parser on the class path)");
  }

  /** Encodes packets for every connection of a server. Thread safe. */
  interface Encoder {

    /**
     * Encodes a packet once; the result may be written to any number of connections (a broadcast).
     *
     * @throws IllegalArgumentException when the data cannot be serialized
     */
    EncodedPacket encode(SocketPacket packet);
  }

  /**
   * Decodes the messages of one connection, in arrival order. After a {@link ParseException} the connection is closed.
   * Not thread safe.
   */
  interface Decoder {

    /**
     * Decodes a text message.
     *
     * @return the packet, or {@code null} when more messages are needed
     * @throws ParseException when the message breaks the protocol (the only exception it throws)
     */
    SocketPacket decode(String text);

    /**
     * Decodes a binary message.
     *
     * @return the packet, or {@code null} when more messages are needed
     * @throws ParseException when the message breaks the protocol (the only exception it throws)
     */
    SocketPacket decode(ByteBuffer data);

    /** Drops a partly received packet. */
    void reset();
  }
}
