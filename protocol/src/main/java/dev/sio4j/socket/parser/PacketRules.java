package dev.sio4j.socket.parser;

import dev.sio4j.socket.parser.ParseException.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules every parser applies to a decoded packet, whatever its encoding (Node's {@code isPayloadValid} of
 * socket.io-parser, {@code checkPacket} of socket.io-msgpack-parser), so a packet is accepted or refused alike by the
 * JSON and msgpack parsers. Stateless and thread safe.
 */
public final class PacketRules {

  /** Event names a client may not use. */
  public static final Set<String> RESERVED_EVENTS =
      Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

  private PacketRules() {}

  /**
   * Checks that an ack id is present on ACK packets and absent except on EVENT/ACK packets.
   *
   * @throws ParseException of kind {@link Kind#INVALID_ACK_ID}
   */
  public static void checkId(PacketType type, Long id) {
    boolean ack = type == PacketType.ACK || type == PacketType.BINARY_ACK;
    boolean event = type == PacketType.EVENT || type == PacketType.BINARY_EVENT;
    if (ack && id == null) {
      throw new ParseException(Kind.INVALID_ACK_ID, "ack packet without id");
    }
    if (!ack && !event && id != null) {
      throw new ParseException(Kind.INVALID_ACK_ID, "ack id not allowed on " + type);
    }
  }

  /**
   * Checks the shape of the payload for the packet type, and that an event name is not reserved.
   *
   * @throws ParseException of kind {@link Kind#INVALID_PAYLOAD} or {@link Kind#RESERVED_EVENT}
   */
  public static void checkPayload(PacketType type, Object data) {
    boolean ok = switch (type) {
      case CONNECT -> data == null || data instanceof Map;
      case DISCONNECT -> data == null;
      case CONNECT_ERROR -> data instanceof Map || data instanceof String;
      case ACK, BINARY_ACK -> data instanceof List;
      case EVENT, BINARY_EVENT -> {
        if (!(data instanceof List<?> list) || list.isEmpty() || !(list.get(0) instanceof String name)) {
          yield false;
        }
        if (RESERVED_EVENTS.contains(name)) {
          throw new ParseException(Kind.RESERVED_EVENT, "reserved event name '" + name + "'");
        }
        yield true;
      }
    };
    if (!ok) {
      throw new ParseException(Kind.INVALID_PAYLOAD, "invalid payload for " + type);
    }
  }
}
