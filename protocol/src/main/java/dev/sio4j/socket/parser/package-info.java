/**
 * The Socket.IO v5 packet codec (Node's {@code socket.io-parser}): {@link dev.sio4j.socket.parser.PacketEncoder}
 * (thread safe, one per server) and {@link dev.sio4j.socket.parser.PacketDecoder} (one per connection, strict,
 * bounded by {@link dev.sio4j.socket.parser.DecoderLimits}, failing only with
 * {@link dev.sio4j.socket.parser.ParseException}).
 *
 * <pre>{@code
 * PacketDecoder decoder = new PacketDecoder();
 * SocketPacket p = decoder.decode("2/admin,456[\"project:delete\",123]");
 * EncodedPacket out = new PacketEncoder().encode(SocketPacket.ack("/admin", 456, List.of()));
 * out.text(); // "3/admin,456[]"
 * }</pre>
 */
package dev.sio4j.socket.parser;
