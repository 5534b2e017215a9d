package dev.sio4j.redis;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns whatever the application emitted (the socket layer accepts {@code JsonValue}, {@code ByteBuffer}, arrays,
 * POJOs and records besides the plain tree) into the plain tree both wire codecs write: {@code Map<String,Object>},
 * {@code List<Object>}, {@code String}, {@code Number}, {@code Boolean}, {@code null} and {@code byte[]}.
 * Stateless; thread safe.
 */
final class PlainValues {

  /** JSON-B is thread safe and costly to create: one for the class, created on first use of a POJO. */
  private static final class JsonbHolder {
    static final Jsonb JSONB = JsonbBuilder.create();
  }

  private PlainValues() {}

  static Object plain(Object v) {
    if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof byte[]) {
      return v;
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, val) -> out.put(String.valueOf(k), plain(val)));
      return out;
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      c.forEach(e -> out.add(plain(e)));
      return out;
    }
    if (v instanceof ByteBuffer b) {
      ByteBuffer copy = b.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return bytes;
    }
    if (v instanceof JsonValue j) {
      return fromJson(j);
    }
    if (v instanceof Character || v instanceof Enum<?>) {
      return v.toString();
    }
    if (v.getClass().isArray()) {
      int n = Array.getLength(v);
      List<Object> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(plain(Array.get(v, i)));
      }
      return out;
    }
    String json = JsonbHolder.JSONB.toJson(v);
    try (var reader = jakarta.json.Json.createReader(new StringReader(json))) {
      return fromJson(reader.readValue());
    }
  }

  /** A JSON value as a plain tree (integral numbers as Integer or Long, others as Double). */
  static Object fromJson(JsonValue j) {
    switch (j.getValueType()) {
      case NULL:
        return null;
      case TRUE:
        return Boolean.TRUE;
      case FALSE:
        return Boolean.FALSE;
      case STRING:
        return ((JsonString) j).getString();
      case NUMBER: {
        JsonNumber n = (JsonNumber) j;
        if (n.isIntegral()) {
          long l = n.longValue();
          return l == (int) l ? (Object) (int) l : (Object) l;
        }
        return n.doubleValue();
      }
      case ARRAY: {
        JsonArray a = (JsonArray) j;
        List<Object> out = new ArrayList<>(a.size());
        a.forEach(e -> out.add(fromJson(e)));
        return out;
      }
      default: {
        JsonObject o = (JsonObject) j;
        Map<String, Object> out = new LinkedHashMap<>();
        o.forEach((k, v) -> out.put(k, fromJson(v)));
        return out;
      }
    }
  }
}
