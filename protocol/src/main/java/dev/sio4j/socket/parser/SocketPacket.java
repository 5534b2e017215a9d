package dev.sio4j.socket.parser;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Socket.IO packet, as the application sees it (binary attachments already in place).
 *
 * <p>{@code data} is a plain Java tree: {@code Map<String,Object>}, {@code List<Object>}, {@code String},
 * {@code Number}, {@code Boolean}, {@code null} and {@code byte[]}; when encoding, also {@code ByteBuffer},
 * {@code jakarta.json.JsonValue}, arrays and POJOs/records (via JSON-B). {@code data} is {@code null} when the packet
 * has no payload. Immutable if its data is; thread safe.
 *
 * @param type the packet type; the encoder turns EVENT/ACK into BINARY_* when the data holds binary
 * @param namespace the namespace, {@code "/"} for the main one
 * @param data the payload or {@code null}
 * @param id the ack id, or {@code null} for none
 */
public record SocketPacket(PacketType type, String namespace, Object data, Long id) {

  /** The main namespace. */
  public static final String MAIN_NAMESPACE = "/";

  /** Checks the required components. */
  public SocketPacket {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(namespace, "namespace");
    if (id != null && id < 0) {
      throw new IllegalArgumentException("ack id must be >= 0: " + id);
    }
  }

  /** A CONNECT packet (payload: the client's auth, or the server's {@code {"sid":…}}). */
  public static SocketPacket connect(String namespace, Map<String, ?> data) {
    return new SocketPacket(PacketType.CONNECT, namespace, data, null);
  }

  /** A DISCONNECT packet. */
  public static SocketPacket disconnect(String namespace) {
    return new SocketPacket(PacketType.DISCONNECT, namespace, null, null);
  }

  /** A CONNECT_ERROR packet with its payload ({@code {"message":…,"data":…}}). */
  public static SocketPacket connectError(String namespace, Object data) {
    return new SocketPacket(PacketType.CONNECT_ERROR, namespace, data, null);
  }

  /** An EVENT packet: {@code [name, args...]}, with an ack id or {@code null}. */
  public static SocketPacket event(String namespace, List<?> nameAndArgs, Long id) {
    return new SocketPacket(PacketType.EVENT, namespace, nameAndArgs, id);
  }

  /** An ACK packet answering ack id {@code id}. */
  public static SocketPacket ack(String namespace, long id, List<?> args) {
    return new SocketPacket(PacketType.ACK, namespace, args, id);
  }

  /** The event name of an EVENT/BINARY_EVENT packet. */
  public String eventName() {
    return (String) ((List<?>) data).get(0);
  }

  /** The arguments of an EVENT (after the name) or ACK packet, as a mutable copy. */
  public List<Object> arguments() {
    List<?> list = (List<?>) data;
    int from = type == PacketType.EVENT || type == PacketType.BINARY_EVENT ? 1 : 0;
    return new java.util.ArrayList<>(list.subList(from, list.size()));
  }
}
