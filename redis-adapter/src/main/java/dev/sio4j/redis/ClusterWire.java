package dev.sio4j.redis;

import dev.sio4j.socket.adapter.BroadcastFlags;
import dev.sio4j.socket.adapter.BroadcastOptions;
import dev.sio4j.socket.parser.PacketType;
import dev.sio4j.socket.parser.SocketPacket;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pieces both Redis protocols (classic and sharded) write the same way, as Node's adapters do: the packet object
 * {@code {type, data, nsp}}, the options object {@code {rooms, except, flags}}, and the request ids. Stateless; thread
 * safe.
 */
final class ClusterWire {

  private static final System.Logger LOG = System.getLogger("dev.sio4j.redis");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private ClusterWire() {}

  /** Node's packet object: {@code {type, data, nsp}} (and {@code id} when asked for and present). */
  static Map<String, Object> packetToWire(SocketPacket packet, boolean withId, String nsp) {
    Map<String, Object> out = new LinkedHashMap<>();
    PacketType type = packet.type() == PacketType.BINARY_EVENT ? PacketType.EVENT
        : packet.type() == PacketType.BINARY_ACK ? PacketType.ACK : packet.type();
    out.put("type", type.ordinal());
    out.put("data", packet.data());
    out.put("nsp", nsp);
    if (withId && packet.id() != null) {
      out.put("id", packet.id());
    }
    return out;
  }

  /** The packet of Node's packet object, in namespace {@code nsp}; {@code null} when its type is unknown. */
  static SocketPacket packetFromWire(Map<?, ?> packet, String nsp) {
    if (!(packet.get("type") instanceof Number n) || n.intValue() < 0 || n.intValue() >= PacketType.values().length) {
      return null;
    }
    PacketType type = PacketType.values()[n.intValue()];
    // the encoder picks BINARY_* itself from the data
    type = type == PacketType.BINARY_EVENT ? PacketType.EVENT : type == PacketType.BINARY_ACK ? PacketType.ACK : type;
    return new SocketPacket(type, nsp, packet.get("data"), null);
  }

  /** Node's options object: {@code {rooms, except}} and, when asked for, {@code flags}. */
  static Map<String, Object> optsToWire(BroadcastOptions opts, boolean withFlags) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rooms", new ArrayList<>(opts.rooms()));
    out.put("except", new ArrayList<>(opts.except()));
    if (withFlags) {
      Map<String, Object> flags = new LinkedHashMap<>();
      if (opts.flags().isVolatile()) {
        flags.put("volatile", true);
      }
      if (opts.flags().timeout() != null) {
        flags.put("timeout", opts.flags().timeout().toMillis());
      }
      if (!opts.flags().compress()) {
        flags.put("compress", false); // Node sets it only when compress() was called; true is its default
      }
      out.put("flags", flags);
    }
    return out;
  }

  /** The options of Node's options object; all sockets when absent. */
  static BroadcastOptions optsFromWire(Object o) {
    if (!(o instanceof Map<?, ?> m)) {
      return BroadcastOptions.all();
    }
    BroadcastFlags flags = BroadcastFlags.NONE;
    if (m.get("flags") instanceof Map<?, ?> f) {
      if (Boolean.TRUE.equals(f.get("volatile"))) {
        flags = flags.withVolatile();
      }
      if (f.get("timeout") instanceof Number t) {
        flags = flags.withTimeout(Duration.ofMillis(t.longValue()));
      }
      if (Boolean.FALSE.equals(f.get("compress"))) {
        flags = flags.withCompress(false);
      }
    }
    return new BroadcastOptions(stringSet(m.get("rooms")), stringSet(m.get("except")), flags);
  }

  /** A list of room names (or socket ids) as strings; empty when not a list. */
  static Set<String> stringSet(Object o) {
    Set<String> out = new LinkedHashSet<>();
    if (o instanceof List<?> l) {
      for (Object e : l) {
        // Node allows numeric room names; they arrive as numbers
        out.add(e instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(e));
      }
    }
    return out;
  }

  /** A JSON (first byte {@code '{'}) or MessagePack object; {@code null} (logged) when malformed. */
  static Map<?, ?> decodeObject(byte[] message, int maxNestingDepth) {
    try {
      Object o = message.length > 0 && message[0] == '{'
          ? JsonText.decode(message)
          : MsgPack.decode(message, maxNestingDepth);
      return o instanceof Map<?, ?> m ? m : null;
    } catch (IllegalArgumentException e) {
      LOG.log(Level.DEBUG, () -> "ignoring a malformed request/response: " + e.getMessage());
      return null;
    }
  }

  /** Whether a value holds binary anywhere (then Node's encoders pick MessagePack over JSON). */
  static boolean hasBinary(Object o) {
    if (o instanceof byte[] || o instanceof ByteBuffer) {
      return true;
    }
    if (o instanceof Map<?, ?> m) {
      return m.values().stream().anyMatch(ClusterWire::hasBinary);
    }
    if (o instanceof Iterable<?> l) {
      for (Object e : l) {
        if (hasBinary(e)) {
          return true;
        }
      }
    }
    return o instanceof Object[] a && Arrays.stream(a).anyMatch(ClusterWire::hasBinary);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A request id (and the classic adapter's uid): six random letters and digits, as Node's. */
  static String randomId() {
    char[] out = new char[6];
    for (int i = 0; i < out.length; i++) {
      out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(out);
  }

  /** Node's sharded-adapter uid: {@code randomBytes(8).toString("hex")}. */
  static String randomHexId() {
    byte[] b = new byte[8];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
