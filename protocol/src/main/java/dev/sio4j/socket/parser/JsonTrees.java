package dev.sio4j.socket.parser;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Turns the socket layer's plain trees (Map/List/String/Number/Boolean/null/byte[]) into JSON-P values, without going
 * through JSON text: one pass, one JSON-P node per tree node. {@code byte[]} attachments become base64 strings, which
 * is what the shared {@code Jsonb} (configured with {@code BinaryDataStrategy.BASE_64}) reads back into {@code byte[]}
 * fields. Recursion depth is bounded by the decoder's nesting limit. Stateless, thread safe.
 */
final class JsonTrees {

  private static final JsonProvider JSON = JsonProvider.provider();

  private JsonTrees() {}

  static JsonValue toJsonValue(Object v) {
    if (v == null) {
      return JsonValue.NULL;
    } else if (v instanceof String s) {
      return JSON.createValue(s);
    } else if (v instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    } else if (v instanceof Integer i) {
      return JSON.createValue(i.intValue());
    } else if (v instanceof Long l) {
      return JSON.createValue(l.longValue());
    } else if (v instanceof Double d) {
      return JSON.createValue(d.doubleValue());
    } else if (v instanceof BigDecimal d) {
      return JSON.createValue(d);
    } else if (v instanceof BigInteger i) {
      return JSON.createValue(i);
    } else if (v instanceof Number n) {
      return JSON.createValue(new BigDecimal(n.toString()));
    } else if (v instanceof byte[] bytes) {
      return JSON.createValue(Base64.getEncoder().encodeToString(bytes));
    } else if (v instanceof ByteBuffer buf) {
      byte[] bytes = new byte[buf.remaining()];
      buf.duplicate().get(bytes);
      return JSON.createValue(Base64.getEncoder().encodeToString(bytes));
    } else if (v instanceof JsonValue jv) {
      return jv;
    } else if (v instanceof Map<?, ?> map) {
      JsonObjectBuilder b = JSON.createObjectBuilder();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        b.add(String.valueOf(e.getKey()), toJsonValue(e.getValue()));
      }
      return b.build();
    } else if (v instanceof List<?> list) {
      JsonArrayBuilder b = JSON.createArrayBuilder();
      for (Object item : list) {
        b.add(toJsonValue(item));
      }
      return b.build();
    }
    throw new IllegalArgumentException("not a JSON tree node: " + v.getClass().getName());
  }
}
