/**
 * The Engine.IO v4 wire format: packets ({@link dev.sio4j.engine.packet.EnginePacket}), their encoding for a
 * WebSocket frame ({@link dev.sio4j.engine.packet.PacketEncoder}, {@link dev.sio4j.engine.packet.PacketDecoder}) and
 * the {@code 0x1e}-separated payloads of HTTP long-polling ({@link dev.sio4j.engine.packet.PayloadEncoder},
 * {@link dev.sio4j.engine.packet.PayloadDecoder}). No I/O, no state.
 *
 * <pre>{@code
 * String frame = PacketEncoder.encodeText(EnginePacket.message("hello"));      // "4hello"
 * List<EnginePacket> packets = PayloadDecoder.decode("4hello\u001ebAQIDBA=="); // text + binary message
 * }</pre>
 *
 * <p>Protocol v3 would get its own encoder/decoder pair beside these; the packet types are shared.
 */
package dev.sio4j.engine.packet;
